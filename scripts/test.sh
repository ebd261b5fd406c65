#!/bin/bash
# Runs the whole test suite: installs what is missing, builds, runs every
# test with CTest. Tests that need ../shared (the team's evaluation data)
# skip with a message when it is absent.
#
# Env: SANITIZE=1 runs the suite under ASan + UBSan in build-sanitize/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
if [ "${SANITIZE:-0}" = 1 ]; then
  export BUILD_DIR=${BUILD_DIR:-build-sanitize} BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
fi
build=${BUILD_DIR:-build}
BUILD_DIR=$build scripts/build.sh
ctest --test-dir "$build" --output-on-failure -j"${JOBS:-$(nproc)}"
