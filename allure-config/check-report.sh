#!/usr/bin/env bash
# Checks that a generated Allure report renders in headless Chromium: the report's page lists the load tests, and a
# load test's summary page shows its charts. Screenshots go to the given directory as build artifacts.
# Usage: check-report.sh <report dir> <screenshot dir>. Skips, saying so, where Chromium is not installed.
set -euo pipefail
report=$(cd "$1" && pwd)
shots=$2
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ] || ! command -v python3 >/dev/null; then
  echo "[report check] SKIPPED: Chromium or python3 is not installed (apt-get install chromium python3), so the rendering was not checked"
  exit 0
fi
mkdir -p "$shots"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$report" >/dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$profile"' EXIT
for i in $(seq 1 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done

browse() { # browse <url> <extra flags…>
  local url=$1; shift
  timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic --user-data-dir="$profile" \
    --virtual-time-budget=8000 "$@" "$url" 2>/dev/null
}

# the test case of the first load test with a summary attachment, and that attachment
read -r uid summary < <(python3 - "$report" <<'PY'
import glob, json, sys
for path in sorted(glob.glob(sys.argv[1] + "/data/test-cases/*.json")):
    case = json.load(open(path))
    for attachment in case.get("testStage", {}).get("attachments", []):
        if attachment["name"] == "load test summary":
            print(case["uid"], attachment["source"]); sys.exit(0)
sys.exit("no load test with a summary attachment in the report")
PY
)
# each budget of a load test is a test case of its own in the report, beside the load test
python3 - "$report" <<'PY' || { echo "[report check] FAILED: no budget is a test case of its own"; exit 1; }
import glob, json, sys
names = [json.load(open(p))["name"] for p in glob.glob(sys.argv[1] + "/data/test-cases/*.json")]
budgets = [n for n in names if " <= " in n or " >= " in n]
print("[report check] %d test cases, %d of them budgets, e.g. %s" % (len(names), len(budgets), budgets[:1]))
sys.exit(0 if budgets else 1)
PY
page="http://127.0.0.1:$port/index.html#testresult/$uid"
browse "$page" --dump-dom > "$profile/page.html"
grep -q "load test summary" "$profile/page.html" || { echo "[report check] FAILED: the test page of $uid shows no load test summary"; exit 1; }
grep -q "budget kept\|budget broken" "$profile/page.html" || { echo "[report check] FAILED: the test page of $uid shows no budget step"; exit 1; }
browse "$page" --window-size=1400,1600 --screenshot="$shots/load-test-page.png" >/dev/null
chart="http://127.0.0.1:$port/data/attachments/$summary"
browse "$chart" --dump-dom > "$profile/summary.html"
grep -q "<polyline" "$profile/summary.html" || { echo "[report check] FAILED: the load test summary has no chart"; exit 1; }
browse "$chart" --window-size=820,2200 --screenshot="$shots/load-test-summary.png" >/dev/null
echo "[report check] OK: the report renders; a load test page shows its budgets and its summary its charts." \
  "Screenshots: $shots"
