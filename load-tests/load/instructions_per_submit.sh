#!/usr/bin/env bash
# Instructions relaisd executes per Submit (user space, all threads), counted by callgrind while
# relais-load sends a fixed number of contacts. Unlike throughput, the count barely moves with
# the machine's load, so two builds can be compared on a busy box.
#
#   load-tests/load/instructions_per_submit.sh [BUILD_DIR] [COUNT]
#     BUILD_DIR  holds bin/relaisd and bin/relais-load (default: build)
#     COUNT      contacts measured after 500 of warm-up (default: 3000)
#
# Prints `instructions_per_submit N` last, after the ten costliest functions (inclusive).
# Needs valgrind (deploy/setup.sh installs it with RELAIS_SETUP_EXTRA=test).
set -euo pipefail

build=${1:-build}
count=${2:-3000}
relaisd="$build/bin/relaisd"
load="$build/bin/relais-load"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The self-test's queues: max_waiting high enough that every Submit does the full work.
cat >"$work/relaisd.yaml" <<'EOF'
routing:
  queues:
    - {name: technical, secondary_skills: [general], ring_thresholds: [90s], max_waiting: 1000000}
    - {name: tenancy, secondary_skills: [general], ring_thresholds: [90s], max_waiting: 1000000}
    - {name: neighbourhood, secondary_skills: [proximity, general], ring_thresholds: [60s, 180s], max_waiting: 1000000}
    - {name: proximity, secondary_skills: [neighbourhood, general], ring_thresholds: [60s, 180s], max_waiting: 1000000}
    - {name: general, secondary_skills: [tenancy, technical], ring_thresholds: [120s, 240s], max_waiting: 1000000}
EOF

valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p" \
  "$relaisd" --grpc-listen 127.0.0.1:0 --metrics-listen 127.0.0.1:0 \
  --data-dir "$work/data" --config "$work/relaisd.yaml" >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 600); do
  grep -q '^READY' "$work/out" 2>/dev/null && break
  sleep 0.1
done
address=$(sed -n 's/^READY grpc=\([^ ]*\).*/\1/p' "$work/out")
if [[ -z "$address" ]]; then
  echo "relaisd did not start under valgrind:" >&2
  cat "$work/log" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi

drive() {
  "$load" --target "$address" --no-baseline --warmup 0 --clients 8 --count "$1" 2>&1 |
    awk '/^relaisd /{print $6}'
}
drive 500 >/dev/null
callgrind_control -z "$pid" >/dev/null
ok=$(drive "$count")
callgrind_control -d "$pid" >/dev/null
kill "$pid"
wait "$pid" 2>/dev/null || true

dump=$(ls "$work"/cg.*.1)
callgrind_annotate --inclusive=yes "$dump" 2>/dev/null |
  grep -E 'relais::(routing|daemon)::' | head -10 | cut -c1-150 || true  # head closes the pipe
total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/{gsub(",", "", $1); print $1}')
echo "submits $ok"
echo "instructions_per_submit $((total / ok))"
