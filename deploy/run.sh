#!/usr/bin/env bash
# Sets up, builds and starts relaisd on embedded defaults: gRPC 127.0.0.1:50051, metrics
# http://127.0.0.1:9464/metrics, data in ./var. Extra arguments go to relaisd.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/deploy/setup.sh"
"$here/deploy/build.sh" "$here/build"
cd "$here"
exec "$here/build/bin/relaisd" "$@"
