#!/usr/bin/env bash
# Checks the examples: the Kubernetes manifests against the API's schemas and the workflow with GitHub's parser
# (validate/), then, where a Docker engine runs, the Kubernetes example's own commands in containers of horde/runner
# (docker/runner-image.sh) against the demo service on the host: every pod of the Indexed Job (its args, with
# JOB_COMPLETION_INDEX set as Kubernetes sets it, and a shorter run), then the merge Job, then the workflow's merge
# step (the Maven goal) on the same reports. Exit status 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")"
(cd validate && npm ci --no-audit --no-fund --silent && npm run -s validate)

if ! docker info >/dev/null 2>&1; then
  echo "no Docker engine: the Kubernetes example's commands are not run"
  exit 0
fi
source ../scripts/lib.sh
bash ../docker/runner-image.sh
start_demo
results=$(mktemp -d)
trap 'stop_demo; rm -rf "$results"' EXIT
export TARGET="http://127.0.0.1:$DEMO_PORT"
export START_AT
START_AT=$(date -u -d "+25 seconds" +%Y-%m-%dT%H:%M:%SZ)
mapfile -t load < <(node validate/args.mjs kubernetes/load-job.yaml)
completions=$(node validate/args.mjs kubernetes/load-job.yaml --completions)
echo "== the Indexed Job's $completions pods: java -jar horde-cli.jar ${load[*]} (4 s, no generator warm-up)"
pids=()
for index in $(seq 0 $((completions - 1))); do
  docker run --rm --network host -e "JOB_COMPLETION_INDEX=$index" -v "$results:/results" horde/runner:latest \
    "${load[@]}" --duration 4s -Dhorde.generatorWarmUp=off > "$results/pod-$index.log" 2>&1 &
  pids+=($!)
done
for index in $(seq 0 $((completions - 1))); do
  wait "${pids[$index]}" || { cat "$results/pod-$index.log"; echo "pod $index failed"; exit 1; }
done
# four cold JVMs on this machine's cores may break the sample's latency budget (exit 1): what is checked here is that
# the commands run and the merge reads every pod's report; a refusal (exit 2) or anything else fails
merged() {
  [ "$1" -le 1 ] || { echo "$2 failed with exit status $1"; exit 1; }
  python3 - "$3" "$results" <<'PY'
import glob, json, sys
merged = json.load(open(sys.argv[1]))
segments = [json.load(open(f)) for f in glob.glob(sys.argv[2] + "/segment-*/*.readAPost.json")]
count = sum(s["metrics"]["*"]["count"] for s in segments)
assert merged["merged"]["segments"] == len(segments) == 4, merged["merged"]
assert merged["metrics"]["*"]["count"] == count, (merged["metrics"]["*"]["count"], count)
print(f"merged {len(segments)} segments: {count} requests, verdict {merged['verdict']}")
PY
}
mapfile -t merge < <(node validate/args.mjs kubernetes/merge-job.yaml)
echo "== the merge Job: java -jar horde-cli.jar ${merge[*]}"
status=0
docker run --rm --network host -v "$results:/results" horde/runner:latest "${merge[@]}" || status=$?
merged "$status" "the merge Job" "$results/merged/dev.horde.sample.BrowsePostsLoadTest.readAPost.json"
echo "== the workflow's merge step: the Maven goal on the same segments"
status=0
(cd "$ROOT" && mvn -B -ntp -q dev.horde:horde-maven-plugin:$VERSION:merge -Dhorde.merge.directories="$results" \
  -Dhorde.merge.reportDir="$results/maven-merged") || status=$?
merged "$status" "the Maven goal" "$results/maven-merged/dev.horde.sample.BrowsePostsLoadTest.readAPost.json"
echo "examples: ok"
