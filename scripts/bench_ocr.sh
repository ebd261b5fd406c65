#!/bin/bash
# OCR benchmark: vnplan against plain Tesseract and OCRmyPDF on the same
# pages and the same cores, in one run.
#
# Usage: scripts/bench_ocr.sh
# Env:   EVAL_DIR  page images docNNN_{clean,scan}_pNN.{png,jpg} with ground
#                  truth docNNN_pNN.gt.txt (default ../shared/eval/ocr)
#        VNPLAN    the binary (default build/vnplan)
#        SUBSET=N  only the first N pages of each condition (quick runs)
#        SYSTEMS   which to run (default "tesseract ocrmypdf vnplan-j2 vnplan-j1")
#        REPEAT    runs of each vnplan system, the fastest reported (default 3)
#
# Prints, per scan condition and system: CER, WER, diacritic-blind CER (from
# `vnplan eval text`), pages per minute, CPU seconds per page (every process
# of the system, user and system time), and for vnplan the share of wall
# time spent outside Tesseract (1 - sum of Page::ocr_seconds / (wall time x
# jobs)). CPU per page tells a system that waits from a machine that runs it
# slower: on a shared machine, 2 jobs can get less than two cores. Every system gets two cores' worth of work at once:
#   tesseract  `tesseract IMG - -l vie`, two single-threaded processes at a time
#   ocrmypdf   `ocrmypdf -l vie --deskew --clean --rotate-pages --sidecar
#              --jobs 2` on each document's pages joined into one PDF (img2pdf)
#   vnplan-jN  `vnplan ocr --jobs N --json`
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=${EVAL_DIR:-$root/../shared/eval/ocr}
vnplan=${VNPLAN:-$root/build/vnplan}
systems=${SYSTEMS:-tesseract ocrmypdf vnplan-j2 vnplan-j1}
python=/usr/bin/python3 # Debian's, which has img2pdf (an ocrmypdf dependency).

[ -d "$eval_dir" ] || { echo "bench_ocr: no evaluation pages in $eval_dir" >&2; exit 1; }
[ -x "$vnplan" ] || { echo "bench_ocr: build vnplan first ($vnplan)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# CPU seconds (user + system) of every child this shell has waited for, from
# a file of bash's `times`, which must run in this shell (a subshell has
# no children of its own yet).
child_cpu() {
  sed -n 2p "$1" | tr -d 's' | awk '{split($1, u, "m"); split($2, k, "m"); print u[1] * 60 + u[2] + k[1] * 60 + k[2]}'
}

# Ground truth of a page image: docNNN_COND_pNN.ext -> docNNN_pNN.gt.txt.
truth() {
  local name
  name=$(basename "$1")
  echo "$eval_dir/${name%%_*}_$(echo "$name" | sed -E 's/.*_(p[0-9]+)\..*/\1/').gt.txt"
}

run_tesseract() { # PAGES... -> $out/NAME.txt
  printf '%s\n' "$@" | OMP_THREAD_LIMIT=1 xargs -P2 -I{} sh -c \
    'tesseract "$1" - -l vie 2>/dev/null >"$2/$(basename "$1").txt"' _ {} "$out"
}

run_ocrmypdf() {
  local doc pages
  for doc in $(printf '%s\n' "$@" | xargs -n1 basename | cut -d_ -f1 | sort -u); do
    pages=()
    for page in "$@"; do [[ $(basename "$page") == "${doc}_"* ]] && pages+=("$page"); done
    "$python" -c 'import sys, img2pdf; open(sys.argv[1], "wb").write(img2pdf.convert(sys.argv[2:]))' \
      "$work/$doc.pdf" "${pages[@]}"
    ocrmypdf -q -l vie --deskew --clean --rotate-pages --jobs 2 \
      --sidecar "$work/$doc.txt" "$work/$doc.pdf" "$work/$doc.out.pdf"
    # The sidecar separates pages with form feeds.
    "$python" - "$work/$doc.txt" "$out" "${pages[@]}" <<'EOF'
import os, sys
texts = open(sys.argv[1], encoding="utf-8").read().split("\f")
for page, text in zip(sys.argv[3:], texts):
    open(os.path.join(sys.argv[2], os.path.basename(page) + ".txt"), "w").write(text)
EOF
  done
}

run_vnplan() { # JOBS PAGES...
  local jobs=$1
  shift
  "$vnplan" ocr --json --jobs "$jobs" --out "$work/json" "$@" 2>"$work/vnplan.log" ||
    { cat "$work/vnplan.log" >&2; exit 1; }
}

# vnplan's JSON to one text per page, and its total recognition time.
vnplan_texts() {
  "$python" - "$work/json" "$out" <<'EOF'
import json, os, sys
total = 0.0
for dirpath, _, files in os.walk(sys.argv[1]):
    for name in files:
        doc = json.load(open(os.path.join(dirpath, name), encoding="utf-8"))
        lines = [l["text"] for p in doc["pages"] for l in p.get("lines", [])]
        total += sum(p.get("ocr_seconds", 0) for p in doc["pages"])
        base = os.path.basename(doc["source"])
        open(os.path.join(sys.argv[2], base + ".txt"), "w").write("\n".join(lines) + "\n")
print(total)
EOF
}

printf '%-6s %-10s %6s %7s %7s %8s %9s %9s %9s\n' condition system pages CER WER blindCER pages/min cpu/page outside
for condition in clean scan; do
  mapfile -t pages < <(ls "$eval_dir"/doc*_"${condition}"_p*.* | sort | head -n "${SUBSET:-100000}")
  [ "${#pages[@]}" -gt 0 ] || continue
  for system in $systems; do
    out=$work/$system/$condition
    mkdir -p "$out"
    # vnplan's rows are the fastest of REPEAT runs: on a shared machine one
    # run can lose a sixth of its speed to a neighbour (see cpu/page). The
    # peers, several times slower, run once.
    runs=1
    [[ $system == vnplan-j* ]] && runs=${REPEAT:-3}
    best=
    for ((run = 0; run < runs; ++run)); do
      rm -rf "$work/json"
      start=$(now)
      times >"$work/cpu_start"
      case $system in
        tesseract) run_tesseract "${pages[@]}" ;;
        ocrmypdf) run_ocrmypdf "${pages[@]}" ;;
        vnplan-j*) run_vnplan "${system#vnplan-j}" "${pages[@]}" ;;
        *) echo "bench_ocr: unknown system $system" >&2; exit 2 ;;
      esac
      wall=$(echo "$(now) - $start" | bc -l)
      times >"$work/cpu_end"
      cpu=$(echo "$(child_cpu "$work/cpu_end") - $(child_cpu "$work/cpu_start")" | bc -l)
      outside=-
      if [[ $system == vnplan-j* ]]; then
        recognition=$(vnplan_texts)
        outside=$(echo "100 * (1 - $recognition / ($wall * ${system#vnplan-j}))" | bc -l)
        outside=$(printf '%.1f%%' "$outside")
      fi
      if [[ -z $best ]] || (($(echo "$wall < $best" | bc -l))); then
        best=$wall best_cpu=$cpu best_outside=$outside
      fi
    done
    wall=$best cpu=$best_cpu outside=$best_outside
    : >"$work/pairs"
    for page in "${pages[@]}"; do
      printf '%s\t%s\n' "$(truth "$page")" "$out/$(basename "$page").txt" >>"$work/pairs"
    done
    "$vnplan" eval text --json --pairs "$work/pairs" >"$work/score.json"
    "$python" - "$work/score.json" "$condition" "$system" "${#pages[@]}" "$wall" "$cpu" "$outside" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
condition, system, pages, wall, cpu, outside = sys.argv[2:]
print(f"{condition:<6} {system:<10} {pages:>6} {100 * s['cer']:6.2f}% {100 * s['wer']:6.2f}% "
      f"{100 * s['diacritic_blind_cer']:7.2f}% {60 * int(pages) / float(wall):9.1f} "
      f"{float(cpu) / int(pages):8.2f}s {outside:>9}")
EOF
  done
done
