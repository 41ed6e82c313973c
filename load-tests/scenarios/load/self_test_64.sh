#!/bin/sh
# The reference measurement of load-tests/README.md: three self-test runs, JSON reports kept.
set -e
BIN=${BIN:-$(dirname "$0")/../../../build/bin/relais-load}
for run in 1 2 3; do
  "$BIN" --self-test --clients 64 --seconds 15 --json "self_test_64_run$run.json"
done
