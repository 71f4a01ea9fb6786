#!/usr/bin/env bash
# Builds horde/runner:latest (docker/runner.Dockerfile): the command line jar with the sample tests' class path, on the
# local JDK image that docker/local-images.sh makes (REST Assured needs java.desktop, which the demo's small JRE leaves
# out); BASE_IMAGE chooses another. Needs a running Docker engine.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
build
export DOCKER_BUILDKIT=0
docker build -q -f "$ROOT/docker/runner.Dockerfile" --build-arg "BASE_IMAGE=${BASE_IMAGE:-horde-local/maven:17}" \
  -t horde/runner:latest "$RUNNER_DIR" >/dev/null
echo "built horde/runner:latest"
