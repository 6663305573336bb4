#!/usr/bin/env bash
# The feedback benchmark (docs/benchmarks.md, "Customer feedback"): a scratch database with the demo franchise,
# Payara Micro on port 8184 against it, then
#   1. the public form posted over HTTP for 30 s by wrk (2 threads, 16 connections) to one store, every answer
#      counted, and the rows written compared with the answers that said "accepted";
#   2. one million pieces of feedback added to the franchise (benchmarks/feedback-data.sql), and headquarters'
#      overview page timed over HTTP (p50, p95) with the statements it runs per request, before and after.
# The form's own limits are lifted for the run (one address posts everything) and the evidence checkpoints are off;
# the reminder engine runs as in production: it mails the store's manager of every complaint (to the run command's
# sink) and, once a minute, sums what changed for the overview, which the run waits for before timing the page. Needs wrk, and the local
# PostgreSQL as superuser 'postgres' with read access to its log (to count statements).
# Usage: benchmarks/feedback.sh (FORM_ONLY=1: the form only)
set -euo pipefail
cd "$(dirname "$0")/.."
db=charter_feedback
port=8184
log=$(ls /var/log/postgresql/postgresql-*-main.log | head -1)
[ "${KEEP_DATA:-0}" = 1 ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db"
mkdir -p target
# start <reminders enabled>: Payara Micro on $port against the scratch database, and wait until it is ready
start() {
    CHARTER_REMINDERS_ENABLED=$1 CHARTER_EVIDENCE_CHECKPOINT_ENABLED=false \
        CHARTER_FEEDBACK_MIN_FILL_SECONDS=0 CHARTER_FEEDBACK_PER_ADDRESS_PER_HOUR=100000000 \
        CHARTER_FEEDBACK_PER_STORE_PER_HOUR=100000000 \
        CHARTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" CHARTER_PORT=$port CHARTER_HEAP="${CHARTER_HEAP:-1g}" \
        CHARTER_MAIL_SINK_PORT=3126 CHARTER_MAIL_SINK_API_PORT=8126 CHARTER_PUBLIC_BASE_URL=http://localhost:$port \
        ./run.sh >> target/feedback-micro.log 2>&1 &
    micro=$!
    for _ in $(seq 1 180); do
        curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1 && break
        sleep 1
    done
    curl -fs http://127.0.0.1:$port/health/ready > /dev/null
}
stop() {
    kill $micro 2>/dev/null || true
    wait $micro 2>/dev/null || true
    pkill -f "payara-micro.jar.*--port $port" 2>/dev/null || true
    pkill -f "greenmail.*3126" 2>/dev/null || true
    while curl -fs http://127.0.0.1:$port/health/ready > /dev/null 2>&1; do sleep 1; done
    sleep 2
}
trap stop EXIT
: > target/feedback-micro.log

count() {
    psql -qAt -h 127.0.0.1 -U postgres -d $db -c "select count(*) from feedback where message like 'Benchmark form%'"
}

# 1. the form: one signed form handed out, then posted as fast as the server takes it; first with the reminder
#    engine off (the form alone), then on (it mails the store's manager of every complaint, to the sink on the
#    same two cores)
form() {
    token=$(curl -fs "http://127.0.0.1:$port/feedback/demo/RIX-01?lang=lv" | grep -o 'name="t" value="[^"]*"' | cut -d'"' -f4)
    export FORM_PATH=/feedback/demo/RIX-01
    export FORM_BODY="t=$token&lang=lv&kind=COMPLAINT&channel=EMAIL&rating=2&message=Benchmark+form+message%3A+the+queue+was+long."
    # warm-up, not counted
    wrk -t2 -c16 -d20s -s benchmarks/feedback-post.lua "http://127.0.0.1:$port" > /dev/null
    before=$(count)
    wrk -t2 -c16 -d30s --latency -s benchmarks/feedback-post.lua "http://127.0.0.1:$port" | tee target/feedback-wrk.txt
    after=$(count)
    accepted=$(grep -o 'accepted [0-9]*' target/feedback-wrk.txt | cut -d' ' -f2)
    echo "Rows written during the run: $((after - before)); answers that said accepted: $accepted"
}
start false
form
stop
start true
echo "With the reminder engine running:"
form

# 2. the overview, before and after a million more: the engine (still running) sums what changed, then the page
#    is timed on a server with the engine off, so that no planning round runs among the counted statements
[ "${FORM_ONLY:-0}" = 1 ] && exit 0
# the form's load left tens of thousands of complaints open in one store within minutes, far more than any
# franchise has open; they are closed as a store would close them, so open complaints are as many as the data
# below holds (those of its last three days)
psql -q -h 127.0.0.1 -U postgres -d $db -c "update feedback set status = 'CLOSED', responded_at = received_at + interval '2 hours',
    resolved_at = received_at + interval '1 day', closed_at = received_at + interval '1 day'
    where message like 'Benchmark form%' and status = 'NEW'"
until [ "$(psql -qAt -h 127.0.0.1 -U postgres -d $db -c 'select count(*) from feedback_changed')" = 0 ]; do sleep 1; done
stop
start false
java benchmarks/RolloutBenchmark.java http://127.0.0.1:$port "$db" "$log" 0 overview
stop
start true
until [ "$(psql -qAt -h 127.0.0.1 -U postgres -d $db -c 'select count(*) from feedback_changed')" = 0 ]; do sleep 1; done
psql -q -h 127.0.0.1 -U postgres -d $db -v rows="${ROWS:-1000000}" -f benchmarks/feedback-data.sql
started=$(date +%s.%N)
until [ "$(psql -qAt -h 127.0.0.1 -U postgres -d $db -c 'select count(*) from feedback_changed')" = 0 ]; do sleep 1; done
echo "The engine's next round summed the million for the overview within $(echo "$(date +%s.%N) - $started" | bc) s (a round a minute)"
stop
start false
java benchmarks/RolloutBenchmark.java http://127.0.0.1:$port "$db" "$log" 0 overview
echo "Resident memory of the server after the run: $(ps -o rss= -p "$(pgrep -f "payara-micro.jar.*$port" | head -1)" | awk '{printf "%d MiB", $1/1024}')"
