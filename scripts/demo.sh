#!/usr/bin/env bash
# npm run demo: install, migrate, seed, build, then run the worker and the web app until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\n\033[31mdemo: %s\033[0m\n' "$*" >&2; exit 1; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is needed (found $(node -v))."

step "Configuration"
if [ ! -f .env ]; then
  key=$(node -p 'require("crypto").randomBytes(32).toString("base64")')
  secret=$(node -p 'require("crypto").randomBytes(32).toString("base64")')
  sed -e "s#^CREDENTIALS_KEYS=.*#CREDENTIALS_KEYS=k1:${key}#" -e "s#^NEXTAUTH_SECRET=.*#NEXTAUTH_SECRET=${secret}#" .env.example > .env
  echo "Created .env with fresh secrets (edit it to point at other servers)."
else
  echo "Using .env"
fi
set -a
# shellcheck disable=SC1091
. ./.env
set +a
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED="${AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED:-true}"

step "Checking PostgreSQL and Redis"
node scripts/check-services.mjs

step "Installing dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
  npm run -s db:generate >/dev/null
fi

step "Database"
node scripts/create-database.mjs
npm run -s db:migrate
npm run -s db:seed

step "Building the web app and the worker"
npx turbo run build --filter=@tunnelwatch/web --filter=@tunnelwatch/worker --output-logs=errors-only

step "Starting"
pids=()
SIM_PORT="${SIM_PORT:-4566}"
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap cleanup INT TERM EXIT
# The provider simulator stands in for AWS, Alibaba Cloud and Anypoint, with faults over time.
node --import tsx apps/cli/src/main.ts simulator --port "$SIM_PORT" --seed 1 --tenants 1 --connections 12 2>&1 | sed -u 's/^/[sim]    /' &
pids+=($!)
for _ in $(seq 1 30); do
  if curl -fsS "http://127.0.0.1:${SIM_PORT}/_sim/fleet" >/dev/null 2>&1; then break; fi
  sleep 1
done
npm run -s tunnelwatch -- simulator:connect --tenant demo --url "http://127.0.0.1:${SIM_PORT}" --interval 15
node apps/worker/dist/main.js 2>&1 | sed -u 's/^/[worker] /' &
pids+=($!)
(cd apps/web && npx next start --port "${PORT:-3000}") 2>&1 | sed -u 's/^/[web]    /' &
pids+=($!)

url="http://localhost:${PORT:-3000}"
for _ in $(seq 1 60); do
  if curl -fsS "$url/api/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "$url/api/health" >/dev/null 2>&1 || fail "the web app did not become healthy: see the [web] lines above"
printf '\n\033[1mTunnelwatch is running at %s\033[0m\n' "$url"
printf 'Sign in as demo@tunnelwatch.dev / tunnelwatch-demo\n'
printf 'Health: %s/api/health  ·  Simulator: http://127.0.0.1:%s/_sim/fleet  ·  Press Ctrl-C to stop.\n\n' "$url" "$SIM_PORT"
wait
