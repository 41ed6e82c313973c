#!/usr/bin/env bash
# Every relais_* metric name that the alert rules and the Grafana dashboard mention is exported
# by a live relaisd. Starts relaisd (ephemeral ports, temporary data directory), runs a short
# workload through relaisctl so that series created on first use appear, scrapes /metrics and
# fails on any name that is not in the scrape. A histogram counts by its family name and its
# _bucket, _sum and _count series; a counter or gauge by its exact name.
# Also lists, without failing, the names absent before the workload: alerts and rate()s on such
# a series see nothing until its first event.
#   metric_names_test.sh RELAISD RELAISCTL SOURCE_DIR
source "$(dirname "$0")/lib.sh"
relaisd=$1 relaisctl=$2 src=$3
rules="$src/deploy/prometheus/relais.rules.yml"
dashboard="$src/deploy/grafana/relais-dashboard.json"

start_relaisd "$relaisd" --config "$(ops_config)"
scrape "$OPS_TMP/idle.prom"
workload "$relaisctl"
scrape "$OPS_TMP/busy.prom"
stop_relaisd

# exported FILE: the names a query may use, from the scrape's TYPE lines: the family name, and
# for histograms and summaries the _bucket/_sum/_count series.
exported() {
  awk '$1 == "#" && $2 == "TYPE" {
         print $3
         if ($4 == "histogram") { print $3 "_bucket"; print $3 "_sum"; print $3 "_count" }
         if ($4 == "summary") { print $3 "_sum"; print $3 "_count" }
       }' "$1" | sort -u
}
exported "$OPS_TMP/idle.prom" >"$OPS_TMP/idle.names"
exported "$OPS_TMP/busy.prom" >"$OPS_TMP/busy.names"

status=0
for file in "$rules" "$dashboard"; do
  used=$(names_used "$file")
  [[ -n "$used" ]] || fail "no relais_* metric name found in $file"
  echo "$(wc -w <<<"$used") metric names in ${file#"$src/"}"
  # Per-agent series exist only while their agent is connected (bounded by the staff on duty);
  # the workload's agent has left by the time of the scrape.
  missing=$(comm -23 <(echo "$used") "$OPS_TMP/busy.names" | grep -vx 'relais_agent_aggressive_exposure' || true)
  if [[ -n "$missing" ]]; then
    status=1
    echo "FAIL: ${file#"$src/"} uses names relaisd does not export:" >&2
    sed 's/^/  /' <<<"$missing" >&2
  fi
  late=$(comm -23 <(echo "$used") "$OPS_TMP/idle.names" | comm -12 - "$OPS_TMP/busy.names")
  if [[ -n "$late" ]]; then
    echo "note: used by ${file#"$src/"}, exported only after their first event:"
    sed 's/^/  /' <<<"$late"
  fi
done
if [[ $status -ne 0 ]]; then
  echo "What the workload's contacts became (a name may be missing because one was read" >&2
  echo "differently than expected):" >&2
  grep -oE '"contact_id":"[^"]*","outcome":"[A-Z_]*"|"escalation_reason":"[^"]*"' \
    "$OPS_TMP/workload.log" | paste -sd' ' | sed 's/"contact_id"/\n  &/g' >&2
  echo >&2
else
  echo "PASS: every metric name used is exported"
fi
exit $status
