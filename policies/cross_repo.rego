# METADATA
# title: Across the portfolio
# description: >-
#   Rules that compare a repository with the others (data.golden.portfolio lists every
#   repository of the run with its metadata and tier).
package golden.cross_repo

repositories := data.golden.portfolio.repositories

# The other repositories listed under `key` in one of the portfolio's indexes.
others(index, key) := [n |
	some n in object.get(data.golden.portfolio[index], key, [])
	n != input.repository.full_name
]

# METADATA
# title: Repository names are unique
# description: >-
#   Two organizations with a repository of the same name confuse catalogs, image names and
#   people; rename one or mark one archived.
warn_duplicate_name contains msg if {
	same := others("by_name", input.repository.name)
	count(same) > 0
	msg := sprintf("the name %s is also used by %s", [input.repository.name, concat(", ", same)])
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
	is_string(owner)
	count(others("by_owner", owner)) == 0
	count(repositories) > 1
	msg := sprintf("owner %q owns no other repository of the portfolio (a typo?)", [owner])
}
