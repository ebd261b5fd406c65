#!/bin/bash
# Configures and builds vnplan in BUILD_DIR (default build/). Shared by the
# set-up and test scripts so both build the same way.
#
# Env: BUILD_DIR, BUILD_TYPE (default Release), SANITIZE=1 for an
# AddressSanitizer + UndefinedBehaviorSanitizer build, JOBS (default: cores).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
sanitize=OFF
[ "${SANITIZE:-0}" = 1 ] && sanitize=ON
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DVNPLAN_SANITIZE="$sanitize" >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}"
