#!/usr/bin/env bash
# Fault script (docs/benchmarks.md, "Faults"; not part of the test suite): signing under a PostgreSQL restart
# with -m immediate and, separately, a server killed with kill -9 and started again. Prints, for each, the
# signatures confirmed to clients, the rows in the database, how many confirmed ones are missing (must be 0) and
# the seconds until the product confirmed a signature again. Own database 'charter_faults', Payara Micro on
# port 8182. Needs root (it restarts the local PostgreSQL) and the local PostgreSQL as superuser 'postgres'.
# Usage: benchmarks/faults.sh [signers per fault] [database|server|both]   (defaults 300, both)
set -euo pipefail
cd "$(dirname "$0")/.."
db=charter_faults
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db"
mkdir -p target
export CHARTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" CHARTER_DEMO_ENABLED=false CHARTER_PORT=8182
# every signer signs in from this one address, and again after each fault
export CHARTER_LIMITS_SIGN_IN_PER_ADDRESS_PER_MINUTE=1000000 CHARTER_LIMITS_SECRET_CHECKS_PER_SECOND=100000
./run.sh > target/faults-micro.log 2>&1 &
trap 'pkill -9 -f "payara-micro.jar.*--port 8182" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
    curl -fs http://127.0.0.1:8182/health/ready > /dev/null 2>&1 && break
    sleep 1
done
curl -fs http://127.0.0.1:8182/health/ready > /dev/null
log=$(ls /var/log/postgresql/postgresql-*-main.log | head -1)
java benchmarks/RolloutBenchmark.java http://127.0.0.1:8182 "$db" "$log" "${1:-300}" faults "${2:-both}"
