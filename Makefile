# goldenpath: the two commands of the README, and a few more for developers.
#   make demo   install dependencies if missing, build, run golden on the example portfolio
#   make test   install dependencies if missing, build, run every test
SHELL := /bin/bash
JOBS ?= $(shell nproc)
EXAMPLE := examples/governance

.PHONY: all deps test-deps browser-deps bench-deps build demo test test-asan asan bench fuzz \
	screenshot format clean dist

all: build

deps:
	@tools/install-deps.sh

test-deps:
	@tools/install-deps.sh --test

# The browser tests' playwright-core (pinned in tests/browser/package-lock.json; CTest's
# BrowserDeps fixture runs the same script, so plain ctest works too).
browser-deps: test-deps
	@tools/browser-deps.sh

bench-deps:
	@tools/install-deps.sh --bench

build/release/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset release >/dev/null

build: deps build/release/build.ninja
	cmake --build --preset release -j $(JOBS)
	@cp -f build/release/src/cli/golden build/golden

# A release of golden as the workflows' setup-golden action downloads it (templates/init/
# .github/actions/setup-golden/action.yml): golden-<version>-linux-x86_64.tar.gz holding the
# stripped binary, and its .sha256, in build/dist/. The binary links to Debian 12 packages.
VERSION := $(shell awk '/^project.golden VERSION/ {print $$3}' CMakeLists.txt)
DIST_ASSET := golden-$(VERSION)-linux-x86_64.tar.gz
dist: build
	@mkdir -p build/dist
	@strip -o build/dist/golden build/golden
	@tar -C build/dist -czf build/dist/$(DIST_ASSET) golden
	@cd build/dist && sha256sum $(DIST_ASSET) > $(DIST_ASSET).sha256
	@echo "build/dist/$(DIST_ASSET) and .sha256: attach both to the GitHub release v$(VERSION)"

# The example portfolio has violations on purpose, so golden exits 1 here; the demo shows it.
demo: build
	@echo "== cd $(EXAMPLE) && golden enforce   (every repository of every organization) =="
	@cd $(EXAMPLE) && ../../build/golden enforce; echo "(exit status $$?: 1 = violations found)"
	@echo
	@echo "== golden enforce organizations/alpha/svc-bad-docker   (one repository, every finding) =="
	@cd $(EXAMPLE) && ../../build/golden enforce organizations/alpha/svc-bad-docker; \
	  echo "(exit status $$?)"
	@echo
	@echo "== golden enforce organizations/gamma/svc-policy-issues   (the default Rego policy pack, a waiver) =="
	@cd $(EXAMPLE) && ../../build/golden enforce organizations/gamma/svc-policy-issues; \
	  echo "(exit status $$?)"
	@echo
	@echo "== golden test policies/   (the pack's own tests, as opa test runs them) =="
	@build/golden test policies/
	@echo
	@echo "== golden catalog --format html -o build/demo/catalog.html   (the service catalog) =="
	@mkdir -p build/demo
	@cd $(EXAMPLE) && ../../build/golden catalog --format html -o ../../build/demo/catalog.html
	@echo
	@echo "== golden checkpoint: a baseline, a change, the drift (in a copy of $(EXAMPLE) under /tmp) =="
	@tmp=$$(mktemp -d) && cp -rL $(EXAMPLE)/. $$tmp && cd $$tmp && \
	  $(CURDIR)/build/golden checkpoint --baseline -q >/dev/null && \
	  echo "USER root" >> organizations/alpha/lib-good/Dockerfile && \
	  $(CURDIR)/build/golden checkpoint -q --report markdown; echo "(exit status $$?)"; rm -rf $$tmp
	@echo
	@echo "More: golden enforce --help; --report json; -o FILE; GOVERN_STRICT=true; --policies DIR; golden test -v policies/;"
	@echo "      golden catalog --format json|markdown|html|backstage;"
	@echo "      golden checkpoint --help (README.md)."

test: test-deps browser-deps build
	ctest --preset release -j $(JOBS)

build/asan/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset asan >/dev/null

asan: deps build/asan/build.ninja
	cmake --build --preset asan -j $(JOBS)

test-asan: test-deps browser-deps asan
	ctest --preset asan -j $(JOBS)

bench: bench-deps build
	bench/bench_enforce.py --golden build/golden
	bench/bench_catalog.py --golden build/golden
	bench/bench_checkpoint.py --golden build/golden
	build/release/bench/enforce_micro_bench
	build/release/bench/checkpoint_micro_bench
	build/release/bench/rego_bench

# Screenshots of the example portfolio's HTML catalog for review: wide and phone, light and
# dark, in build/screenshots/.
SHOTS := build/screenshots
screenshot: build browser-deps
	@mkdir -p $(SHOTS)
	@cd $(EXAMPLE) && ../../build/golden catalog -q --format html -o ../../$(SHOTS)/catalog.html
	node tests/browser/screenshot.mjs $(SHOTS)/catalog.html $(SHOTS)

FUZZ_TARGETS := rego_parser json yaml
FUZZ_SECONDS ?= 60

# Builds the libFuzzer targets and runs each for FUZZ_SECONDS from the seeds in fuzz/seeds
# (new inputs go to build/fuzz/corpus, crashes to build/fuzz/artifacts); fails on a crash.
fuzz:
	@tools/install-deps.sh --fuzz
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS) --target $(addsuffix _fuzz,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts/$$t; \
	  echo "== $${t}_fuzz for $(FUZZ_SECONDS)s"; \
	  build/fuzz/fuzz/$${t}_fuzz \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 \
	    -artifact_prefix=build/fuzz/artifacts/$$t/ -print_final_stats=1 \
	    build/fuzz/corpus/$$t fuzz/seeds/$$t 2>build/fuzz/$$t.log \
	    || { tail -50 build/fuzz/$$t.log; exit 1; }; \
	  grep -E "stat::number_of_executed_units|Done" build/fuzz/$$t.log | tail -2; \
	done

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf build
