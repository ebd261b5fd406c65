#!/bin/bash
# Repair benchmark: what `vnplan repair` does to Vietnamese text damaged by
# OCR, to text with every mark stripped, and to correct text, as syllable
# accuracy (pipeline/eval/text_metrics.h, aligned by tokens) of the input and
# of the repaired output against the ground truth; then repair throughput per
# CPU core and start-up time. (scripts/bench_repair.sh measures the encoding
# and Unicode passes alone.)
#
# Usage: scripts/bench_restorer.sh [PAIRS_DIR]
#   PAIRS_DIR holds NAME_VARIANT_pNN.garbled.txt beside NAME_pNN.gt.txt
#   (default ../shared/eval/repair). Env: VNPLAN (default build/vnplan).
# Targets (issue 3): damaged >= 0.97, stripped >= 0.98, correct text >= 0.999
# unchanged, >= 1 MB/s per core, start-up < 1 s.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
vnplan=${VNPLAN:-$root/build/vnplan}
python=/usr/bin/python3
dir=${1:-$root/../shared/eval/repair}
[[ -x $vnplan ]] || { echo "no vnplan binary at $vnplan (set VNPLAN)" >&2; exit 2; }
ls "$dir"/*.garbled.txt >/dev/null 2>&1 || { echo "no *.garbled.txt in $dir" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every mark stripped, đ to d, as typing without marks gives.
strip_marks() {
  "$python" -c 'import sys, unicodedata as u
t = u.normalize("NFD", sys.stdin.read())
t = "".join(c for c in t if u.category(c) != "Mn").replace("đ", "d").replace("Đ", "D")
sys.stdout.write(u.normalize("NFC", t))'
}

: >"$tmp/garbled.in" >"$tmp/garbled.out" >"$tmp/stripped.in" >"$tmp/stripped.out"
: >"$tmp/clean.in" >"$tmp/clean.out"
for garbled in "$dir"/*.garbled.txt; do
  name=$(basename "$garbled" .garbled.txt)
  gt="$dir/$(sed -E 's/_[a-z]+(_p[0-9]+)$/\1/' <<<"$name").gt.txt"
  [[ -f $gt ]] || continue
  "$vnplan" repair "$garbled" >"$tmp/$name.garbled.out"
  printf '%s\t%s\n' "$gt" "$garbled" >>"$tmp/garbled.in"
  printf '%s\t%s\n' "$gt" "$tmp/$name.garbled.out" >>"$tmp/garbled.out"
  # Each ground truth once for the stripped and correct-text runs.
  page=$(basename "$gt" .gt.txt)
  [[ -f $tmp/$page.stripped ]] && continue
  strip_marks <"$gt" >"$tmp/$page.stripped"
  "$vnplan" repair "$tmp/$page.stripped" >"$tmp/$page.stripped.out"
  "$vnplan" repair "$gt" >"$tmp/$page.clean.out"
  printf '%s\t%s\n' "$gt" "$tmp/$page.stripped" >>"$tmp/stripped.in"
  printf '%s\t%s\n' "$gt" "$tmp/$page.stripped.out" >>"$tmp/stripped.out"
  printf '%s\t%s\n' "$gt" "$gt" >>"$tmp/clean.in"
  printf '%s\t%s\n' "$gt" "$tmp/$page.clean.out" >>"$tmp/clean.out"
done

accuracy() {
  "$vnplan" eval text --json --pairs "$1" |
    "$python" -c 'import json, sys; print("%.4f" % json.load(sys.stdin)["syllable_accuracy"])'
}
printf '%-34s %8s %9s %8s\n' "syllable accuracy" input repaired target
printf '%-34s %8s %9s %8s\n' "OCR-damaged pairs ($(wc -l <"$tmp/garbled.in") pages)" \
  "$(accuracy "$tmp/garbled.in")" "$(accuracy "$tmp/garbled.out")" 0.97
printf '%-34s %8s %9s %8s\n' "marks stripped ($(wc -l <"$tmp/stripped.in") pages)" \
  "$(accuracy "$tmp/stripped.in")" "$(accuracy "$tmp/stripped.out")" 0.98
printf '%-34s %8s %9s %8s\n' "correct text, unchanged" \
  "$(accuracy "$tmp/clean.in")" "$(accuracy "$tmp/clean.out")" 0.999

# Throughput: CPU seconds of one input made of every damaged, stripped and
# correct page (not repeated: repeated text would hit the restorer's
# per-document cache) less those of a one-line input, which are the start-up.
# Each is the least of seven runs, timed to the microsecond by the kernel's
# accounting of the child (GNU time rounds to 10 ms, a sixteenth of the
# figure): on a shared machine one run can take half as long again as the
# next.
cpu() {
  "$python" - "$vnplan" "$1" <<'PY'
import os, subprocess, sys
best = None
for _ in range(7):
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen([sys.argv[1], "repair", sys.argv[2]], stdout=null)
        _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit("vnplan repair failed on " + sys.argv[2])
    seconds = usage.ru_utime + usage.ru_stime
    best = seconds if best is None else min(best, seconds)
print(int(best * 1e6))
PY
}
cat "$dir"/*.garbled.txt "$tmp"/*.stripped "$dir"/*.gt.txt >"$tmp/big.txt"
echo "Kế hoạch" >"$tmp/small.txt"
startup_us=$(cpu "$tmp/small.txt")
big_us=$(cpu "$tmp/big.txt")
bytes=$(stat -c %s "$tmp/big.txt")
awk -v b="$bytes" -v us="$((big_us - startup_us))" -v s="$startup_us" 'BEGIN {
  printf "throughput: %.2f MB/s per core (%.2f MB in %.3f CPU s; target >= 1)\n", b / us, b / 1e6, us / 1e6
  printf "start-up: %.2f CPU s (target < 1)\n", s / 1e6 }'
