#!/usr/bin/env bash
# Measures the harness against nginx on loopback, in its own process. JAVA_HOME picks the JDK; JAVA_OPTS adds JVM flags.
#   bench/overhead.sh [users] [warm-up s] [measured s] [rounds]
#       the same REST Assured loop with and without the harness, in alternating rounds; bounded by about
#       2 × rounds × (warm-up + measured) + 60 s. JAVA_OPTS=-Dbench.assertions=1 compares ways of checking a body.
#   BENCH=scale bench/overhead.sh <users> <ramp-up s> <duration s> <think ms>
#       how many users one JVM holds: memory and threads per user in the steady state.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-8}; WARM=${2:-10}; MEASURE=${3:-10}; ROUNDS=${4:-3}

command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light; }
work=$(mktemp -d)
trap 'nginx -p "$work" -c nginx.conf -s stop 2>/dev/null || true; tail -n 3 "$work/logs/error.log" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"; mkdir -p "$work/logs"
printf '{"id":1,"channel":"town-square","message":"hello"}' > "$work/post.json"
chmod 644 "$work/post.json"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 20000;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 16384; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:18089 backlog=8192;
    location / { root $work; default_type application/json; try_files /post.json =404; }
  }
}
CONF
nginx -p "$work" -c nginx.conf

# one reactor build, so the harness on the class path is the one in this work tree
mvn -q -B -ntp -Dstyle.color=never -Pbench -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$work/classpath.txt"
cp=$(cat "$work/classpath.txt")
main=dev.horde.bench.OverheadBenchmark
[ "${BENCH:-}" = scale ] && main=dev.horde.bench.UserScaleBenchmark
ulimit -n 20000 2>/dev/null || true
"${JAVA_HOME:-/usr}/bin/java" ${JAVA_OPTS:-} -cp "bench/target/classes:$cp" "$main" \
  http://127.0.0.1:18089/api/posts/1 "$USERS" "$WARM" "$MEASURE" "$ROUNDS"
