#!/bin/sh
# Runs the project's pinned pnpm, installed under .tools/ by scripts/bootstrap.sh.
set -e
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
PATH="$ROOT/.tools/pnpm/node_modules/.bin:$ROOT/.tools/python/bin:$PATH"
PYTHONPATH="$ROOT/.tools/python${PYTHONPATH:+:$PYTHONPATH}"
export PATH PYTHONPATH
exec pnpm "$@"
