#!/usr/bin/env bash
# Regenerates every simulator figure the READMEs quote (load-tests/README.md, README.md), since
# each reader round changes what the relais policy reads and so the day's outcome.
#
#   load-tests/results/regenerate.sh [BUILD_DIR]     (default: build; needs bin/relais-sim)
#
# Writes, next to this script: weekday.{txt,json,svg}, weekday_library_auto_answer.txt,
# monday_heating_outage.{txt,json,svg}, weekday_seeds.txt (seeds 2 and 3) and
# weekday_variants.txt (the relais policy with each default switched off, seed 1).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-"$repo/build"}
sim="$build/bin/relais-sim"
scenarios="$repo/load-tests/scenarios/sim"
cd "$repo"

"$sim" --scenario weekday --seed 1 --json "$here/weekday.json" --svg "$here/weekday.svg" \
  >"$here/weekday.txt"
"$sim" --scenario weekday --seed 1 --auto-answer library \
  --json "$here/weekday_library_auto_answer.json" >"$here/weekday_library_auto_answer.txt"
"$sim" --scenario monday_heating_outage --seed 1 --json "$here/monday_heating_outage.json" \
  --svg "$here/monday_heating_outage.svg" >"$here/monday_heating_outage.txt"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line of the variants table from a JSON report: the relais policy's figures.
relais_row() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
label, path = sys.argv[1], sys.argv[2]
r = next(p for p in json.load(open(path))["policies"] if p["policy"] == "relais")
def wait(s):
    return f"{s / 60:.1f} min" if s >= 120 else f"{s:.0f} s"
print(f"| {label} | {100 * r['voice_service_level_20s']:.1f} % | "
      f"{100 * r['abandonment_rate']:.1f} % | {wait(r['p95_wait_urgent_s'])} | "
      f"{wait(r['p95_wait_reassurance_high_s'])} | {wait(r['p95_wait_all_s'])} | "
      f"{wait(r['p95_wait_by_channel_s']['phone'])} |")
EOF
}

# weekday.json with `relais_overrides` set to the given JSON object.
variant() {
  python3 - "$scenarios/weekday.json" "$1" "$2" <<'EOF'
import json, sys
scenario = json.load(open(sys.argv[1]))
scenario["relais_overrides"] = json.loads(sys.argv[3])
json.dump(scenario, open(sys.argv[2], "w"), indent=2)
EOF
}

{
  echo "weekday, seed 1, relais policy with one default switched off at a time"
  echo
  echo "| relais variant | voice SL 20 s | abandonment | p95 urgent | p95 high reassurance | p95 everyone | p95 phone |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  relais_row "defaults" "$here/weekday.json"
  for v in 'no reassurance queue|{"reassurance_queue": ""}' \
           'no 120 s de-escalation hold|{"wait_for_deescalation_s": 0}' \
           'no callbacks|{"callback_threshold_s": 86400}' \
           'all three off|{"reassurance_queue": "", "wait_for_deescalation_s": 0, "callback_threshold_s": 86400}'; do
    label=${v%%|*}
    variant "$work/v.json" "${v#*|}"
    "$sim" --scenario "$work/v.json" --seed 1 --policy relais --json "$work/v.out.json" >/dev/null
    relais_row "$label" "$work/v.out.json"
  done
} >"$here/weekday_variants.txt"

{
  for seed in 2 3; do
    "$sim" --scenario weekday --seed "$seed" --json "$work/s.json" >/dev/null
    python3 - "$seed" "$work/s.json" <<'EOF'
import json, sys
p = {r["policy"]: r for r in json.load(open(sys.argv[2]))["policies"]}
f, r = p["fifo"], p["relais"]
print(f"seed {sys.argv[1]}: voice SL 20 s {100 * f['voice_service_level_20s']:.1f} -> "
      f"{100 * r['voice_service_level_20s']:.1f} %, abandonment {100 * f['abandonment_rate']:.1f} -> "
      f"{100 * r['abandonment_rate']:.1f} %, containment {100 * r['containment']:.1f} %, "
      f"wrong automatic answers {r['auto_answer_failed']}")
EOF
  done
} >"$here/weekday_seeds.txt"
echo "regenerated: $(cd "$here" && ls *.txt | tr '\n' ' ')"
