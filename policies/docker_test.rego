package golden.docker_test

import data.golden.docker

dockerfile(instructions, stages) := {"dockerfiles": [{
	"path": "Dockerfile",
	"stages": stages,
	"instructions": instructions,
}]}

run(args, line) := {"cmd": "run", "args": args, "words": [], "line": line, "stage": 0}

test_curl_pipe_shell if {
	docker.deny_curl_pipe_shell == {{"msg": "Dockerfile:3: RUN pipes a download into a shell", "file": "Dockerfile", "line": 3}} with input as dockerfile([run("curl -fsSL https://get.example.com | sudo bash", 3)], [])
}

test_wget_pipe_sh_in_heredoc if {
	ins := object.union(run("<<EOF", 2), {"heredocs": ["set -e\nwget -qO- https://x.io/i.sh | sh\n"]})
	count(docker.deny_curl_pipe_shell) == 1 with input as dockerfile([ins], [])
}

test_download_then_verify_is_fine if {
	count(docker.deny_curl_pipe_shell) == 0 with input as dockerfile([run("curl -fsSLo i.sh https://x.io/i.sh && sha256sum -c i.sum && sh i.sh", 2)], [])
}

test_sudo if {
	docker.warn_sudo == {{"msg": "Dockerfile:4: RUN uses sudo", "file": "Dockerfile", "line": 4}} with input as dockerfile([run("apt-get update && sudo apt-get install -y git", 4)], [])
}

test_pseudo_is_not_sudo if {
	count(docker.warn_sudo) == 0 with input as dockerfile([run("echo pseudo thing", 4)], [])
}

stages := [
	{"base": "golang:1.22", "name": "build", "platform": "", "line": 1},
	{"base": "build", "name": "test", "platform": "", "line": 5},
	{"base": "gcr.io/distroless/static@sha256:0123abcd", "name": "", "platform": "", "line": 8},
	{"base": "scratch", "name": "", "platform": "", "line": 12},
]

test_base_digest_only_images if {
	docker.warn_base_digest == {{"msg": "Dockerfile:1: base image golang:1.22 is not pinned by digest", "file": "Dockerfile", "line": 1}} with input as dockerfile([], stages)
}

test_unreadable if {
	docker.warn_unreadable == {{"msg": "big/Dockerfile: file is larger than 1048576 bytes", "file": "big/Dockerfile"}} with input as {"dockerfiles": [{"path": "big/Dockerfile", "error": {"message": "file is larger than 1048576 bytes"}}]}
}
