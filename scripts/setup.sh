#!/bin/bash
# One command from a fresh Debian 12 machine to a first result: installs every
# dependency, builds vnplan, and runs the whole pipeline on the bundled sample
# scan, writing out/sample_plan.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
scripts/build.sh
mkdir -p out
build/vnplan run corpus/samples/sample_plan.png -o out/
echo "setup: wrote out/corpus/samples/sample_plan.png.json; try: build/vnplan --help" >&2
