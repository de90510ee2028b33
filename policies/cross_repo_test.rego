package golden.cross_repo_test

import data.golden.cross_repo

repo(org, name, owner) := {
	"repository": {"org": org, "name": name, "full_name": concat("/", [org, name]), "path": ""},
	"tier": 1,
	"metadata": {"owner": owner},
}

portfolio_data := {
	"repositories": [
		repo("alpha", "api", "team-a"),
		repo("beta", "api", "team-b"),
		repo("beta", "web", "team-a"),
	],
	"by_name": {"api": ["alpha/api", "beta/api"], "web": ["beta/web"]},
	"by_owner": {"team-a": ["alpha/api", "beta/web"], "team-b": ["beta/api"]},
}

test_duplicate_name if {
	cross_repo.warn_duplicate_name == {"the name api is also used by beta/api"} with data.golden.portfolio as portfolio_data with input as repo("alpha", "api", "team-a")
}

test_unique_name if {
	count(cross_repo.warn_duplicate_name) == 0 with data.golden.portfolio as portfolio_data with input as repo("beta", "web", "team-a")
}

test_unknown_owner if {
	cross_repo.warn_unknown_owner == {"owner \"team-b\" owns no other repository of the portfolio (a typo?)"} with data.golden.portfolio as portfolio_data with input as repo("beta", "api", "team-b")
}

test_known_owner if {
	count(cross_repo.warn_unknown_owner) == 0 with data.golden.portfolio as portfolio_data with input as repo("alpha", "api", "team-a")
}

test_alone_in_the_portfolio if {
	count(cross_repo.warn_unknown_owner) == 0 with data.golden.portfolio as {"repositories": [repo("a", "b", "c")], "by_name": {}, "by_owner": {"c": ["a/b"]}} with input as repo("a", "b", "c")
}
