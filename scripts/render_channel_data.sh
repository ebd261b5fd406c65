#!/bin/bash
# Builds the repair channel model's training pairs: clean Vietnamese text is
# rendered to page images and read back by Tesseract WITHOUT its Vietnamese
# model, which is exactly how the damage we repair arises. Each chunk gives
# OUT/NNNN.src.txt (what was rendered) and OUT/NNNN.ocr.txt (what came back);
# the trainer aligns them token by token.
#
# Usage: scripts/render_channel_data.sh OUT_DIR TEXT_FILE...
# Env: CHUNK_LINES (default 30), EVERY (take every Nth paragraph, default 97),
#      JOBS (parallel Tesseract processes, default 1).
set -euo pipefail
out=$1
shift
mkdir -p "$out"
chunk_lines=${CHUNK_LINES:-30}
every=${EVERY:-97}
jobs=${JOBS:-1}

# Paragraphs of a readable length, sampled at a fixed stride so reruns render
# the same text.
awk -v every="$every" 'length($0) > 15 && length($0) < 1500 && (++n % every) == 1' "$@" \
  >"$out/sample.txt"
split -d -a 4 -l "$chunk_lines" "$out/sample.txt" "$out/chunk."

# Fonts and resolutions vary so the model sees serif and sans faces (Nimbus
# Roman stands in for the Times New Roman of official documents), and the
# coarser glyphs of low-resolution scans, which confuse more letters.
variants=("Liberation Serif 13|300" "DejaVu Serif 12|300" "Liberation Serif 12|200"
  "Liberation Sans 12|300" "DejaVu Sans 11|240" "Liberation Serif Bold 13|300"
  "Nimbus Roman 13|300" "Nimbus Roman 12|150" "Liberation Serif 13|140"
  "Nimbus Roman 13|120" "Nimbus Roman Bold 13|200" "Liberation Serif 12|160")

render() {
  local chunk=$1 out=$2
  shift 2
  local variants=("$@")
  local n=${chunk##*.}
  local v=${variants[$((10#$n % ${#variants[@]}))]}
  local font=${v%|*} dpi=${v#*|}
  if [[ -s "$out/$n.ocr.txt" ]]; then rm -f "$chunk"; return 0; fi
  pango-view --no-display --dpi="$dpi" --font="$font" -w 460 --margin=60 \
    -o "$out/$n.png" "$chunk"
  OMP_THREAD_LIMIT=1 tesseract "$out/$n.png" - -l eng 2>/dev/null >"$out/$n.ocr.tmp"
  mv "$out/$n.ocr.tmp" "$out/$n.ocr.txt"
  mv "$chunk" "$out/$n.src.txt"
  rm -f "$out/$n.png"
}
export -f render
ls "$out"/chunk.* | xargs -P "$jobs" -I{} bash -c 'render "$@"' _ {} "$out" "${variants[@]}"
echo "rendered $(ls "$out"/*.ocr.txt | wc -l) chunks into $out"
