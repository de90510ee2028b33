# METADATA
# title: Repository layout
# description: What every repository of the portfolio keeps at its top level.
package golden.repository

# Every regular file's path, collected once per evaluation.
file_paths := {f.path | some f in input.files; f.kind == "file"}

has_any(paths) if {
	some p in paths
	p in file_paths
}

# METADATA
# title: SECURITY.md for critical repositories
# description: >-
#   Tier 1-2 repositories say how to report a vulnerability (SECURITY.md at the top, in .github/
#   or in docs/), as OpenSSF Scorecard's Security-Policy check asks.
# custom:
#   tiers: [1, 2]
deny_security_md contains msg if {
	not has_any({"SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md"})
	msg := sprintf("tier %d repository has no SECURITY.md (top level, .github/ or docs/)", [input.tier])
}

# METADATA
# title: A license
# description: Every repository but unclassified ones (tier 4) carries a LICENSE or COPYING file.
# custom:
#   tiers: [1, 2, 3]
deny_license contains "no LICENSE or COPYING file at the top level" if {
	not has_any({"LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING", "COPYING.md"})
}

# ".exe" for "tools/build.EXE"; undefined without a dot in the file name.
extension(path) := concat("", [".", lower(parts[count(parts) - 1])]) if {
	parts := split(path, ".")
	count(parts) > 1
}

binary_extensions := {
	".exe", ".dll", ".so", ".dylib", ".a", ".o", ".obj", ".lib", ".jar", ".war", ".class",
	".pyc", ".pyo", ".whl", ".egg", ".bin",
}

# METADATA
# title: No committed binaries
# description: >-
#   Build outputs and compiled artifacts do not belong in source control (Scorecard's
#   Binary-Artifacts check): they cannot be reviewed and hide what ships.
warn_binaries contains {"msg": sprintf("binary artifact committed: %s", [path]), "file": path} if {
	some path in file_paths
	extension(path) in binary_extensions
}

# A Markdown file below docs/adr, doc/adr, docs/decisions or adr.
adr_record(path) if regex.match(`^(docs/adr|doc/adr|docs/decisions|adr)/.+\.md$`, path)

has_adr if {
	some path in file_paths
	adr_record(path)
}

# METADATA
# title: Architecture decision records
# description: Tier 1-2 repositories record their architecture decisions (docs/adr/*.md).
# custom:
#   tiers: [1, 2]
deny_adr contains "no architecture decision records (docs/adr/*.md)" if not has_adr

dependency_bots := {
	"renovate.json", "renovate.json5", ".renovaterc", ".renovaterc.json", ".github/renovate.json",
	".github/renovate.json5", ".gitlab/renovate.json", ".github/dependabot.yml",
	".github/dependabot.yaml",
}

# METADATA
# title: Automated dependency updates
# description: Renovate or Dependabot keeps dependencies current (Scorecard's Dependency-Update-Tool).
# custom:
#   tiers: [1, 2, 3]
warn_dependency_updates contains "no Renovate or Dependabot configuration" if {
	not has_any(dependency_bots)
}
