package golden.repository_test

import data.golden.repository

files(paths) := [{"path": p, "size": 1, "kind": "file"} | some p in paths]

complete := files([
	"SECURITY.md", "LICENSE", "docs/adr/0001-record.md", ".github/dependabot.yml", "README.md",
])

test_complete_repository_passes if {
	count(repository.deny_security_md) == 0 with input as {"tier": 1, "files": complete}
	count(repository.deny_license) == 0 with input as {"tier": 1, "files": complete}
	count(repository.deny_adr) == 0 with input as {"tier": 1, "files": complete}
	count(repository.warn_dependency_updates) == 0 with input as {"tier": 1, "files": complete}
	count(repository.warn_binaries) == 0 with input as {"tier": 1, "files": complete}
}

test_security_md_missing if {
	repository.deny_security_md == {"tier 2 repository has no SECURITY.md (top level, .github/ or docs/)"} with input as {"tier": 2, "files": files(["README.md"])}
}

test_security_md_in_github_folder if {
	count(repository.deny_security_md) == 0 with input as {"tier": 2, "files": files([".github/SECURITY.md"])}
}

test_security_md_folder_does_not_count if {
	count(repository.deny_security_md) == 1 with input as {"tier": 2, "files": [{"path": "SECURITY.md", "size": 0, "kind": "dir"}]}
}

test_license_missing if {
	repository.deny_license == {"no LICENSE or COPYING file at the top level"} with input as {"tier": 3, "files": files(["docs/LICENSE"])}
}

test_license_copying if {
	count(repository.deny_license) == 0 with input as {"tier": 3, "files": files(["COPYING"])}
}

test_binaries_reported_with_file if {
	repository.warn_binaries == {{"msg": "binary artifact committed: tools/build.EXE", "file": "tools/build.EXE"}} with input as {"files": files(["tools/build.EXE", "src/main.c"])}
}

test_adr_missing if {
	count(repository.deny_adr) == 1 with input as {"tier": 1, "files": files(["docs/index.md", "docs/adr/README.txt"])}
}

test_adr_in_decisions_folder if {
	count(repository.deny_adr) == 0 with input as {"tier": 1, "files": files(["docs/decisions/0001-use-go.md"])}
}

test_dependency_updates_renovate if {
	count(repository.warn_dependency_updates) == 0 with input as {"files": files(["renovate.json"])}
}

test_dependency_updates_missing if {
	count(repository.warn_dependency_updates) == 1 with input as {"files": files(["README.md"])}
}
