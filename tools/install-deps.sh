#!/usr/bin/env bash
# Installs the Debian 12 packages golden needs. Idempotent: does nothing when they are present.
#   tools/install-deps.sh          build dependencies
#   tools/install-deps.sh --test   build + test dependencies (headless Chromium for the HTML test)
#   tools/install-deps.sh --fuzz   build + clang/libFuzzer
#   tools/install-deps.sh --bench  build + what the whole-process benchmarks run (bench/)
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config git
  libfmt-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libjemalloc-dev libvalijson-dev
  libre2-dev libssl-dev libyaml-dev libgit2-dev libxxhash-dev libgmp-dev libicu-dev
  tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
)
test_pkgs=(chromium nodejs npm jq)
fuzz_pkgs=(clang libclang-rt-14-dev)
bench_pkgs=(python3 time)

want=("${build_pkgs[@]}")
for arg in "$@"; do
  case "$arg" in
    --test) want+=("${test_pkgs[@]}") ;;
    --fuzz) want+=("${fuzz_pkgs[@]}") ;;
    --bench) want+=("${bench_pkgs[@]}") ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${want[@]}"; do
  # A package counts as present when dpkg has it installed, or (node, npm) when the command
  # is already on PATH from another source such as nodesource.
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    continue
  fi
  case "$p" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
