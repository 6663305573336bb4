#!/usr/bin/env bash
# Runs Charter on Payara Micro at http://localhost:8080/ against the local PostgreSQL, with demo data.
# Builds first when needed; creates the database and its two roles when they are missing.
# Every setting can be overridden by its environment variable (README.md, "Configuration").
set -euo pipefail
cd "$(dirname "$0")"

export LANG=C.UTF-8
export CHARTER_DB_URL="${CHARTER_DB_URL:-jdbc:postgresql://127.0.0.1:5432/charter}"
export CHARTER_DEMO_ENABLED="${CHARTER_DEMO_ENABLED:-true}"
# the connection pool (micro/pool.asadmin) reads these three from the environment
export CHARTER_DB_USER="${CHARTER_DB_USER:-charter_app}" CHARTER_DB_PASSWORD="${CHARTER_DB_PASSWORD:-charter_app}"
port="${CHARTER_PORT:-8080}"
war=charter-web/target/charter.war
micro=charter-web/target/payara-micro.jar

if [ ! -f "$war" ] || [ ! -f "$micro" ] || [ -n "$(find charter-*/src pom.xml charter-*/pom.xml -newer "$war" -print -quit)" ]; then
    echo "Building (tests skipped; './mvnw verify' runs them)…"
    ./mvnw -B -q package -DskipTests -DskipITs -Dspotless.check.skip=true -pl charter-web -am
fi

echo "Preparing the database ${CHARTER_DB_URL}…"
rm -rf target/run-lib && mkdir -p target/run-lib
(cd target/run-lib && jar xf ../../"$war" WEB-INF/lib)
java -cp "target/run-lib/WEB-INF/lib/*" org.charter.service.database.DatabaseProvisioning

cat <<BANNER

  Charter is starting on http://localhost:${port}/ (ready when http://localhost:${port}/health/ready says UP).

  Sign in with password '${CHARTER_DEMO_PASSWORD:-charter-demo}' as:
    platform    platform administrator (franchises)
    hq          headquarters of the demo franchise (stores, regions, managers, audit)
    manager     store manager of RIX-01 Rīga Centrs (roster)
    employee    employee at RIX-01 (own training and file)
  Other managers: manager.ber, manager.ham, manager.ath, manager.skg, manager.kul.

BANNER

# a fresh root each time: Micro would otherwise start the copy it unpacked last time
rm -rf target/micro && mkdir -p target/micro
# A one-member cluster on loopback: sessions live in the data grid as they do when more instances join
# (docs/architecture.md, "Scale-out"); nothing listens beyond 127.0.0.1.
exec java -Xmx"${CHARTER_HEAP:-1g}" -Dhazelcast.socket.bind.any=false -jar "$micro" \
    --deploy "$war" --contextroot / \
    --port "$port" --clustermode tcpip:127.0.0.1:6900 --interfaces 127.0.0.1 \
    --prebootcommandfile micro/local.asadmin --postbootcommandfile micro/pool.asadmin \
    --rootdir target/micro
