#!/usr/bin/env bash
# The benchmark: the same closed loop (N users, each GET back to back over its own keep-alive connection) against
# nginx on loopback, run in turns by (a) the harness's lean client, (b) the harness's REST Assured path, (c) Gatling
# and (d) wrk. Each runs warm-up + measured seconds; throughput and CPU are read from outside over the measured
# window (nginx's request counter, /proc/<pid>/stat), latencies from each tool's own figures, peak RSS from VmHWM.
#   bench/run.sh [users=50] [measured s=15] [warm-up s=5]
#   BENCH=memory bench/run.sh [users=10000]   heap and RSS per idle user, HTTP only and with a WebSocket each
#   BENCH=rate bench/run.sh [rate=1000] [measured s=60]   whether the open model holds its arrival rate
#   BENCH=micrometer bench/run.sh [users=50] [measured s=15]   the lean client without and with publishing to a
#       Prometheus registry, alternating (BENCH_ROUNDS rounds, default 3), after the publisher's own CPU per sample
#       measured apart: the cost of the Micrometer bridge
#   BENCH=trace bench/run.sh [users=50] [measured s=15]   both clients without and with a W3C traceparent per
#       request (-Dbench.trace=off|on), alternating (BENCH_ROUNDS rounds, default 3; BENCH_TOOLS=fast for one)
#   BENCH=warmup bench/run.sh [users=50] [s=60]   a fresh JVM's CPU per request and p50 every 5 s, REST Assured and
#       the lean client (BENCH_TOOLS=ra for one); BENCH_JVM_OPTS adds JVM options to try (an AOT cache, Groovy or JIT
#       settings)
#   BENCH=segments bench/run.sh [users=200] [s=20]   one load test (NginxLoadTest, the lean client) from the command
#       line jar in one JVM, then split over BENCH_SEGMENTS JVMs (default 4) starting together and merged, alternating
#       (BENCH_ROUNDS rounds, default 2): requests nginx answered, merged req/s and p99 against one JVM's
# BENCH_JAVA_HOME picks the JDK the tools run on (default: Temurin 25 if installed, else JAVA_HOME); Maven builds with
# JAVA_HOME as usual. The last line is machine-readable.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BENCH_JAVA_HOME:-}" ]; then
  BENCH_JAVA_HOME=${JAVA_HOME:-/usr}
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && BENCH_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="$BENCH_JAVA_HOME/bin/java"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }
source bench/nginx.sh
ulimit -n 20000 2>/dev/null || true

mvn -q -B -ntp -Dstyle.color=never -Pbench -pl bench,bench/gatling -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt
HARNESS_CP="bench/target/classes:$(cat bench/target/classpath.txt)"
GATLING_CP="bench/gatling/target/classes:$(cat bench/gatling/target/classpath.txt)"
HEAP=-Xmx1g
logs=$(mktemp -d)

if [ "${BENCH:-}" = segments ]; then
  USERS=${1:-200}
  LENGTH=${2:-20}
  SEGMENTS=${BENCH_SEGMENTS:-4}
  mvn -q -B -ntp -Dstyle.color=never -pl cli -am package -DskipTests
  CLI=(java -jar "$(ls cli/target/horde-cli-*.jar | grep -v original)")
  [ -x "$JAVA" ] && CLI[0]=$JAVA
  figures() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); m=d["metrics"]["*"]
print(m["count"], round(m["rps"]), m["p50Ms"], m["p99Ms"], d["run"]["measuredMs"])' "$1"; }
  load=(run --class-path bench/target/classes --select dev.horde.bench.NginxLoadTest --users "$USERS"
    --duration "${LENGTH}s" --target "http://127.0.0.1:$NGINX_PORT" -Dhorde.generatorWarmUp=off -Dhorde.junit.dir=off)
  printf '%-34s %10s %10s %10s %10s %10s\n' "$USERS users, ${LENGTH}s (5s warm-up)" "nginx" "counted" "req/s" \
    "p50 ms" "p99 ms"
  for round in $(seq "${BENCH_ROUNDS:-2}"); do
    out=$logs/one-$round
    r0=$(nginx_requests)
    "${CLI[@]}" "${load[@]}" --report-dir "$out" > "$logs/one-$round.log" 2>&1 || { cat "$logs/one-$round.log"; exit 1; }
    r1=$(nginx_requests)
    read -r count rps p50 p99 _ <<< "$(figures "$out/dev.horde.bench.NginxLoadTest.read.json")"
    printf '%-34s %10s %10s %10s %10s %10s\n' "round $round, one JVM" "$((r1 - r0 - 1))" "$count" "$rps" "$p50" "$p99"
    echo "bench: round=$round jvms=1 nginx=$((r1 - r0 - 1)) count=$count rps=$rps p50_ms=$p50 p99_ms=$p99" \
      >> "$logs/segments.txt"
    out=$logs/split-$round
    start_at=$(date -u -d "+$((6 + 2 * SEGMENTS)) seconds" +%Y-%m-%dT%H:%M:%SZ)
    r0=$(nginx_requests)
    pids=()
    for index in $(seq "$SEGMENTS"); do
      "${CLI[@]}" "${load[@]}" --segment "$index/$SEGMENTS" --start-at "$start_at" --report-dir "$out" \
        > "$logs/split-$round-$index.log" 2>&1 &
      pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    r1=$(nginx_requests)
    "${CLI[@]}" merge --report-dir "$out/merged" "$out" > "$logs/merge-$round.log" 2>&1 \
      || { cat "$logs/merge-$round.log"; exit 1; }
    read -r count rps p50 p99 _ <<< "$(figures "$out/merged/dev.horde.bench.NginxLoadTest.read.json")"
    printf '%-34s %10s %10s %10s %10s %10s\n' "round $round, $SEGMENTS JVMs merged" "$((r1 - r0 - 1))" "$count" \
      "$rps" "$p50" "$p99"
    echo "bench: round=$round jvms=$SEGMENTS nginx=$((r1 - r0 - 1)) count=$count rps=$rps p50_ms=$p50 p99_ms=$p99" \
      >> "$logs/segments.txt"
  done
  cat "$logs/segments.txt"
  exit 0
fi

if [ "${BENCH:-}" = memory ]; then
  USERS=${1:-10000}
  "$JAVA" -Xmx4g -cp "$HARNESS_CP" dev.horde.bench.WebSocketEchoServer 18090 > "$logs/ws-server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true; nginx_stop' EXIT
  for socket in false true; do
    "$JAVA" -Xmx4g -cp "$HARNESS_CP" dev.horde.bench.IdleUsersBenchmark "$NGINX_URL" ws://127.0.0.1:18090/ "$USERS" "$socket" \
      | tee "$logs/memory-$socket.log" | grep -v '^memory ' || true
  done
  http=$(grep '^memory ' "$logs/memory-false.log"); ws=$(grep '^memory ' "$logs/memory-true.log")
  field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }
  printf '\n%-22s %10s %14s %14s %10s\n' "idle users" "users" "heap KB/user" "RSS KB/user" "failures"
  printf '%-22s %10s %14s %14s %10s\n' "HTTP only" "$(field "$http" users)" "$(field "$http" heap_kb_per_user)" \
    "$(field "$http" rss_kb_per_user)" "$(field "$http" failures)"
  printf '%-22s %10s %14s %14s %10s\n' "HTTP + WebSocket" "$(field "$ws" users)" "$(field "$ws" heap_kb_per_user)" \
    "$(field "$ws" rss_kb_per_user)" "$(field "$ws" failures)"
  echo "bench: users=$USERS http_heap_kb=$(field "$http" heap_kb_per_user) http_rss_kb=$(field "$http" rss_kb_per_user)" \
    "ws_heap_kb=$(field "$ws" heap_kb_per_user) ws_rss_kb=$(field "$ws" rss_kb_per_user)" \
    "failures=$(( $(field "$http" failures) + $(field "$ws" failures) ))"
  exit 0
fi

if [ "${BENCH:-}" = warmup ]; then
  USERS=${1:-50}; LENGTH=${2:-60}
  for tool in ${BENCH_TOOLS:-ra fast}; do
    echo "bench: $tool, a fresh JVM, $USERS users for ${LENGTH}s, in 5 s blocks" >&2
    "$JAVA" $HEAP ${BENCH_JVM_OPTS:-} -Dbench.curve=5 -cp "$HARNESS_CP" dev.horde.bench.LoopBenchmark "$tool" \
      "$NGINX_URL" "$USERS" "$LENGTH" 0 > "$logs/curve-$tool.log" 2>&1 || { cat "$logs/curve-$tool.log"; exit 1; }
    printf '\n%s: generator warm-up before the clock: %s\n' "$tool" \
      "$(sed -n 's/^generator warm-up: //p' "$logs/curve-$tool.log" | grep . || echo none)"
    printf '%16s %10s %8s %12s %9s\n' "since JVM start" "requests" "req/s" "CPU ms/req" "p50 ms"
    grep '^curve ' "$logs/curve-$tool.log" | tr ' ' '\n' | awk -F= '
      $1=="since_jvm_start_s" {t=$2} $1=="requests" {n=$2} $1=="rps" {r=$2} $1=="cpu_ms_per_request" {c=$2}
      $1=="p50_ms" {printf "%14s s %10s %8s %12s %9s\n", t, n, r, c, $2}'
  done
  echo "JDK: $("$JAVA" -version 2>&1 | head -1)${BENCH_JVM_OPTS:+, options: $BENCH_JVM_OPTS}"
  exit 0
fi

if [ "${BENCH:-}" = rate ]; then
  RATE=${1:-1000}; MEASURE=${2:-60}
  line=$("$JAVA" $HEAP -cp "$HARNESS_CP" dev.horde.bench.RateBenchmark "$NGINX_URL" "$RATE" 200 "$MEASURE" | grep '^rate ')
  echo "$line"
  echo "bench: ${line#rate }"
  exit 0
fi

USERS=${1:-50}; MEASURE=${2:-15}; WARM=${3:-5}
LENGTH=$((WARM + MEASURE + 2))
declare -A RPS CPU P50 P99 RSS WARMED

# measure <tool> <pid> [log]: throughput and CPU of process <pid> over the measured window, which starts WARM seconds
# after the clock: at once for Gatling and wrk, after the line "clock started" in <log> for the harness
measure() {
  local tool=$1 pid=$2 log=${3:-} r0 r1 c0 c1
  if [ -n "$log" ]; then
    for _ in $(seq 1200); do grep -q '^clock started' "$log" 2>/dev/null && break; sleep 0.1; done
  fi
  sleep "$WARM"
  r0=$(nginx_requests); c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$MEASURE"
  r1=$(nginx_requests); c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  RSS[$tool]=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  RPS[$tool]=$(( (r1 - r0 - 1) / MEASURE ))
  CPU[$tool]=$(echo "scale=4; ($c1 - $c0) * 1000 / $(getconf CLK_TCK) / ($r1 - $r0 - 1)" | bc | sed 's/^\./0./')
}

if [ "${BENCH:-}" = trace ]; then # both clients without and with a traceparent per request, alternating
  ROUNDS=${BENCH_ROUNDS:-3}
  printf '%-40s %10s %12s\n' "$USERS users, ${MEASURE}s" "req/s" "CPU ms/req"
  for round in $(seq "$ROUNDS"); do
    for tool in ${BENCH_TOOLS:-fast ra}; do
      for trace in off on; do
        "$JAVA" $HEAP -Dbench.trace=$trace -cp "$HARNESS_CP" dev.horde.bench.LoopBenchmark "$tool" "$NGINX_URL" \
          "$USERS" "$LENGTH" "$WARM" > "$logs/trace-$trace.log" 2>&1 &
        measure "$trace" $! "$logs/trace-$trace.log"
        wait $! || { cat "$logs/trace-$trace.log"; exit 1; }
        printf '%-40s %10s %12s\n' "round $round, $tool, traceparent $trace" "${RPS[$trace]}" "${CPU[$trace]}"
        echo "bench: round=$round tool=$tool trace=$trace rps=${RPS[$trace]} cpu_ms=${CPU[$trace]}" >> "$logs/trace.txt"
      done
    done
  done
  cat "$logs/trace.txt"
  exit 0
fi

if [ "${BENCH:-}" = micrometer ]; then # the lean client's loop without and with a Prometheus registry, alternating
  ROUNDS=${BENCH_ROUNDS:-3}
  "$JAVA" $HEAP -cp "$HARNESS_CP" dev.horde.bench.PublisherBenchmark | tee "$logs/micrometer.txt"
  printf '%-34s %10s %12s\n' "lean client ($USERS users, ${MEASURE}s)" "req/s" "CPU ms/req"
  for round in $(seq "$ROUNDS"); do
    for publish in false true; do
      "$JAVA" $HEAP -Dbench.micrometer=$publish -cp "$HARNESS_CP" dev.horde.bench.LoopBenchmark fast "$NGINX_URL" \
        "$USERS" "$LENGTH" "$WARM" > "$logs/micrometer-$publish.log" 2>&1 &
      measure "$publish" $! "$logs/micrometer-$publish.log"
      wait $! || { cat "$logs/micrometer-$publish.log"; exit 1; }
      name="round $round, registry $([ "$publish" = true ] && echo on || echo off)"
      printf '%-34s %10s %12s\n' "$name" "${RPS[$publish]}" "${CPU[$publish]}"
      echo "bench: round=$round micrometer=$publish rps=${RPS[$publish]} cpu_ms=${CPU[$publish]}" >> "$logs/micrometer.txt"
    done
  done
  cat "$logs/micrometer.txt"
  exit 0
fi

for tool in fast ra; do
  echo "bench: harness $tool path, $USERS users, ${WARM}s warm-up + ${MEASURE}s" >&2
  "$JAVA" $HEAP -cp "$HARNESS_CP" dev.horde.bench.LoopBenchmark "$tool" "$NGINX_URL" "$USERS" "$LENGTH" "$WARM" \
    > "$logs/$tool.log" 2>&1 &
  measure "$tool" $! "$logs/$tool.log"
  wait $!
  result=$(grep '^result ' "$logs/$tool.log") || { cat "$logs/$tool.log"; exit 1; }
  WARMED[$tool]=$(sed -n 's/^generator warm-up: //p' "$logs/$tool.log")
  P50[$tool]=$(echo "$result" | tr ' ' '\n' | awk -F= '$1=="p50_ms" {print $2}')
  P99[$tool]=$(echo "$result" | tr ' ' '\n' | awk -F= '$1=="p99_ms" {print $2}')
done

echo "bench: Gatling, $USERS users" >&2
"$JAVA" $HEAP -XX:+UseG1GC -XX:+ParallelRefProcEnabled -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
  --add-opens=java.base/java.lang=ALL-UNNAMED -Dbench.url="$NGINX_URL" -Dbench.users="$USERS" -Dbench.seconds="$LENGTH" \
  -cp "$GATLING_CP" io.gatling.app.Gatling -s dev.horde.bench.gatling.LoopSimulation -rf "$logs/gatling" \
  > "$logs/gatling.log" 2>&1 &
measure gatling $!
wait $! || { tail -20 "$logs/gatling.log"; exit 1; }
P50[gatling]=$(awk -F'|' '/response time 50th percentile/ {gsub(/ /, "", $2); print $2}' "$logs/gatling.log")
P99[gatling]=$(awk -F'|' '/response time 99th percentile/ {gsub(/ /, "", $2); print $2}' "$logs/gatling.log")

echo "bench: wrk, $USERS connections" >&2
wrk -t2 -c"$USERS" -d"${LENGTH}s" --latency "$NGINX_URL" > "$logs/wrk.log" 2>&1 &
measure wrk $!
wait $!
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v*=1000}; print v}'; }
P50[wrk]=$(awk '$1=="50%" {print $2}' "$logs/wrk.log" | to_ms)
P99[wrk]=$(awk '$1=="99%" {print $2}' "$logs/wrk.log" | to_ms)

printf '\n%-26s %10s %12s %9s %9s %10s\n' "tool ($USERS users, ${MEASURE}s)" "req/s" "CPU ms/req" "p50 ms" "p99 ms" "peak RSS"
for tool in fast ra gatling wrk; do
  case $tool in fast) name="harness, lean client";; ra) name="harness, REST Assured";; gatling) name="Gatling 3.15";; wrk) name="wrk";; esac
  printf '%-26s %10s %12s %9s %9s %8s MB\n' "$name" "${RPS[$tool]}" "${CPU[$tool]}" "${P50[$tool]}" "${P99[$tool]}" "${RSS[$tool]}"
done
echo
echo "generator warm-up before the clock (as a load test's default): lean client ${WARMED[fast]:-none};"
echo "  REST Assured ${WARMED[ra]:-none}"
ratio() { echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; }
echo
echo "lean client / Gatling: $(ratio "${RPS[fast]}" "${RPS[gatling]}")× req/s, $(ratio "${CPU[fast]}" "${CPU[gatling]}")× CPU per request"
echo "lean client / wrk:     $(ratio "${RPS[fast]}" "${RPS[wrk]}")× req/s"
echo "JDK: $("$JAVA" -version 2>&1 | head -1)"
echo "bench: fast_rps=${RPS[fast]} ra_rps=${RPS[ra]} gatling_rps=${RPS[gatling]} wrk_rps=${RPS[wrk]}" \
  "fast_cpu_ms=${CPU[fast]} ra_cpu_ms=${CPU[ra]} gatling_cpu_ms=${CPU[gatling]} wrk_cpu_ms=${CPU[wrk]}"
