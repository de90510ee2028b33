# METADATA
# title: Dependency hygiene
# description: >-
#   Builds are reproducible (lock files, pinned requirements) and installing a package does
#   not run arbitrary downloads (npm lifecycle scripts).
package golden.dependencies

has_file(path) if {
	some f in input.files
	f.path == path
	f.kind == "file"
}

npm_locks := {"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb"}

npm_has_dependencies(pkg) if count(object.get(pkg, "dependencies", {})) > 0

npm_has_dependencies(pkg) if count(object.get(pkg, "devDependencies", {})) > 0

# METADATA
# title: Lock files
# description: >-
#   A package.json with dependencies has a lock file; a go.mod that requires modules has a
#   go.sum. Without one, every install may resolve different versions.
deny_lock_file contains {"msg": "package.json has dependencies but no lock file (package-lock.json, yarn.lock, pnpm-lock.yaml)", "file": "package.json"} if {
	npm_has_dependencies(input.manifests.package_json)
	count({l | some l in input.manifests.lock_files; l in npm_locks}) == 0
}

deny_lock_file contains {"msg": "go.mod requires modules but there is no go.sum", "file": "go.mod"} if {
	count(input.manifests.go_mod.require) > 0
	not has_file("go.sum")
}

# METADATA
# title: Pinned Python requirements
# description: requirements*.txt pins every package to one version (name==1.2.3).
warn_unpinned_requirements contains {"msg": msg, "file": r.path, "line": r.line} if {
	some r in input.manifests.requirements
	not r.error
	not r.pinned
	msg := sprintf("%s:%d: %s is not pinned to a version (==)", [r.path, r.line, r.name])
}

lifecycle_scripts := {"preinstall", "install", "postinstall", "prepare"}

# Network fetches, shell pipes and eval in a script.
dangerous(script) if regex.match(`\b(curl|wget)\b|\|\s*(ba|z)?sh\b|\beval\b|node\s+-e\b`, script)

# METADATA
# title: No dangerous npm install scripts
# description: >-
#   preinstall/install/postinstall/prepare scripts run on every install, also for the
#   package's users; they must not download or eval code.
deny_npm_scripts contains {"msg": msg, "file": "package.json"} if {
	some name, script in input.manifests.package_json.scripts
	name in lifecycle_scripts
	dangerous(script)
	msg := sprintf("package.json: the %s script downloads or evaluates code: %s", [name, script])
}

# METADATA
# title: Manifests that do not parse
# description: A package.json, pyproject.toml or Cargo.toml that golden cannot read.
deny_invalid_manifest contains {"msg": msg, "file": m.path, "line": object.get(m.error, "line", 0)} if {
	some key in ["package_json", "pyproject", "cargo"]
	m := input.manifests[key]
	m.error
	msg := sprintf("%s cannot be read: %s", [m.path, m.error.message])
}
