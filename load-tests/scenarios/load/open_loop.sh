#!/bin/sh
# Open loop: arrivals keep coming whatever the server does; RATE per second (default 2000).
set -e
BIN=${BIN:-$(dirname "$0")/../../../build/bin/relais-load}
"$BIN" --self-test --rate "${RATE:-2000}" --seconds 15 --json open_loop.json
