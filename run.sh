#!/usr/bin/env bash
# Runs Charter on Payara Micro at http://localhost:8080/ against the local PostgreSQL, with demo data.
# Builds first when needed; creates the database and its two roles when they are missing.
# Starts a mail sink (GreenMail) on 127.0.0.1 that keeps every mail the application sends and shows it over
# HTTP; nothing is delivered anywhere. It stops with this script. Set CHARTER_SMTP_HOST to use a real server.
# Every setting can be overridden by its environment variable (README.md, "Configuration").
set -euo pipefail
cd "$(dirname "$0")"

export LANG=C.UTF-8
export CHARTER_DB_URL="${CHARTER_DB_URL:-jdbc:postgresql://127.0.0.1:5432/charter}"
export CHARTER_DEMO_ENABLED="${CHARTER_DEMO_ENABLED:-true}"
# the key secrets are sealed with (OpenID client secrets, webhook signing secrets): made once for this checkout and
# kept beside it, outside the database; an operator sets CHARTER_SECRETS_KEY instead (docs/operations.md)
if [ -z "${CHARTER_SECRETS_KEY:-}" ]; then
    if [ ! -s .charter-secrets.key ]; then
        (umask 077 && head -c 32 /dev/urandom | base64 > .charter-secrets.key)
    fi
    CHARTER_SECRETS_KEY="$(cat .charter-secrets.key)"
fi
export CHARTER_SECRETS_KEY
# the connection pool (micro/pool.asadmin) reads these three from the environment
export CHARTER_DB_USER="${CHARTER_DB_USER:-charter_app}" CHARTER_DB_PASSWORD="${CHARTER_DB_PASSWORD:-charter_app}"
port="${CHARTER_PORT:-8080}"
war=charter-web/target/charter.war
micro=charter-web/target/payara-micro.jar
sink_jar=charter-web/target/greenmail-standalone.jar
sink_port="${CHARTER_MAIL_SINK_PORT:-3025}"
sink_api_port="${CHARTER_MAIL_SINK_API_PORT:-8025}"

# The sink runs unless the application is pointed at some other mail server.
sink=false
if [ -z "${CHARTER_SMTP_HOST:-}" ] || { [[ "$CHARTER_SMTP_HOST" =~ ^(127\.0\.0\.1|localhost)$ ]] &&
        [ "${CHARTER_SMTP_PORT:-$sink_port}" = "$sink_port" ]; }; then
    sink=true
    export CHARTER_SMTP_HOST="${CHARTER_SMTP_HOST:-127.0.0.1}" CHARTER_SMTP_PORT="$sink_port"
    export CHARTER_SMTP_FROM="${CHARTER_SMTP_FROM:-charter@localhost}"
fi

if [ ! -f "$war" ] || [ ! -f "$micro" ] || { $sink && [ ! -f "$sink_jar" ]; } || [ -n "$(find charter-*/src pom.xml charter-*/pom.xml -newer "$war" -print -quit)" ]; then
    echo "Building (tests skipped; './mvnw verify' runs them)…"
    ./mvnw -B -q package -DskipTests -DskipITs -Dspotless.check.skip=true -pl charter-web -am
fi

echo "Preparing the database ${CHARTER_DB_URL}…"
rm -rf target/run-lib && mkdir -p target/run-lib
(cd target/run-lib && jar xf ../../"$war" WEB-INF/lib)
java -cp "target/run-lib/WEB-INF/lib/*" org.charter.service.database.DatabaseProvisioning

java_pid= sink_pid=
# each step may fail (the process is gone already) without stopping the next: errexit is on
stop() {
    if [ -n "$java_pid" ]; then kill "$java_pid" 2>/dev/null || true; wait "$java_pid" 2>/dev/null || true; fi
    if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; fi
    return 0
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if $sink; then
    for p in "$sink_port" "$sink_api_port"; do
        if listening "$p"; then
            echo "Port $p on 127.0.0.1 is taken: set CHARTER_MAIL_SINK_PORT / CHARTER_MAIL_SINK_API_PORT" \
                "to free ones, or CHARTER_SMTP_HOST to a mail server." >&2
            exit 1
        fi
    done
    mkdir -p target
    # SMTP and the HTTP API on loopback only; any sender, any recipient, no sign-in; kept in memory
    java -Xmx"${CHARTER_MAIL_SINK_HEAP:-256m}" -XX:+UseSerialGC -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$sink_port" \
        -Dgreenmail.api.port="$sink_api_port" -Dgreenmail.auth.disabled \
        -jar "$sink_jar" >target/mail-sink.log 2>&1 &
    sink_pid=$!
    for i in $(seq 1 60); do
        if listening "$sink_port" && listening "$sink_api_port"; then break; fi
        if [ "$i" = 60 ] || ! kill -0 "$sink_pid" 2>/dev/null; then
            echo "The mail sink did not start; see target/mail-sink.log." >&2
            exit 1
        fi
        sleep 0.5
    done
    mail_banner="  Mail goes to the local sink (SMTP 127.0.0.1:${sink_port}) and stays there until this script stops:
    http://127.0.0.1:${sink_api_port}/api/user                      every address that received mail
    http://127.0.0.1:${sink_api_port}/api/user/<address>/messages/INBOX  the mails to one address (JSON, full text)
    http://127.0.0.1:${sink_api_port}/                              the sink's whole API"
else
    mail_banner="  Mail goes to ${CHARTER_SMTP_HOST}${CHARTER_SMTP_PORT:+:$CHARTER_SMTP_PORT} (CHARTER_SMTP_HOST is set; no local sink)."
fi

cat <<BANNER

  Charter is starting on http://localhost:${port}/ (ready when http://localhost:${port}/health/ready says UP).

  Sign in with password '${CHARTER_DEMO_PASSWORD:-charter-demo}' as:
    platform    platform administrator (franchises)
    hq          headquarters of the demo franchise (stores, regions, managers, audit)
    manager     store manager of RIX-01 Rīga Centrs (roster)
    employee    employee at RIX-01 (own training and file)
  Other managers: manager.ber, manager.ham, manager.ath, manager.skg, manager.kul.

${mail_banner}

BANNER

# a fresh root each time: Micro would otherwise start the copy it unpacked last time (cluster/run.sh gives each
# instance its own root, name and data-grid port)
root="${CHARTER_MICRO_ROOT:-target/micro}"
rm -rf "$root" && mkdir -p "$root"
# A one-member cluster on loopback: sessions live in the data grid as they do when more instances join
# (docs/architecture.md, "Scale-out"); nothing listens beyond 127.0.0.1.
# Not exec'd: the sink is stopped when Micro ends, and Ctrl-C or a TERM stops both.
java -Xmx"${CHARTER_HEAP:-1g}" -Dhazelcast.socket.bind.any=false -jar "$micro" \
    --deploy "$war" --contextroot / \
    --port "$port" --clustermode "tcpip:${CHARTER_CLUSTER_MEMBERS:-127.0.0.1:6900}" --interfaces 127.0.0.1 \
    --startport "${CHARTER_GRID_PORT:-6900}" ${CHARTER_INSTANCE_NAME:+--name "$CHARTER_INSTANCE_NAME"} \
    --prebootcommandfile micro/local.asadmin --postbootcommandfile micro/pool.asadmin \
    --rootdir "$root" &
java_pid=$!
wait "$java_pid"
