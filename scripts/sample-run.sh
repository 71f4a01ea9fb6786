#!/usr/bin/env bash
# One command: the sample load tests against the demo service, from the command line jar (no Maven test run).
#
#   scripts/sample-run.sh                                   # BrowsePostsLoadTest
#   scripts/sample-run.sh --select dev.horde.sample.ArrivalRateLoadTest --users-factor 0.5
#   scripts/sample-run.sh --select dev.horde.sample.BrowsePostsLoadTest --select dev.horde.sample.PostAuthorsLoadTest
#
# Flags are those of `java -jar cli/target/horde-cli-*.jar run --help`; several --select run several scenarios in
# one run. Reports go to target/horde-cli (index.html, JSON, HdrHistogram logs, JUnit XML). Exit status: the run's.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build
start_demo
selection=()
[[ " $* " == *" --select "* ]] || selection=(--select dev.horde.sample.BrowsePostsLoadTest)
set +e
horde run --class-path "$(tests_class_path)" "${selection[@]}" --target "http://127.0.0.1:$DEMO_PORT" \
  --report-dir "$ROOT/target/horde-cli" "$@"
status=$?
echo "report: $ROOT/target/horde-cli/index.html"
exit $status
