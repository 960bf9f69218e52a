#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright-core downloads no browser), and the brief print test turns its
# PDF into PNG pages with poppler's pdftoppm. Install what is missing.
set -euo pipefail
missing=()
if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; } && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if ! command -v pdftoppm >/dev/null 2>&1; then missing+=(poppler-utils); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test: installing Debian's ${missing[*]} for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "test: the browser tests need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (or set CHROMIUM_PATH)" >&2
  exit 1
fi
