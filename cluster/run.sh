#!/usr/bin/env bash
# Runs Charter as a cluster on this machine: N instances of Payara Micro (default 2) against the local PostgreSQL,
# clustered by their own data grid (a TCP/IP member list on 127.0.0.1, never multicast), behind haproxy at
# http://localhost:${CHARTER_PORT:-8080}/ with health checks on /health/ready (docs/scaling.md, "A cluster").
#   instance i (1..N): HTTP on 127.0.0.1:$((8180 + i)), data grid on 127.0.0.1:$((6900 + i - 1)), root
#   target/cluster/micro-i, log target/cluster/instance-i.log; haproxy's own page of its servers on
#   http://127.0.0.1:8404/. The first instance runs the mail sink; the others send their mail to it.
# Each instance is ./run.sh with its own port, name and root, so the database, demo data and settings are the same
# as for one instance. Ctrl-C stops everything. Usage: cluster/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2}"
port="${CHARTER_PORT:-8080}"
command -v haproxy > /dev/null || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 1; }
mkdir -p target/cluster
members=$(for i in $(seq 1 "$count"); do printf '127.0.0.1:%d,' $((6900 + i - 1)); done)
members="${members%,}"
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ready() { curl -fs "http://127.0.0.1:$1/health/ready" > /dev/null 2>&1; }
for i in $(seq 1 "$count"); do
    http=$((8180 + i))
    # the first instance builds when needed, prepares the database and starts the sink; the others wait for it
    if [ "$i" = 1 ]; then
        sink=()
    else
        sink=(CHARTER_SMTP_HOST=127.0.0.1 CHARTER_SMTP_PORT="${CHARTER_MAIL_SINK_PORT:-3025}"
              CHARTER_MAIL_SINK_PORT=0)
    fi
    env "${sink[@]}" CHARTER_PORT="$http" CHARTER_MICRO_ROOT="target/cluster/micro-$i" \
        CHARTER_INSTANCE_NAME="charter-$i" CHARTER_GRID_PORT=$((6900 + i - 1)) CHARTER_CLUSTER_MEMBERS="$members" \
        CHARTER_HTTP_TRUSTED_PROXIES="${CHARTER_HTTP_TRUSTED_PROXIES:-127.0.0.1}" \
        CHARTER_PUBLIC_BASE_URL="${CHARTER_PUBLIC_BASE_URL:-http://localhost:$port}" \
        ./run.sh > "target/cluster/instance-$i.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
        ready "$http" && break
        kill -0 "${pids[-1]}" 2>/dev/null || { echo "instance $i stopped; see target/cluster/instance-$i.log" >&2; exit 1; }
        sleep 1
    done
    ready "$http" || { echo "instance $i did not get ready; see target/cluster/instance-$i.log" >&2; exit 1; }
    echo "instance $i ready on http://127.0.0.1:$http/"
done

# haproxy: round robin for new visitors, a cookie keeps a visitor on their instance while it is up (sessions
# live in the data grid, so another instance carries on when it is not), a server leaves the rotation after two
# failed readiness checks a second apart, and a request that could not reach its server goes to another.
{
    cat <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    option forwardfor
    option redispatch
    retries 2
    # only a request that never reached an instance is sent to another: a post the killed one may have
    # written is not sent twice
    retry-on conn-failure
frontend charter
    bind 127.0.0.1:$port
    # a client asking to switch to cleartext HTTP/2 (h2c) would turn the connection into a tunnel that
    # haproxy no longer reads: no stickiness, no failover. Browsers never ask; other clients stay on HTTP/1.1.
    http-request del-header upgrade if { req.hdr(upgrade) -i h2c }
    default_backend instances
frontend stats
    bind 127.0.0.1:8404
    stats enable
    stats uri /
backend instances
    balance roundrobin
    cookie CHARTER_NODE insert indirect nocache httponly
    # which instance answered, for the cluster check (benchmarks/cluster.sh)
    http-response set-header X-Served-By %[srv_name]
    option httpchk GET /health/ready
    http-check expect status 200
CFG
    for i in $(seq 1 "$count"); do
        echo "    server charter-$i 127.0.0.1:$((8180 + i)) check inter 1s fall 2 rise 2 cookie n$i"
    done
} > target/cluster/haproxy.cfg
haproxy -f target/cluster/haproxy.cfg -db > target/cluster/haproxy.log 2>&1 &
pids+=($!)
echo "Charter on $count instances behind haproxy: http://localhost:$port/ (servers: http://127.0.0.1:8404/)"
# an instance that stops (or is killed) leaves the others serving; this script ends with haproxy or Ctrl-C
wait "${pids[-1]}"
