#!/usr/bin/env bash
# Start-up cost of one `stride ask` process: `ask` on Stride's own KB against `ask --index` over a saved MedQuAD
# index, as whole processes run one after another (alternating, so both see the same machine), N runs each.
# Prints the median, fastest and slowest wall time of each and the ratio of medians (issue 17's bars: under 1.5 s
# and under 2x the default KB). Usage: bench/startup/run.sh [RUNS] (default 10). Needs MedQuAD (../shared/medquad
# or $STRIDE_DATA/medquad; see scripts/get-data); the index is built once into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
data="${STRIDE_DATA:-../shared}"
if [ ! -d "$data/medquad" ]; then
  echo "bench/startup/run.sh: MedQuAD not found at $data/medquad (set STRIDE_DATA or run scripts/get-data)" >&2
  exit 2
fi

dotnet build -c Release src/Stride.Cli -v quiet -nologo >/dev/null
stride=src/Stride.Cli/bin/Release/net10.0/Stride.Cli
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$stride" index --kb "$data/medquad" --out "$work/medquad-index" >/dev/null

time_one() { # prints the wall seconds of one run of the arguments
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$end" -v b="$start" 'BEGIN { print a - b }'
}

: >"$work/default"; : >"$work/index"
for _ in $(seq "$runs"); do
  time_one "$stride" ask "why does my back hurt when I walk" >>"$work/default"
  time_one "$stride" ask --index "$work/medquad-index" "what are the side effects of ibuprofen" >>"$work/index"
done

summary() { # median min max of a file of numbers
  sort -n "$1" | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%.2f %.2f %.2f\n", m, v[1], v[NR]}'
}
read -r dm dmin dmax < <(summary "$work/default")
read -r im imin imax < <(summary "$work/index")
printf '%-36s median %5.2f s  (%.2f-%.2f s, %d runs)\n' "ask, Stride's own KB" "$dm" "$dmin" "$dmax" "$runs"
printf '%-36s median %5.2f s  (%.2f-%.2f s, %d runs)\n' "ask --index, MedQuAD (47,457 entries)" "$im" "$imin" "$imax" "$runs"
awk -v a="$im" -v b="$dm" 'BEGIN { printf "ratio of medians: %.2f\n", a / b }'
printf 'index on disk: %s\n' "$(du -sh "$work/medquad-index" | cut -f1)"
