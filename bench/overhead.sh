#!/usr/bin/env bash
# Measures the harness's overhead: the same REST Assured loop with and without the harness, against nginx on
# loopback in its own process. Usage: bench/overhead.sh [users] [warm-up s] [measured s] [rounds]
# JAVA_HOME picks the JDK; JAVA_OPTS adds JVM flags. Bounded: about 2 × rounds × (warm-up + measured) + 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-8}; WARM=${2:-10}; MEASURE=${3:-10}; ROUNDS=${4:-3}

command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light; }
work=$(mktemp -d)
trap 'nginx -p "$work" -c nginx.conf -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
chmod 755 "$work"; mkdir -p "$work/logs"
printf '{"id":1,"channel":"town-square","message":"hello"}' > "$work/post.json"
chmod 644 "$work/post.json"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:18089;
    location / { root $work; default_type application/json; try_files /post.json =404; }
  }
}
CONF
nginx -p "$work" -c nginx.conf

# one reactor build, so the harness on the class path is the one in this work tree
mvn -q -B -ntp -Dstyle.color=never -Pbench -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$work/classpath.txt"
cp=$(cat "$work/classpath.txt")
"${JAVA_HOME:-/usr}/bin/java" ${JAVA_OPTS:-} -cp "bench/target/classes:$cp" dev.horde.bench.OverheadBenchmark \
  http://127.0.0.1:18089/api/posts/1 "$USERS" "$WARM" "$MEASURE" "$ROUNDS"
