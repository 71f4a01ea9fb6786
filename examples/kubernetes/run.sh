#!/usr/bin/env bash
# Runs load-job.yaml against TARGET and merges its segments with merge-job.yaml; exits with the merge's status.
#
#   TARGET=http://my-service.my-namespace:8080 examples/kubernetes/run.sh
#
# Needs kubectl pointed at the cluster, the horde/runner image where its nodes can pull it (docker/runner.Dockerfile)
# and a ReadWriteMany storage class for results-volume.yaml. START_AT gives the pods two minutes to be scheduled.
set -euo pipefail
cd "$(dirname "$0")"
target=${TARGET:?set TARGET to the service under test, e.g. http://my-service.my-namespace:8080}
start_at=$(date -u -d "+${START_DELAY:-120} seconds" +%Y-%m-%dT%H:%M:%SZ)
# waits until job $1 completed or failed, at most $2; succeeds when it completed
await_job() {
  kubectl wait --for=condition=complete --timeout="$2" "job/$1" >/dev/null 2>&1 &
  local complete=$!
  kubectl wait --for=condition=failed --timeout="$2" "job/$1" >/dev/null 2>&1 &
  local failed=$!
  wait -n "$complete" "$failed" || true
  kill "$complete" "$failed" 2>/dev/null || true
  [ "$(kubectl get job "$1" -o jsonpath='{.status.succeeded}')" = "$(kubectl get job "$1" -o jsonpath='{.spec.completions}')" ]
}

kubectl delete job horde-load horde-merge --ignore-not-found
kubectl apply -f results-volume.yaml
sed -e "s|http://demo.default.svc:8080|$target|" -e "s|\"2026-01-01T00:00:00Z\"|\"$start_at\"|" load-job.yaml \
  | kubectl apply -f -
await_job horde-load 1800s || echo "a segment failed (kubectl logs -l job-name=horde-load); merging tells which"
kubectl apply -f merge-job.yaml
status=0
await_job horde-merge 600s || status=1
kubectl logs job/horde-merge
exit $status
