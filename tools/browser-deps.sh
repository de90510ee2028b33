#!/usr/bin/env bash
# Installs the browser tests' npm packages (tests/browser/package-lock.json: exact versions,
# playwright-core only, which downloads no browser) with `npm ci`, when they are missing or
# older than the lock file. Chromium itself comes from Debian (tools/install-deps.sh --test).
# Without npm there is nothing to do: the browser tests then skip.
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
stamp="$dir/node_modules/.package-lock.json"
if ! command -v npm >/dev/null; then
  echo "browser-deps: npm is not installed; the browser tests will be skipped" >&2
  exit 0
fi
if [[ -f "$stamp" && ! "$dir/package-lock.json" -nt "$stamp" ]]; then
  exit 0
fi
cd "$dir"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
