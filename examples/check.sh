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
mapfile -t merge < <(node validate/args.mjs kubernetes/merge-job.yaml)
echo "== the merge Job: java -jar horde-cli.jar ${merge[*]}"
docker run --rm --network host -v "$results:/results" horde/runner:latest "${merge[@]}"
test -f "$results/merged/dev.horde.sample.BrowsePostsLoadTest.readAPost.json"
echo "== the workflow's merge step: the Maven goal on the same segments"
(cd "$ROOT" && mvn -B -ntp -q dev.horde:horde-maven-plugin:$VERSION:merge -Dhorde.merge.directories="$results" \
  -Dhorde.merge.reportDir="$results/maven-merged")
test -f "$results/maven-merged/index.html"
echo "examples: ok"
