#!/usr/bin/env bash
# Runs `npm start` as a newcomer would (fresh .data), waits for it, uses the printed demo key,
# restarts it to prove the data is kept, and reports the cold start time.
set -uo pipefail
export DATA_DIR="$PWD/.data/ci-start" PORT="${SMOKE_PORT:-4000}" EMBEDDED_PG_PORT=54339
rm -rf "$DATA_DIR"
log=.data/ci-start.log
mkdir -p .data

start_server() {
  npm start >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0
    sleep 0.5
  done
  echo "server did not become healthy"; cat "$log"; return 1
}
stop_server() {
  # SIGTERM to the server itself: it drains HTTP, then stops its embedded PostgreSQL.
  pkill -TERM -f "dist/server/src/main.js" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.25; done
  kill -TERM "$server_pid" 2>/dev/null || true
}

t0=$(date +%s%N)
start_server || exit 1
echo "cold npm start (tsc build + embedded PostgreSQL initdb + migrate + seed) until healthy: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
key=$(grep -o 'demo USER key: *cm_[A-Za-z0-9_-]*' "$log" | awk '{print $NF}')
[ -n "$key" ] || { echo "no demo key printed"; cat "$log"; stop_server; exit 1; }
body=$(curl -s "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' -H "authorization: Bearer $key" \
  -d '{"query":"{ me { email balance { balanceMillicredits } } activeRates { model inputPer1k } }"}')
echo "$body"
expected=$(grep -o 'balanceMillicredits [0-9]*' "$log" | awk '{print $2}')
echo "$body" | grep -q "\"balanceMillicredits\":\"$expected\"" || { echo "unexpected demo balance (printed $expected)"; stop_server; exit 1; }
stop_server

start_server || exit 1
body=$(curl -s "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' -H "authorization: Bearer $key" \
  -d '{"query":"{ me { email } }"}')
stop_server
echo "$body" | grep -q 'demo@creditmeter.local' || { echo "data was not kept across restarts: $body"; exit 1; }
echo "second start kept the data"
