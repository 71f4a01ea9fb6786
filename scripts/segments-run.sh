#!/usr/bin/env bash
# A load test split into N segments, each in a JVM of its own on this machine, all starting together against the demo
# service; then their reports merged and the budgets judged on the whole, as N machines would do it.
#
#   scripts/segments-run.sh 4                                   # BrowsePostsLoadTest in 4 JVMs
#   scripts/segments-run.sh 2 --select dev.horde.sample.ArrivalRateLoadTest --duration 10s
#
# Segments write to target/horde-segments/segment-<i>-of-<N>; the merge to target/horde-merged. Exit status: the
# merge's (0 passed, 1 a budget broke, 2 a segment failed or their reports do not make a whole run).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
count=${1:?usage: scripts/segments-run.sh <segments> [horde run flags]}
shift
build
start_demo
selection=()
[[ " $* " == *" --select "* ]] || selection=(--select dev.horde.sample.BrowsePostsLoadTest)
rm -rf "$ROOT/target/horde-segments" "$ROOT/target/horde-merged"
start_at=$(date -u -d "+$((10 + 2 * count)) seconds" +%Y-%m-%dT%H:%M:%SZ)   # after every JVM has started
pids=()
for index in $(seq 1 "$count"); do
  horde run --class-path "$(tests_class_path)" "${selection[@]}" --target "http://127.0.0.1:$DEMO_PORT" \
    --segment "$index/$count" --start-at "$start_at" --report-dir "$ROOT/target/horde-segments" "$@" \
    > "$ROOT/target/segment-$index.log" 2>&1 &
  pids+=($!)
done
failed=0
for index in $(seq 1 "$count"); do
  wait "${pids[$((index - 1))]}" || { failed=1; echo "segment $index/$count failed: target/segment-$index.log"; }
done
[ "$failed" = 0 ] || exit 2
horde merge --report-dir "$ROOT/target/horde-merged" "$ROOT/target/horde-segments"
