#!/usr/bin/env bash
# Installs what coopatlas needs on Debian 12: the packages of
# deps/apt-packages.txt (and of the lists given as arguments) that are
# missing (with sudo when not root), then the npm packages pinned by
# package-lock.json. Idempotent and quick when
# everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Extra lists (e.g. deps/apt-bench.txt for `make bench`) as arguments.
missing=()
for list in deps/apt-packages.txt "$@"; do
while read -r pkg; do
  pkg="${pkg%%#*}"
  pkg="$(echo "$pkg" | tr -d '[:space:]')"
  [ -z "$pkg" ] && continue
  # Node.js from another source (e.g. NodeSource) ships its own npm and
  # conflicts with Debian's npm package: accept any working node and npm.
  if [ "$pkg" = nodejs ] && command -v node >/dev/null; then continue; fi
  if [ "$pkg" = npm ] && command -v npm >/dev/null; then continue; fi
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [ "$status" != "install ok installed" ]; then missing+=("$pkg"); fi
done < "$list"
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
fi

# npm packages: reinstall only when the lockfile changed since the last
# install (npm writes node_modules/.package-lock.json).
if [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi
