#!/bin/bash
# Throughput of `vnplan extract` on one worker thread, in MB per CPU second
# (target of issue 4: at least 5 MB/s per core), then the extraction scores
# on the corpus plans.
#
# Inputs are made from the project's own plans (corpus/plans/*.txt):
#   many  copies of the plans, SIZE_MB in all, one document per file (the
#         usual batch)
#   one   the plans concatenated and repeated into one SIZE_MB document (a
#         long input must not make extraction superlinear)
# `vnplan extract` runs repair too; the restorer is off (--no-restore: the
# plans are clean), and `vnplan repair` on the same input is timed so the
# share of segment + extract can be told apart.
#
# Usage: scripts/bench_extract.sh [SIZE_MB]   (default 5; env BUILD_DIR, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-5}
vnplan=${BUILD_DIR:-build}/vnplan
[ -x "$vnplan" ] || { echo "no $vnplan: build first (scripts/build.sh)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$size_mb" corpus/plans/*.txt <<'EOF'
import os, sys
work, size = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
plans = [open(p, encoding="utf-8").read() for p in sys.argv[3:]]
os.makedirs(f"{work}/many")
total, i = 0, 0
while total < size:
    text = plans[i % len(plans)]
    open(f"{work}/many/{i:05d}.txt", "w", encoding="utf-8").write(text)
    total += len(text.encode())
    i += 1
one = "\n\n".join(plans)
one = one * (size // len(one.encode()) + 1)
open(f"{work}/one.txt", "w", encoding="utf-8").write(one)
EOF

# CPU seconds (user + system) of a command, its output discarded and its
# errors shown. With one worker thread this is the wall time on an idle
# machine, and unlike wall time it holds on a shared one.
cpu_seconds() {
  local TIMEFORMAT='%3U %3S' t
  t=$({ time "$@" >/dev/null 2>"$work/stderr"; } 2>&1) || { cat "$work/stderr" >&2; exit 1; }
  echo "$t" | awk '{print $1 + $2}'
}

printf '%-6s %8s %12s %12s %10s %18s\n' input MB extract_cpu_s repair_cpu_s 'MB/s' 'MB/s seg+extract'
for input in many one; do
  path=$work/$input
  [ "$input" = one ] && path=$work/one.txt
  mb=$(du -sb "$path" | awk '{print $1 / 1e6}')
  out=$work/out_$input
  rm -rf "$out"
  t_extract=$(cpu_seconds "$vnplan" extract --jobs 1 --no-restore --out "$out" "$path")
  rm -rf "$out"
  t_repair=$(cpu_seconds "$vnplan" repair --jobs 1 --no-restore --out "$out" "$path")
  printf '%-6s %8.2f %12.2f %12.2f %10.2f %18s\n' "$input" "$mb" "$t_extract" "$t_repair" \
    "$(echo "$mb / $t_extract" | bc -l)" \
    "$(echo "d = $t_extract - $t_repair; if (d > 0) $mb / d else -1" | bc -l | xargs printf '%.2f')"
done

echo
echo "Extraction scores on corpus/plans (vnplan eval extract --dir corpus/plans):"
"$vnplan" eval extract --dir corpus/plans || true
