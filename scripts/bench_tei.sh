#!/usr/bin/env bash
# Time `cables index` on the TEI volumes against the Python lxml iterparse
# peer (scripts/bench_tei.py) that pulls the same fields, in one run.
#
# Usage: scripts/bench_tei.sh [TEI_DIR] [RUNS]
# Default TEI_DIR: ../shared/corpus/tei beside the repository; RUNS: 3
# (the best wall time of each is reported).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$here/../shared/corpus/tei}"
runs="${2:-3}"
python3 -c 'import lxml' 2>/dev/null || { echo "bench_tei.sh: needs lxml (pip install lxml)" >&2; exit 2; }
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin="$here/target/release/cables"
size=$(du -cb "$dir"/*.xml | tail -1 | cut -f1)
files=$(ls "$dir"/*.xml | wc -l)

best() { # best wall seconds of $runs runs of "$@"
  local b=""
  for _ in $(seq "$runs"); do
    local s e t
    s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  printf '%.3f' "$b"
}

rust=$(best "$bin" index "$dir")
py=$(best python3 "$here/scripts/bench_tei.py" "$dir")
mb=$(echo "scale=1; $size / 1048576" | bc)
echo "TEI: $files volumes, $mb MiB, best of $runs runs"
printf '%-34s %8s s  %7.1f MiB/s\n' "cables index (release)" "$rust" "$(echo "$size / 1048576 / $rust" | bc -l)"
printf '%-34s %8s s  %7.1f MiB/s\n' "python3 lxml iterparse" "$py" "$(echo "$size / 1048576 / $py" | bc -l)"
printf 'ratio python/cables: %.1fx\n' "$(echo "$py / $rust" | bc -l)"
