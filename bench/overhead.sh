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

source bench/nginx.sh

# one reactor build, so the harness on the class path is the one in this work tree
mvn -q -B -ntp -Dstyle.color=never -Pbench -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt
cp=$(cat bench/target/classpath.txt)
main=dev.horde.bench.OverheadBenchmark
[ "${BENCH:-}" = scale ] && main=dev.horde.bench.UserScaleBenchmark
ulimit -n 20000 2>/dev/null || true
"${JAVA_HOME:-/usr}/bin/java" ${JAVA_OPTS:-} -cp "bench/target/classes:$cp" "$main" \
  "$NGINX_URL" "$USERS" "$WARM" "$MEASURE" "$ROUNDS"
