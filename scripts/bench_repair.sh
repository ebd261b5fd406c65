#!/bin/bash
# Throughput and memory of `vnplan repair` on the encoding and Unicode passes,
# one worker thread, on inputs made from the project's own plans (corpus/):
# clean UTF-8, NFD, TCVN3 and VISCII bytes (glibc iconv), mojibake (UTF-8 read
# as Windows-1252), and one 100 MB line. For each it prints wall seconds, MB
# of input per CPU second (user + system: the per-core figure, which stays
# meaningful on a shared machine), peak memory, whether the line count was kept, and whether the output is
# the clean text's repair (the clean text itself: the plans are canonical). The restorer is off (--no-restore) so these are
# the figures of the decoding and cleanup passes alone; run with RESTORE=1 to
# include it.
#
# Usage: scripts/bench_repair.sh [SIZE_MB]   (default 20; env BUILD_DIR, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-20}
vnplan=${BUILD_DIR:-build}/vnplan
[ -x "$vnplan" ] || { echo "no $vnplan: build first (scripts/build.sh)" >&2; exit 1; }
restore=--no-restore
[ "${RESTORE:-0}" = 1 ] && restore=
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$size_mb" corpus/plans/*.txt <<'EOF'
import sys, unicodedata
work, size = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
text = unicodedata.normalize("NFC", "".join(open(p, encoding="utf-8").read() for p in sys.argv[3:]))
text = (text * (size // len(text.encode()) + 1))
open(f"{work}/clean.txt", "w", encoding="utf-8").write(text)
open(f"{work}/nfd.txt", "w", encoding="utf-8").write(unicodedata.normalize("NFD", text))
# Windows-1252 leaves five bytes undefined; readers pass them through as C1.
moji = text.encode("utf-8").decode("cp1252", errors="surrogateescape")
moji = "".join(chr(ord(c) - 0xDC00) if 0xDC80 <= ord(c) <= 0xDCFF else c for c in moji)
open(f"{work}/mojibake.txt", "w", encoding="utf-8").write(moji)
line = text.replace("\n", " ")
line = line * (100 * 1000 * 1000 // len(line.encode()) + 1)
open(f"{work}/line100mb.txt", "w", encoding="utf-8").write(line)
EOF
iconv -f UTF-8 -t TCVN5712-1 "$work/clean.txt" >"$work/tcvn3.txt"
iconv -f UTF-8 -t VISCII "$work/clean.txt" >"$work/viscii.txt"

printf '%-14s %9s %8s %9s %10s %6s %s\n' input MB wall_s MB/cpu_s peak_MB lines same_as_clean
for name in clean nfd tcvn3 viscii mojibake line100mb; do
  in="$work/$name.txt"
  expected="$work/clean.txt"
  [ "$name" = line100mb ] && expected="$in"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$vnplan" repair $restore --jobs 1 "$in" >"$work/out" \
    2>"$work/err" || { echo "$name: vnplan failed:"; cat "$work/err"; continue; }
  read -r seconds user sys kb <"$work/time"
  bytes=$(stat -c %s "$in")
  lines_in=$(wc -l <"$in")
  lines_out=$(wc -l <"$work/out")
  same=no
  cmp -s "$work/out" "$expected" && same=yes
  kept=yes
  [ "$lines_in" = "$lines_out" ] || kept="no($lines_in->$lines_out)"
  awk -v n="$name" -v b="$bytes" -v s="$seconds" -v u="$user" -v y="$sys" -v k="$kb" \
    -v l="$kept" -v same="$same" 'BEGIN { c = u + y; printf "%-14s %9.1f %8.2f %9.2f %10.0f %6s %s\n",
      n, b / 1e6, s, b / 1e6 / (c > 0 ? c : 0.01), k / 1024, l, same }'
done
