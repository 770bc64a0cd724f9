#!/usr/bin/env bash
# Installs what the build and the tests need, only where it is missing: Debian packages (as root) and npm packages.
# Idempotent and quiet when everything is present; `npm start` and `npm test` run it first.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(cmake g++ tao-pegtl-dev catch2 libcli11-dev libbenchmark-dev nlohmann-json3-dev emscripten binaryen chromium clang libclang-rt-14-dev postfix-mta-sts-resolver time valgrind help2man dpkg-dev file man-db python3-dask python3-distributed parallel pre-commit libssl-dev ca-certificates)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: not root; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm dependencies: reinstall when package-lock.json is newer than the installed tree.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
