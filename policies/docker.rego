# METADATA
# title: Docker hardening
# description: >-
#   What the built-in docker check does not cover: how images are fetched and built. The
#   input lists every Dockerfile with its stages and instructions (docs/policy-input.md).
package golden.docker

# A RUN instruction's whole shell text, heredocs included.
script(ins) := concat("\n", array.concat([ins.args], object.get(ins, "heredocs", [])))

# Downloading a script and piping it into a shell runs whatever the server sends that day.
pipes_to_shell(text) if regex.match(`(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b`, text)

# METADATA
# title: No curl | sh in image builds
# description: A RUN instruction pipes a download into a shell; fetch, verify a checksum, then run.
deny_curl_pipe_shell contains {"msg": msg, "file": df.path, "line": ins.line} if {
	some df in input.dockerfiles
	some ins in df.instructions
	ins.cmd == "run"
	pipes_to_shell(script(ins))
	msg := sprintf("%s:%d: RUN pipes a download into a shell", [df.path, ins.line])
}

# METADATA
# title: No sudo in image builds
# description: Build steps already run as the image's current user; sudo hides privilege changes.
warn_sudo contains {"msg": msg, "file": df.path, "line": ins.line} if {
	some df in input.dockerfiles
	some ins in df.instructions
	ins.cmd == "run"
	regex.match(`(^|[\s;&|(])sudo\s`, script(ins))
	msg := sprintf("%s:%d: RUN uses sudo", [df.path, ins.line])
}

# The names stages are known by, to tell `FROM build` (an earlier stage) from an image.
stage_names(df) := {s.name | some s in df.stages; s.name != ""}

# METADATA
# title: Base images pinned by digest (tier 1)
# description: >-
#   Tier 1 images build from an exact base (image@sha256:...), so a re-tagged upstream image
#   cannot change what ships (Scorecard's Pinned-Dependencies).
# custom:
#   tiers: [1]
warn_base_digest contains {"msg": msg, "file": df.path, "line": stage.line} if {
	some df in input.dockerfiles
	some stage in df.stages
	stage.base != "scratch"
	not lower(stage.base) in stage_names(df)
	not contains(stage.base, "@sha256:")
	not startswith(stage.base, "$")
	msg := sprintf("%s:%d: base image %s is not pinned by digest", [df.path, stage.line, stage.base])
}

# METADATA
# title: Unreadable Dockerfiles
# description: A Dockerfile over 1 MiB or unreadable cannot be checked.
warn_unreadable contains {"msg": sprintf("%s: %s", [df.path, df.error.message]), "file": df.path} if {
	some df in input.dockerfiles
	df.error
}
