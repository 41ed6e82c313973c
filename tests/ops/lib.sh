# Shared by the tests/ops scripts (sourced, not run): a scratch directory removed on exit,
# processes started here stopped on exit by their pid, a relaisd on ephemeral loopback ports,
# a short workload that makes most metric series appear, and a scrape.
# Every wait is bounded; nothing listens beyond 127.0.0.1.

set -euo pipefail

OPS_PIDS=()
OPS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/relais-ops.XXXXXX")

ops_cleanup() {
  local pid
  for pid in "${OPS_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      # Give it 10 s to stop, then SIGKILL.
      for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$OPS_TMP"
}
trap ops_cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# require_tool NAME: the tool must be on PATH (RELAIS_SETUP_EXTRA=test deploy/setup.sh
# installs promtool and prometheus).
require_tool() {
  command -v "$1" >/dev/null 2>&1 ||
    fail "$1 not found on PATH; run RELAIS_SETUP_EXTRA=test deploy/setup.sh (Debian package prometheus)"
}

# start_relaisd RELAISD [ARGS...]: starts relaisd on ephemeral ports with a fresh data directory
# and waits (20 s at most) for its READY line. Sets RELAISD_PID, RELAISD_GRPC, RELAISD_METRICS.
start_relaisd() {
  local bin=$1
  shift
  [[ -x "$bin" ]] || fail "relaisd not found at $bin (build it first)"
  mkdir -p "$OPS_TMP/relaisd-data"
  "$bin" --grpc-listen 127.0.0.1:0 --metrics-listen 127.0.0.1:0 \
    --data-dir "$OPS_TMP/relaisd-data" "$@" >"$OPS_TMP/relaisd.out" 2>"$OPS_TMP/relaisd.err" &
  RELAISD_PID=$!
  OPS_PIDS+=("$RELAISD_PID")
  local line=""
  for _ in $(seq 200); do
    line=$(grep -m1 '^READY ' "$OPS_TMP/relaisd.out" || true)
    [[ -n "$line" ]] && break
    if ! kill -0 "$RELAISD_PID" 2>/dev/null; then
      cat "$OPS_TMP/relaisd.err" >&2
      fail "relaisd exited before READY"
    fi
    sleep 0.1
  done
  [[ -n "$line" ]] || fail "relaisd printed no READY line within 20 s"
  RELAISD_GRPC=$(sed -E 's/.*grpc=([^ ]+).*/\1/' <<<"$line")
  RELAISD_METRICS=$(sed -E 's/.*metrics=([^ ]+).*/\1/' <<<"$line")
  echo "relaisd pid $RELAISD_PID: grpc $RELAISD_GRPC, metrics $RELAISD_METRICS"
}

# stop_relaisd: SIGTERM and check relaisd exits 0 within 15 s.
stop_relaisd() {
  kill -TERM "$RELAISD_PID"
  local rc=0
  timeout 15 tail --pid="$RELAISD_PID" -f /dev/null || fail "relaisd did not stop within 15 s"
  wait "$RELAISD_PID" || rc=$?
  [[ $rc -eq 0 ]] || { cat "$OPS_TMP/relaisd.err" >&2; fail "relaisd exited with $rc on SIGTERM"; }
}

# ops_config: a relaisd configuration with thresholds short enough for the workload below to
# reach callbacks and aggressive contacts within seconds.
ops_config() {
  cat >"$OPS_TMP/relaisd.yaml" <<'YAML'
routing:
  callback_threshold: 1s
  incivility:
    wait_for_deescalation: 0s
YAML
  echo "$OPS_TMP/relaisd.yaml"
}

# scrape FILE: GET /metrics from the running relaisd into FILE.
scrape() {
  curl -fsS --max-time 10 "http://$RELAISD_METRICS/metrics" >"$1" || fail "scrape of $RELAISD_METRICS failed"
  [[ -s "$1" ]] || fail "empty scrape"
}

# workload RELAISCTL: what a small day does, through relaisctl: a case feed upsert, a status
# request about that case (answered automatically when the reader sees a plain status
# question), one about an unknown case (escalated), contacts on every channel, a repeat that
# merges, a refused one, a snapshot, and an agent who takes and completes contacts (offers,
# waits, completions, exposure). Bounded by timeouts.
workload() {
  local ctl=$1 s=$RELAISD_GRPC
  [[ -x "$ctl" ]] || fail "relaisctl not found at $ctl (build it first)"
  local out="$OPS_TMP/workload.log"
  local submit=(timeout 20 "$ctl" --server "$s" submit)
  # A known, recently updated case: a status request about it may be answered automatically.
  local now soon
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  soon=$(date -u -d '+10 days' +%Y-%m-%d)
  printf '{"case_ref": "RC-2026-000101", "tenant_id": "T1", "kind": "repair", "status": "in_progress", "opened_at": "%s", "updated_at": "%s", "next_step": "Passage du plombier", "expected_at": "%s"}\n' \
    "$now" "$now" "$soon" | timeout 20 "$ctl" --server "$s" cases import - >>"$out" 2>&1 || true
  "${submit[@]}" --id ops-status-1 --channel web --tenant T1 --case RC-2026-000101 \
    --text "Bonjour, où en est ma demande RC-2026-000101 ?" >>"$out"
  "${submit[@]}" --id ops-web-1 --channel web --tenant T1 --case RC-2026-000101 \
    --text "Bonjour, le robinet de la cuisine fuit depuis hier, pouvez-vous envoyer quelqu'un ?" >>"$out"
  "${submit[@]}" --id ops-web-2 --channel web --tenant T2 \
    --text "Vous êtes une bande d'incapables, je vais venir vous casser la figure si personne ne répare ma porte" >>"$out"
  "${submit[@]}" --id ops-email-1 --channel email --tenant T3 --case RC-2026-000102 \
    --text "Bonjour, où en est ma demande de changement de chaudière ?" >>"$out"
  "${submit[@]}" --id ops-email-2 --channel email --tenant T3 --case RC-2026-000102 \
    --text "Je relance : où en est ma demande de changement de chaudière ?" >>"$out"
  "${submit[@]}" --id ops-phone-1 --channel phone --tenant T4 \
    --text "allô oui c'est pour une fuite d'eau au plafond de la salle de bain" >>"$out"
  "${submit[@]}" --id ops-app-1 --channel digital_agency --tenant T5 \
    --text "bonjour je voudrais une attestation de loyer" >>"$out"
  # Refused (no text): counts relais_contacts_rejected_total and a non-OK RPC.
  "${submit[@]}" --id ops-bad-1 --channel web --tenant T6 --text " " >>"$out" 2>&1 || true
  # One agent with every skill group takes every queued contact, then leaves.
  local queued
  queued=$(grep -c '"outcome":"OUTCOME_QUEUED"' "$out" || true)
  [[ $queued -gt 0 ]] || fail "no contact was queued: $(cat "$out")"
  timeout 30 "$ctl" --server "$s" agent --id ops-agent \
    --skills technical:3,tenancy:3,neighbourhood:3,proximity:3,general:3,deescalation:4 \
    --capacity web=2,email=2,phone=1,digital_agency=1 --handle-seconds 0.2 \
    --max-contacts "$queued" >>"$out" 2>&1 ||
    fail "scripted agent failed or timed out: $(tail -5 "$out")"
  timeout 20 "$ctl" --server "$s" stats >>"$out"
  # Let the routing loop refresh its gauges.
  sleep 1.5
}

# names_used FILE...: the relais_* metric names a file mentions (whole tokens; recording rules
# such as channel:relais_x:rate1h are one token and are not metric names).
names_used() {
  grep -ohE '[A-Za-z_:][A-Za-z0-9_:]*' "$@" | grep -E '^relais_[a-z0-9_]+$' | sort -u
}
