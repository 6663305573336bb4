#!/usr/bin/env bash
# The reminders benchmark (docs/benchmarks.md, "Reminders and mail"): a scratch database, Payara Micro on port
# 8183 against it with its mail going to the run command's local SMTP sink (ports 3125 and 8125, 3 GB: it keeps
# every mail), a franchise of 2,000 stores and 102,000 people with addresses, and then: the rollout over HTTP
# with its notices and mail rows, the running schedule handing every mail to the sink, and the sink asked,
# address by address, what it holds. Needs the local PostgreSQL as superuser 'postgres' and read access to its
# log (it briefly logs statement durations to time the statement that writes the notices).
# Usage: benchmarks/reminders.sh
set -euo pipefail
cd "$(dirname "$0")/.."
db=charter_mail
log=$(ls /var/log/postgresql/postgresql-*-main.log | head -1)
[ "${KEEP_DATA:-0}" = 1 ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db"
mkdir -p target
# Evidence checkpoints off: the generated franchise has 918,000 signatures no checkpoint covers yet, and hashing
# them all at once would take a core for minutes, measured here as mail that was slow to go out.
CHARTER_EVIDENCE_CHECKPOINT_ENABLED=false \
    CHARTER_LIMITS_SIGN_IN_PER_ADDRESS_PER_MINUTE=1000000 CHARTER_LIMITS_SECRET_CHECKS_PER_SECOND=100000 \
    CHARTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" CHARTER_DEMO_ENABLED=false CHARTER_PORT=8183 \
    CHARTER_HEAP="${CHARTER_HEAP:-2g}" CHARTER_MAIL_SINK_PORT=3125 CHARTER_MAIL_SINK_API_PORT=8125 \
    CHARTER_MAIL_SINK_HEAP="${CHARTER_MAIL_SINK_HEAP:-3g}" CHARTER_PUBLIC_BASE_URL=http://localhost:8183 \
    ./run.sh > target/reminders-micro.log 2>&1 &
micro=$!
trap 'kill $micro 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fs http://127.0.0.1:8183/health/ready > /dev/null 2>&1 && break
    sleep 1
done
curl -fs http://127.0.0.1:8183/health/ready > /dev/null
java benchmarks/RolloutBenchmark.java http://127.0.0.1:8183 "$db" "$log" 0 reminders http://127.0.0.1:8125
echo "Resident memory of the server after the run: $(ps -o rss= -p "$(pgrep -f 'payara-micro.jar.*8183' | head -1)" | awk '{printf "%d MiB", $1/1024}')"
