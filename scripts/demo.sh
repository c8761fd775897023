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
SIM_PORT="${SIM_PORT:-4566}"
ALERTS_PORT="${ALERTS_PORT:-4567}"
WEB_PORT="${PORT:-3000}"
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap cleanup INT TERM EXIT
# Runs a process in the background with its output prefixed; $! is the process itself (not the
# prefixer), so Ctrl-C stops it with SIGTERM and waits for it to finish.
start() {
  local name="$1"
  shift
  "$@" > >(sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
}
wait_for() {
  local what="$1" url="$2" seconds="$3"
  for i in $(seq 1 "$seconds"); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    if [ $((i % 5)) -eq 0 ]; then echo "  waiting for $what ($i s)"; fi
    sleep 1
  done
  fail "$what did not answer at $url within $seconds s: see its lines above"
}

# The provider simulator stands in for AWS (two accounts, three regions), Alibaba Cloud and
# MuleSoft Anypoint: 300 connections, some single-tunnel or static, some with wrong lifetimes or
# DPD off, and faults (DPD timeouts, proposal mismatches, idle timeouts...) starting and ending.
start sim node --import tsx apps/cli/src/main.ts simulator --port "$SIM_PORT" --seed 1 --tenants 1 \
  --aws-accounts 2 --aws-regions us-east-1,eu-west-1,ap-northeast-1 --alibaba-accounts 1 --mulesoft-orgs 1 \
  --connections 75 --faults-per-day 12
wait_for "the simulator" "http://127.0.0.1:${SIM_PORT}/_sim/fleet" 60
npm run -s tunnelwatch -- simulator:connect --tenant demo --url "http://127.0.0.1:${SIM_PORT}" --interval 30
# Alerts of the demo organisation go to a local webhook receiver that checks their signatures.
start alerts node --import tsx apps/cli/src/main.ts alerts:receiver --tenant demo --port "$ALERTS_PORT"
start worker node apps/worker/dist/main.js
worker_pid="${pids[-1]}"
start web node_modules/.bin/next start apps/web --port "$WEB_PORT"

url="http://localhost:${WEB_PORT}"
wait_for "the web app" "$url/api/health" 90
node scripts/demo-progress.mjs "http://127.0.0.1:${SIM_PORT}" demo "$worker_pid" || fail "the demo did not start"
printf '\n\033[1mTunnelwatch is running at %s\033[0m\n' "$url"
printf 'Sign in as demo@tunnelwatch.dev / tunnelwatch-demo\n'
printf 'Health: %s/api/health  ·  Simulator: http://127.0.0.1:%s/_sim/fleet  ·  Alerts arrive as [alerts] lines\n' "$url" "$SIM_PORT"
printf 'Press Ctrl-C to stop.\n\n'
wait
