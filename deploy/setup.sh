#!/usr/bin/env bash
# Installs the Debian 12 packages relais needs to build, run and test. Idempotent: a
# machine that already has them sees no apt-get call at all. Must run as root (or via sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config curl
  libboost1.81-dev libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  prometheus-cpp-dev libsqlite3-dev sqlite3 libjemalloc-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
)
if [[ "${RELAIS_SETUP_EXTRA:-}" == "test" ]]; then
  # prometheus (and promtool) for tests/ops; clang and its runtimes (libFuzzer, ASan, UBSan) for
  # deploy/fuzz.sh; valgrind for load-tests/load/instructions_per_submit.sh. TSan builds with
  # gcc, whose libtsan2 comes with build-essential.
  packages+=(prometheus clang libclang-rt-14-dev valgrind)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
