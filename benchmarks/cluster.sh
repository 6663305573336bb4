#!/usr/bin/env bash
# The cluster check (docs/benchmarks.md, "A cluster of two"): a scratch database with the demo franchise, two
# Payara Micro instances clustered by their data grid behind haproxy (cluster/run.sh, haproxy on :8090), then
# benchmarks/RolloutBenchmark.java in "cluster" mode: a publication made on instance 1 shows on instance 2's
# public page; the rollout's notices are mailed once with two instances polling; a signed-in person keeps
# working through haproxy when the instance serving them is killed with kill -9, and a form of a page the killed
# instance rendered is accepted afterwards by the other one. Not part of the test suite
# (two servers and haproxy do not fit its time on two cores). Needs haproxy and the local PostgreSQL as 'postgres'.
set -euo pipefail
cd "$(dirname "$0")/.."
db=charter_cluster
log=$(ls /var/log/postgresql/postgresql-*-main.log | head -1)
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db"
mkdir -p target
CHARTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" CHARTER_PORT=8090 CHARTER_HEAP="${CHARTER_HEAP:-768m}" \
    cluster/run.sh 2 > target/cluster.log 2>&1 &
cluster=$!
trap 'kill $cluster 2>/dev/null || true; wait $cluster 2>/dev/null || true' EXIT
for _ in $(seq 1 400); do
    curl -fs http://127.0.0.1:8090/health/ready > /dev/null 2>&1 && break
    sleep 1
done
curl -fs http://127.0.0.1:8090/health/ready > /dev/null || { cat target/cluster.log; exit 1; }
java benchmarks/RolloutBenchmark.java http://127.0.0.1:8090 "$db" "$log" 0 cluster
