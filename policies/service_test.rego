package golden.service_test

import data.golden.service

test_service_with_slo_passes if {
	md := {"type": "service", "slo": {"availability": 99.9, "latency_p99_ms": 250}}
	count(service.deny_slo) == 0 with input as {"tier": 1, "metadata": md}
	count(service.deny_slo_range) == 0 with input as {"tier": 1, "metadata": md}
}

test_service_without_slo if {
	service.deny_slo == {
		{"msg": "tier 2 service has no numeric slo.availability in .meta/repo.yaml", "file": ".meta/repo.yaml"},
		{"msg": "tier 2 service has no numeric slo.latency_p99_ms in .meta/repo.yaml", "file": ".meta/repo.yaml"},
	} with input as {"tier": 2, "metadata": {"type": "service"}}
}

test_string_latency_is_not_a_number if {
	service.deny_slo == {{"msg": "tier 1 service has no numeric slo.latency_p99_ms in .meta/repo.yaml", "file": ".meta/repo.yaml"}} with input as {"tier": 1, "metadata": {"type": "service", "slo": {"availability": 99, "latency_p99_ms": "300ms"}}}
}

test_libraries_need_no_slo if {
	count(service.deny_slo) == 0 with input as {"tier": 1, "metadata": {"type": "library"}}
}

test_no_metadata if {
	count(service.deny_slo) == 0 with input as {"tier": 4, "metadata": null}
}

test_availability_out_of_range if {
	service.deny_slo_range == {{"msg": "slo.availability 999 is not a percentage between 90 and 100", "file": ".meta/repo.yaml"}} with input as {"metadata": {"type": "service", "slo": {"availability": 999}}}
	count(service.deny_slo_range) == 1 with input as {"metadata": {"type": "service", "slo": {"availability": 9.5}}}
}
