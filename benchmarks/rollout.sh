#!/usr/bin/env bash
# The rollout benchmark (docs/benchmarks.md): a scratch database, Payara Micro on port 8181 against it, generated
# data at the size of a large franchise, and measurements over HTTP. Needs the local PostgreSQL as superuser
# 'postgres' and read access to its log (it briefly turns on statement logging to count statements per request),
# and wrk (Debian's package), which sends the sign posts (SIGN_CLIENT=java sends them with Java's HTTP client).
# Usage: benchmarks/rollout.sh [signers] [signatures|board]   (default 3000; KEEP_DATA=1 with "signatures" or "board"
# measures only that part, against the data and rollouts of an earlier run)
set -euo pipefail
cd "$(dirname "$0")/.."
db=charter_bench
log=$(ls /var/log/postgresql/postgresql-*-main.log | head -1)
# KEEP_DATA=1 keeps the generated data of an earlier run (the rollouts must then be undone by hand)
[ "${KEEP_DATA:-0}" = 1 ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db"
mkdir -p target
CHARTER_LIMITS_SIGN_IN_PER_ADDRESS_PER_MINUTE=1000000 CHARTER_LIMITS_SECRET_CHECKS_PER_SECOND=100000 \
    CHARTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" CHARTER_DEMO_ENABLED=false CHARTER_PORT=8181 CHARTER_HEAP="${CHARTER_HEAP:-2g}" \
    ./run.sh > target/bench-micro.log 2>&1 &
micro=$!
trap 'kill $micro 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fs http://127.0.0.1:8181/health/ready > /dev/null 2>&1 && break
    sleep 1
done
curl -fs http://127.0.0.1:8181/health/ready > /dev/null
java benchmarks/RolloutBenchmark.java http://127.0.0.1:8181 "$db" "$log" "${1:-3000}" "${@:2}"
echo "Resident memory of the server after the run: $(ps -o rss= -p "$(pgrep -f 'payara-micro.jar.*8181' | head -1)" | awk '{printf "%d MiB", $1/1024}')"
