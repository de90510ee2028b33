# METADATA
# title: Across the portfolio
# description: >-
#   Rules that compare a repository with the others (data.golden.portfolio lists every
#   repository of the run with its metadata and tier).
package golden.cross_repo

repositories := data.golden.portfolio.repositories

# METADATA
# title: Repository names are unique
# description: >-
#   Two organizations with a repository of the same name confuse catalogs, image names and
#   people; rename one or mark one archived.
warn_duplicate_name contains msg if {
	others := [r.repository.full_name |
		some r in repositories
		r.repository.name == input.repository.name
		r.repository.full_name != input.repository.full_name
	]
	count(others) > 0
	msg := sprintf("the name %s is also used by %s", [input.repository.name, concat(", ", others)])
}

# METADATA
# title: Owners of critical repositories are known
# description: >-
#   A tier 1-2 repository names an owner (metadata `owner`) that owns no other repository of
#   the portfolio: check the name is not a typo of a known team.
# custom:
#   tiers: [1, 2]
warn_unknown_owner contains msg if {
	owner := input.metadata.owner
	count([r |
		some r in repositories
		r.repository.full_name != input.repository.full_name
		r.metadata.owner == owner
	]) == 0
	count(repositories) > 1
	msg := sprintf("owner %q owns no other repository of the portfolio (a typo?)", [owner])
}
