#!/bin/sh
# The browser tests drive Debian's Chromium with playwright-core (Playwright's own browser download cannot work
# without internet access). Installs it from Debian's packages when it is missing; CHROMIUM_PATH may point at
# another Chromium instead.
set -e
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0

if [ -n "$CHROMIUM_PATH" ]; then
  echo "CHROMIUM_PATH is set to $CHROMIUM_PATH, which is not an executable." >&2
  exit 1
fi

if [ "$(id -u)" = 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
else
  echo "Chromium is not installed and this user cannot install it. Run: apt-get install chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi

printf '\033[1m==> %s\033[0m\n' "Installing Chromium from Debian's packages for the browser tests"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "Chromium did not install at $CHROMIUM" >&2; exit 1; }
