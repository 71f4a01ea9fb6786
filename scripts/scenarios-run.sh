#!/usr/bin/env bash
# Several scenarios in one run against the demo service: readers, authors and arriving readers, one after the other,
# from the command line jar; flags as for scripts/sample-run.sh (e.g. --users-factor 0.5). Exit status: the run's.
set -euo pipefail
exec "$(dirname "$0")/sample-run.sh" --select dev.horde.sample.BrowsePostsLoadTest \
  --select dev.horde.sample.PostAuthorsLoadTest --select dev.horde.sample.ArrivalRateLoadTest "$@"
