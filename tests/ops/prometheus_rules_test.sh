#!/usr/bin/env bash
# The Prometheus files under deploy/prometheus: `promtool check config` (which also loads the
# rule files it names), `promtool check rules`, and the unit tests of every alert and recording
# rule (`promtool test rules tests/*.yml`). Also checks that every alert has a unit test.
#   prometheus_rules_test.sh SOURCE_DIR
source "$(dirname "$0")/lib.sh"
require_tool promtool
dir="$1/deploy/prometheus"

promtool check config "$dir/prometheus.yml"
promtool check rules "$dir/relais.rules.yml"
promtool test rules "$dir"/tests/*.yml

untested=""
for alert in $(sed -nE 's/^ *- alert: *([A-Za-z0-9_]+).*/\1/p' "$dir/relais.rules.yml"); do
  grep -qE "alertname: *$alert\$" "$dir"/tests/*.yml || untested+=" $alert"
done
[[ -z "$untested" ]] || fail "alerts without a promtool unit test:$untested"
echo "PASS: config, rules and unit tests"
