#!/bin/bash
# Retrains the OCR-damage restorer's models (models/repair/lm.bin and
# channel.bin; docs/repair_model.md describes them) the way the shipped ones
# were made:
#  - language model: the project's own plans (corpus/plans) and
#    plan-register prose (corpus/lm), the agency names and aliases of
#    models/extract/agencies.tsv, the statutes of
#    ../shared/corpus/vi-legal when present (statistics only), and the
#    syllable lists of hunspell-vi and fcitx5-bamboo;
#  - channel model: pairs rendered from the same text and read back by
#    Tesseract's English model (scripts/render_channel_data.sh), three
#    samples of paragraphs (every 150th, 47th and 29th). Rendering takes a
#    few minutes of CPU and is kept under CHANNEL_DIR for the next run.
# An archive retrains on its own clean documents by adding them:
#   scripts/train_repair.sh my_clean_plans/ ...
#
# Usage: scripts/train_repair.sh [EXTRA_CORPUS...]
# Env: VNPLAN (default build/vnplan), OUT (default models/repair),
#      CHANNEL_DIR (default build/channel-data), LEGAL (default
#      ../shared/corpus/vi-legal), JOBS (parallel Tesseract runs, default 1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
vnplan=${VNPLAN:-$root/build/vnplan}
out=${OUT:-$root/models/repair}
channel=${CHANNEL_DIR:-$root/build/channel-data}
legal=${LEGAL:-$root/../shared/corpus/vi-legal}
[[ -x $vnplan ]] || { echo "no vnplan binary at $vnplan (set VNPLAN)" >&2; exit 2; }

# The names and aliases of the agency gazetteer, so damaged names are
# restored to what the extractor recognises ("Poan TNCS" -> "Đoàn TNCS").
# Each is written twice: pairs seen once are pruned.
names=$(mktemp --suffix=.txt)
trap 'rm -f "$names"' EXIT
awk -F'\t' '($1 == "agency" || $1 == "sector" || $1 == "prefix") && NF >= 3 {
    n = split($3 "|" $5, spellings, "|")
    for (i = 1; i <= n; i++) if (spellings[i] != "" && spellings[i] != "-") {
      print spellings[i] "."; print spellings[i] "."
    }
  }' "$root/models/extract/agencies.tsv" >"$names"
corpus=("$root/corpus/plans" "$root/corpus/lm" "$root/corpus/places" "$names")
[[ -d $legal ]] && corpus+=("$legal") || echo "no $legal: training without the statutes" >&2
corpus+=("$@")
texts=("$root"/corpus/plans/*.txt)
[[ -d $legal ]] && texts+=("$legal"/*.txt)

dirs=()
for every in 150 47 29; do
  dir=$channel/every$every
  if ! ls "$dir"/*.ocr.txt >/dev/null 2>&1; then
    EVERY=$every JOBS=${JOBS:-1} "$root/scripts/render_channel_data.sh" "$dir" "${texts[@]}"
  fi
  dirs+=("$dir")
done

lexicons=()
for f in /usr/share/hunspell/vi_VN.dic /usr/share/fcitx5/bamboo/vietnamese.cm.dict; do
  [[ -f $f ]] && lexicons+=("$f")
done

mkdir -p "$out"
"$vnplan" train --out "$out" \
  --lexicon "$(IFS=,; echo "${lexicons[*]}")" \
  --channel "$(IFS=,; echo "${dirs[*]}")" \
  "${corpus[@]}"
ls -l "$out"/lm.bin "$out"/channel.bin
