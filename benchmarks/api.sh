#!/usr/bin/env bash
# The API benchmark (docs/benchmarks.md, "CSV import and the API"): a scratch database with the demo franchise and
# 10,000 people added through the API itself, Payara Micro on port 8185 against it, then wrk (2 threads,
# 8 connections, 20 s each, after a 10 s warm-up) on three reads with one token:
#   a page of 100 stores, a page of 100 people, and one person by employee number.
# The token's own limit is lifted for the run. Needs wrk, and the local PostgreSQL as superuser 'postgres'.
# Usage: benchmarks/api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
db=charter_api
port=8185
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db"
mkdir -p target
CHARTER_REMINDERS_ENABLED=false CHARTER_EVIDENCE_CHECKPOINT_ENABLED=false CHARTER_API_CALLS_PER_SECOND=1000000 \
    CHARTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" CHARTER_PORT=$port CHARTER_HEAP="${CHARTER_HEAP:-1g}" \
    CHARTER_MAIL_SINK_PORT=3127 CHARTER_MAIL_SINK_API_PORT=8127 \
    ./run.sh > target/api-micro.log 2>&1 &
micro=$!
stop() {
    kill $micro 2>/dev/null || true
    wait $micro 2>/dev/null || true
    pkill -f "payara-micro.jar.*--port $port" 2>/dev/null || true
    pkill -f "greenmail.*3127" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 180); do
    curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1 && break
    sleep 1
done
curl -fs http://127.0.0.1:$port/health/ready > /dev/null

# a token of the demo franchise, as HQ's page would make it (only its hash is stored)
token="chr_benchmark$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
psql -q -h 127.0.0.1 -U postgres -d $db -c "insert into api_token (id, franchise_id, name, scopes, token_hash, prefix,
    created_by, expires_at) select gen_random_uuid(), id, 'Benchmark', 'READ,WRITE_PEOPLE,WRITE_STORES', '$hash',
    left('$token', 12), 'benchmark', now() + interval '1 day' from franchise where slug = 'demo'"

api=http://127.0.0.1:$port/api/v1
echo "Adding 10,000 people through the API…"
start=$(date +%s.%N)
# four at a time, as a nightly sync might send them
seq 1 10000 | xargs -P 4 -I{} curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"fullName":"Bench Person {}","store":"RIX-01","language":"lv"}' \
    "$api/people/BENCH-{}"
end=$(date +%s.%N)
echo "10,000 PUTs (4 at a time, curl): $(echo "$end - $start" | bc) s"
# as autovacuum would soon after such a load: without fresh statistics the people page sorts the whole
# franchise (the planner expects six people) instead of reading the (tenant_id, id) index in order
psql -q -h 127.0.0.1 -U postgres -d $db -c "analyze person; analyze account; analyze store_membership"

run() {
    wrk -t2 -c8 -d10s -H "Authorization: Bearer $token" "$1" > /dev/null
    echo "== $1"
    wrk -t2 -c8 -d20s --latency -H "Authorization: Bearer $token" "$1" | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
}
run "$api/stores?limit=100"
run "$api/people?limit=100"
run "$api/people/BENCH-5000"
