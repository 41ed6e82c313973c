#!/bin/sh
# Drives a relaisd that is already running at $1 (HOST:PORT); the baseline is started locally.
set -e
BIN=${BIN:-$(dirname "$0")/../../../build/bin/relais-load}
"$BIN" --target "${1:?usage: running_daemon.sh HOST:PORT}" --clients 64 --seconds 15 --agents 20
