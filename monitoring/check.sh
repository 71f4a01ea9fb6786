#!/usr/bin/env bash
# Checks monitoring/ against real servers: Prometheus (Debian's package, installed if missing) runs on loopback with
# monitoring/prometheus.yml and scrapes the demo chat service and Horde's endpoint while two samples run against the
# demo (ServerMetricsLoadTest, whose target-metric budgets ask this Prometheus, and ArrivalRateLoadTest, open model).
# Then every PromQL expression of the Grafana dashboard must return data over the run. Ports are rewritten only when
# the configured ones are taken. Stops what it started, by PID.
#   monitoring/check.sh [--screenshot docs/images/prometheus-graph.png]
set -euo pipefail
cd "$(dirname "$0")/.."
screenshot=""
if [ "${1:-}" = "--screenshot" ]; then screenshot=$(realpath -m "$2"); fi

if ! command -v prometheus >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

work=$(mktemp -d)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop EXIT

port_free() { python3 -c "import socket; socket.socket().bind(('127.0.0.1', $1))" 2>/dev/null; }
free_port() { python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
prom=9090; demo=8080; horde=9464
port_free $prom || prom=$(free_port)
port_free $demo || demo=$(free_port)
port_free $horde || horde=$(free_port)
sed -e "s/127.0.0.1:9464/127.0.0.1:$horde/" -e "s/127.0.0.1:8080/127.0.0.1:$demo/" monitoring/prometheus.yml \
  > "$work/prometheus.yml"
echo "== Prometheus 127.0.0.1:$prom, demo 127.0.0.1:$demo, Horde's endpoint 127.0.0.1:$horde"

mvn -B -ntp -q -pl sample-tests -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$work/classpath"
java -cp "sample-tests/target/classes:$(cat "$work/classpath")" dev.horde.demo.DemoServer "$demo" \
  > "$work/demo.log" 2>&1 &
pids+=($!)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prom" > "$work/prometheus.log" 2>&1 &
pids+=($!)

wait_for() { # url, what
  for _ in $(seq 1 120); do
    python3 -c "import urllib.request; urllib.request.urlopen('$1', timeout=2)" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$2 did not answer at $1"; cat "$work"/*.log; exit 1
}
wait_for "http://127.0.0.1:$demo/health" "the demo"
wait_for "http://127.0.0.1:$prom/-/ready" "Prometheus"

echo "== the samples, with Horde's meters served for Prometheus and target metrics read from it"
start=$(date +%s)
mvn -B -ntp -pl sample-tests -am test -Dtest='ServerMetricsLoadTest,ArrivalRateLoadTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dhorde.target="http://127.0.0.1:$demo" \
  -Dhorde.prometheus="127.0.0.1:$horde" -Dhorde.prometheus.url="http://127.0.0.1:$prom"
end=$(date +%s)

echo "== every expression of monitoring/grafana/dashboards/horde.json over the run ($start..$end)"
python3 - "$prom" "$start" "$end" <<'PY'
import json, sys, urllib.parse, urllib.request
prom, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
dashboard = json.load(open("monitoring/grafana/dashboards/horde.json"))
failed = 0
for panel in dashboard["panels"]:
    for target in panel.get("targets", []):
        expr = target["expr"].replace("$__rate_interval", "4s").replace("$test", ".*")
        query = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": "1"}).encode()
        try:
            answer = json.load(urllib.request.urlopen(f"http://127.0.0.1:{prom}/api/v1/query_range", query, timeout=30))
        except urllib.error.HTTPError as e:
            answer = json.load(e)
        if answer["status"] != "success":
            verdict = "ERROR " + answer.get("error", "")
        else:
            series = answer["data"]["result"]
            points = sum(1 for s in series for _, v in s["values"] if v not in ("NaN", "+Inf", "-Inf"))
            verdict = f"ok    {len(series)} series, {points} points" if points else "NO DATA"
        failed += not verdict.startswith("ok")
        print(f"  {verdict:28} {panel['title']}: {target['legendFormat']}")
if failed:
    sys.exit(f"{failed} expressions of the dashboard returned no data or an error")
PY

if [ -n "$screenshot" ]; then
  expr='histogram_quantile(0.95, sum by (le, test) (rate(horde_sample_seconds_bucket{metric="GET /api/posts/{id}", outcome="ok"}[4s])))'
  url="http://127.0.0.1:$prom/classic/graph?g0.expr=$(python3 -c "import urllib.parse, sys; print(urllib.parse.quote(sys.argv[1]))" "$expr")&g0.tab=0&g0.range_input=$(( end - start + 10 ))s&g0.stacked=0"
  mkdir -p "$(dirname "$screenshot")"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
    --window-size=1400,900 --virtual-time-budget=8000 --screenshot="$screenshot" "$url" 2>/dev/null
  echo "== screenshot: $screenshot"
fi
