# METADATA
# title: Service level objectives
# description: >-
#   Critical services state their service level objectives in .meta/repo.yaml, so on-call
#   and dashboards agree on what "up" means:
#     slo:
#       availability: 99.9        # percent
#       latency_p99_ms: 300
package golden.service

is_service if input.metadata.type == "service"

slo_fields := ["availability", "latency_p99_ms"]

# METADATA
# title: SLO fields for tier 1-2 services
# description: Tier 1-2 services declare slo.availability and slo.latency_p99_ms.
# custom:
#   tiers: [1, 2]
deny_slo contains {"msg": msg, "file": ".meta/repo.yaml"} if {
	is_service
	some field in slo_fields
	not is_number(object.get(input.metadata, ["slo", field], null))
	msg := sprintf("tier %d service has no numeric slo.%s in .meta/repo.yaml", [input.tier, field])
}

# METADATA
# title: Plausible availability
# description: slo.availability is a percentage between 90 and 100.
deny_slo_range contains {"msg": msg, "file": ".meta/repo.yaml"} if {
	is_service
	a := input.metadata.slo.availability
	is_number(a)
	not a >= 90
	msg := sprintf("slo.availability %v is not a percentage between 90 and 100", [a])
}

deny_slo_range contains {"msg": msg, "file": ".meta/repo.yaml"} if {
	is_service
	a := input.metadata.slo.availability
	a > 100
	msg := sprintf("slo.availability %v is not a percentage between 90 and 100", [a])
}
