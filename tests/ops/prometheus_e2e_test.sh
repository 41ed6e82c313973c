#!/usr/bin/env bash
# End to end with Debian's Prometheus server: relaisd on ephemeral ports, and `prometheus` run
# with deploy/prometheus/prometheus.yml (and the rules beside it) pointed at relaisd's metrics
# port, a temporary TSDB and a free loopback port. Waits (30 s at most) for a scrape, then asks
# the HTTP API for relais_contacts_received_total (one series per channel, job="relaisd") and
# up{job="relaisd"} == 1, and checks every rule loaded and evaluates without error. Both
# processes are stopped at the end.
#   prometheus_e2e_test.sh RELAISD RELAISCTL SOURCE_DIR
source "$(dirname "$0")/lib.sh"
require_tool prometheus
relaisd=$1 relaisctl=$2 src=$3

start_relaisd "$relaisd" --config "$(ops_config)"
timeout 20 "$relaisctl" --server "$RELAISD_GRPC" submit --id e2e-1 --channel web --tenant T1 \
  --text "Bonjour, la chaudière ne marche plus depuis ce matin" >/dev/null

# A free loopback port: nothing answers on it now; if prometheus still fails to bind (a race
# with another process), try another.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port found"
}

# The shipped configuration, pointed at this relaisd and this prometheus, scraping every second.
conf="$OPS_TMP/prometheus"
mkdir -p "$conf/data"
cp "$src/deploy/prometheus/relais.rules.yml" "$conf/"

api() {
  curl -fsS --max-time 5 --get "http://$PROM/api/v1/$1" --data-urlencode "${2:-x=}"
}

PROM=""
for attempt in 1 2 3; do
  port=$(free_port)
  sed -e "s/127\.0\.0\.1:9464/$RELAISD_METRICS/" -e "s/127\.0\.0\.1:9090/127.0.0.1:$port/" \
    -e 's/\(scrape_interval\|evaluation_interval\): 15s/\1: 1s/' -e 's/scrape_timeout: 5s/scrape_timeout: 1s/' \
    "$src/deploy/prometheus/prometheus.yml" >"$conf/prometheus.yml"
  grep -q "$RELAISD_METRICS" "$conf/prometheus.yml" || fail "relaisd target not found in prometheus.yml"
  prometheus --config.file="$conf/prometheus.yml" --storage.tsdb.path="$conf/data" \
    --web.listen-address="127.0.0.1:$port" --log.level=warn >"$conf/prometheus.log" 2>&1 &
  prom_pid=$!
  OPS_PIDS+=("$prom_pid")
  for _ in $(seq 100); do
    kill -0 "$prom_pid" 2>/dev/null || break
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then
      PROM="127.0.0.1:$port"
      break
    fi
    sleep 0.2
  done
  [[ -n "$PROM" ]] && break
  kill -TERM "$prom_pid" 2>/dev/null || true
  echo "prometheus did not start on port $port (attempt $attempt):" >&2
  tail -5 "$conf/prometheus.log" >&2
done
[[ -n "$PROM" ]] || fail "prometheus did not become ready"
echo "prometheus pid $prom_pid on $PROM, scraping relaisd at $RELAISD_METRICS"

# Wait (30 s at most) for a scrape that holds the web contact.
found=""
for _ in $(seq 60); do
  reply=$(api query 'query=relais_contacts_received_total{job="relaisd"}' || true)
  if grep -q '"channel":"web"' <<<"$reply" && grep -q '"status":"success"' <<<"$reply"; then
    found=$reply
    break
  fi
  sleep 0.5
done
[[ -n "$found" ]] || { tail -20 "$conf/prometheus.log" >&2; fail "no relais_contacts_received_total series in Prometheus after 30 s: $reply"; }
series=$(grep -o '"__name__":"relais_contacts_received_total"' <<<"$found" | wc -l)
[[ $series -eq 4 ]] || fail "expected 4 relais_contacts_received_total series (one per channel), got $series: $found"
echo "relais_contacts_received_total: $series series"

up=$(api query 'query=up{job="relaisd"}')
grep -q '"value":\[[0-9.]*,"1"\]' <<<"$up" || fail "up{job=\"relaisd\"} is not 1: $up"

# Every rule of relais.rules.yml loaded; give each group one evaluation (1 s interval) and
# check none reports an error.
rules=""
for _ in $(seq 20); do
  rules=$(api rules)
  grep -q '"lastEvaluation":"0001-01-01' <<<"$rules" || break
  sleep 0.5
done
grep -q '"name":"relais.alerts"' <<<"$rules" || fail "relais.alerts group not loaded: $rules"
expected=$(grep -cE '^ *- (record|alert):' "$src/deploy/prometheus/relais.rules.yml")
rule_count=$(grep -oE '"type":"(recording|alerting)"' <<<"$rules" | wc -l)
[[ $rule_count -eq $expected ]] || fail "prometheus loaded $rule_count rules, the file has $expected"
if grep -q '"health":"err"' <<<"$rules"; then
  fail "a rule fails to evaluate: $(grep -oE '"lastError":"[^"]+"' <<<"$rules" | sort -u)"
fi
echo "$rule_count rules loaded and evaluated without error"

stop_relaisd
kill -TERM "$prom_pid"
timeout 15 tail --pid="$prom_pid" -f /dev/null || fail "prometheus did not stop within 15 s"
echo "PASS: Prometheus scraped relaisd and evaluates the relais rules"
