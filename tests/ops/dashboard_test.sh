#!/usr/bin/env bash
# The Grafana dashboard: its shape (dashboard_exprs.cmake: JSON, schemaVersion, the datasource
# variable used by every panel and query, unique panel ids), every PromQL expression it holds
# parses (each becomes a recording rule for `promtool check rules`, with the Grafana variables
# replaced), and every recording rule it uses is defined in relais.rules.yml.
#   dashboard_test.sh SOURCE_DIR
source "$(dirname "$0")/lib.sh"
require_tool promtool
src=$1
dashboard="$src/deploy/grafana/relais-dashboard.json"
rules="$src/deploy/prometheus/relais.rules.yml"

cmake -DDASHBOARD="$dashboard" -DOUT="$OPS_TMP/exprs.txt" -P "$(dirname "$0")/dashboard_exprs.cmake"

{
  echo "groups:"
  echo "  - name: dashboard"
  echo "    rules:"
  n=0
  while IFS= read -r expr; do
    n=$((n + 1))
    expr=${expr//\$__rate_interval/5m}
    expr=$(sed -E 's/\$\{?(instance|queue|channel)\}?/.*/g' <<<"$expr")
    printf "      - record: dashboard:expr:%d\n        expr: '%s'\n" "$n" "${expr//\'/\'\'}"
  done <"$OPS_TMP/exprs.txt"
} >"$OPS_TMP/dashboard.rules.yml"
promtool check rules "$OPS_TMP/dashboard.rules.yml" || {
  cat -n "$OPS_TMP/exprs.txt" >&2
  fail "a dashboard expression does not parse (numbered above as dashboard:expr:N)"
}
if grep -q '\$' "$OPS_TMP/dashboard.rules.yml"; then
  fail "unknown Grafana variable left in: $(grep '\$' "$OPS_TMP/dashboard.rules.yml")"
fi

missing=""
for name in $(grep -ohE '[A-Za-z_:][A-Za-z0-9_:]*' "$OPS_TMP/exprs.txt" | grep ':' | grep relais | sort -u); do
  grep -qE "^ *- record: *$name\$" "$rules" || missing+=" $name"
done
[[ -z "$missing" ]] || fail "recording rules used by the dashboard but not defined:$missing"
echo "PASS: dashboard shape and $(wc -l <"$OPS_TMP/exprs.txt") expressions"
