#!/usr/bin/env bash
# npm start: build content, migrate and seed the local D1, then serve both Workers on workerd at http://127.0.0.1:8787
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
PORT="${PORT:-8787}"

npm run --silent build
if [ ! -f .dev.vars ]; then
  # A local write token, random, so nothing secret is ever committed (.dev.vars is git-ignored).
  token="$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')"
  printf "API_TOKENS='[{\"label\":\"local editor\",\"token\":\"%s\",\"scope\":\"write\"},{\"label\":\"local reviewer\",\"token\":\"%s-review\",\"scope\":\"review\"}]'\n" "$token" "$token" > .dev.vars
  echo "start: created .dev.vars with a local write token (and a review token: the same with -review): $(pwd)/.dev.vars"
fi
echo "start: applying migrations to the local D1"
npx wrangler d1 migrations apply DB --local </dev/null
echo "start: seeding the local D1 from content/"
npx wrangler d1 execute DB --local --file build/seed.sql </dev/null >/dev/null
echo "start: serving on http://127.0.0.1:${PORT} (Ctrl-C to stop)"
# Both Workers in one session: the public one (wrangler.toml, first, on the port) and the write one it hands writes to.
exec npx wrangler dev -c wrangler.toml -c wrangler.writer.toml --ip 127.0.0.1 --port "${PORT}" --show-interactive-dev-session=false
