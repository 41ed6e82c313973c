#!/usr/bin/env bash
# `promtool check metrics` passes on a live relaisd's exposition: naming (counters end in
# _total, base units), HELP text, histogram and label conventions. The scrape is taken after a
# short workload so that series created on first use (RPC latency, offers...) are linted too.
# Any promtool finding fails the test and is printed.
#   promtool_metrics_test.sh RELAISD RELAISCTL
source "$(dirname "$0")/lib.sh"
require_tool promtool
relaisd=$1 relaisctl=$2

# promtool must be linting at all: a counter without _total is a finding.
if printf '# HELP ops_bad A counter.\n# TYPE ops_bad counter\nops_bad 1\n' |
  promtool check metrics >/dev/null 2>&1; then
  fail "promtool check metrics accepted a counter without _total; is it linting?"
fi

start_relaisd "$relaisd" --config "$(ops_config)"
workload "$relaisctl"
scrape "$OPS_TMP/metrics.prom"
stop_relaisd

echo "$(grep -c '^# TYPE' "$OPS_TMP/metrics.prom") metric families scraped"
rc=0
findings=$(promtool check metrics <"$OPS_TMP/metrics.prom" 2>&1) || rc=$?
if [[ $rc -ne 0 || -n "$findings" ]]; then
  echo "FAIL: promtool check metrics (exit $rc):" >&2
  echo "$findings" >&2
  exit 1
fi
echo "PASS: promtool check metrics found nothing"
