# goldenpath: the two commands of the README, and a few more for developers.
#   make demo   install dependencies if missing, build, run golden on the example portfolio
#   make test   install dependencies if missing, build, run every test
SHELL := /bin/bash
JOBS ?= $(shell nproc)
EXAMPLE := examples/governance

.PHONY: all deps test-deps bench-deps build demo test test-asan asan bench fuzz format clean

all: build

deps:
	@tools/install-deps.sh

test-deps:
	@tools/install-deps.sh --test

bench-deps:
	@tools/install-deps.sh --bench

build/release/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset release >/dev/null

build: deps build/release/build.ninja
	cmake --build --preset release -j $(JOBS)
	@cp -f build/release/src/cli/golden build/golden

# The example portfolio has violations on purpose, so golden exits 1 here; the demo shows it.
demo: build
	@echo "== cd $(EXAMPLE) && golden enforce   (every repository of every organization) =="
	@cd $(EXAMPLE) && ../../build/golden enforce; echo "(exit status $$?: 1 = violations found)"
	@echo
	@echo "== golden enforce organizations/alpha/svc-bad-docker   (one repository, every finding) =="
	@cd $(EXAMPLE) && ../../build/golden enforce organizations/alpha/svc-bad-docker; \
	  echo "(exit status $$?)"
	@echo
	@echo "== golden checkpoint: a baseline, a change, the drift (in a copy of $(EXAMPLE) under /tmp) =="
	@tmp=$$(mktemp -d) && cp -r $(EXAMPLE)/. $$tmp && cd $$tmp && \
	  $(CURDIR)/build/golden checkpoint --baseline -q >/dev/null && \
	  echo "USER root" >> organizations/alpha/lib-good/Dockerfile && \
	  $(CURDIR)/build/golden checkpoint -q --report markdown; echo "(exit status $$?)"; rm -rf $$tmp
	@echo
	@echo "More: golden enforce --help; --report json; -o FILE; GOVERN_STRICT=true; golden checkpoint --help (README.md)."

test: test-deps build
	ctest --preset release -j $(JOBS)

build/asan/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset asan >/dev/null

asan: deps build/asan/build.ninja
	cmake --build --preset asan -j $(JOBS)

test-asan: test-deps asan
	ctest --preset asan -j $(JOBS)

bench: bench-deps build
	bench/bench_enforce.py --golden build/golden
	bench/bench_checkpoint.py --golden build/golden
	build/release/bench/enforce_micro_bench
	build/release/bench/checkpoint_micro_bench

fuzz:
	@tools/install-deps.sh --fuzz
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf build
