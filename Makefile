# goldenpath: the two commands of the README, and a few more for developers.
#   make demo   install dependencies if missing, build, run golden on the example portfolio
#   make test   install dependencies if missing, build, run every test
SHELL := /bin/bash
JOBS ?= $(shell nproc)
EXAMPLE := examples/governance

.PHONY: all deps test-deps build demo test test-asan asan bench fuzz format clean

all: build

deps:
	@tools/install-deps.sh

test-deps:
	@tools/install-deps.sh --test

build/release/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset release >/dev/null

build: deps build/release/build.ninja
	cmake --build --preset release -j $(JOBS)
	@cp -f build/release/src/cli/golden build/golden

demo: build
	@echo "== golden enforce $(EXAMPLE)/organizations (text report) =="
	-@GOLDEN_PATH_ROOT=$(EXAMPLE) build/golden enforce $(EXAMPLE)/organizations

test: test-deps build
	ctest --preset release -j $(JOBS)

build/asan/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset asan >/dev/null

asan: deps build/asan/build.ninja
	cmake --build --preset asan -j $(JOBS)

test-asan: test-deps asan
	ctest --preset asan -j $(JOBS)

bench: build
	build/release/bench/rego_bench

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
	  LSAN_OPTIONS=suppressions=fuzz/lsan.supp build/fuzz/fuzz/$${t}_fuzz \
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
