#!/bin/sh
# A long run with the daemon's own queue limit (10000 per queue): 50 scripted agents accept and
# complete offers so queues drain; RESOURCE_EXHAUSTED is counted apart if they cannot keep up.
set -e
BIN=${BIN:-$(dirname "$0")/../../../build/bin/relais-load}
"$BIN" --self-test --clients 64 --seconds "${SECONDS_PER_SERVER:-60}" --agents 50 \
  --queue-limit 0 --json drain_with_agents.json
