# METADATA
# title: Repository layout
# description: What every repository of the portfolio keeps at its top level.
package golden.repository

# Where GitHub looks for a file, in its order of preference.
has_any(paths) if {
	some p in paths
	some f in input.files
	f.path == p
	f.kind == "file"
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

binary_extensions := {
	".exe", ".dll", ".so", ".dylib", ".a", ".o", ".obj", ".lib", ".jar", ".war", ".class",
	".pyc", ".pyo", ".whl", ".egg", ".bin",
}

# METADATA
# title: No committed binaries
# description: >-
#   Build outputs and compiled artifacts do not belong in source control (Scorecard's
#   Binary-Artifacts check): they cannot be reviewed and hide what ships.
warn_binaries contains {"msg": sprintf("binary artifact committed: %s", [f.path]), "file": f.path} if {
	some f in input.files
	f.kind == "file"
	some ext in binary_extensions
	endswith(lower(f.path), ext)
}

adr_dirs := {"docs/adr", "doc/adr", "docs/decisions", "adr"}

# METADATA
# title: Architecture decision records
# description: Tier 1-2 repositories record their architecture decisions (docs/adr/*.md).
# custom:
#   tiers: [1, 2]
deny_adr contains "no architecture decision records (docs/adr/*.md)" if {
	count([f |
		some f in input.files
		f.kind == "file"
		some dir in adr_dirs
		startswith(f.path, concat("", [dir, "/"]))
		endswith(f.path, ".md")
	]) == 0
}

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
