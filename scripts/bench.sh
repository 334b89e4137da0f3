#!/usr/bin/env bash
# Speed at archive scale (issue 4): build a tree of N copies of the .txt
# documents of ../shared/corpus/frus-full (N=8: ~106 MB, ~36,000 files;
# N=80: ~1 GB), then time on that same tree, in this run: cat of all files,
# rg -c '\[Page', cables index to /dev/null, and cables index --incremental
# with nothing changed, once as it runs by default (files whose status is
# unchanged are not read) and once with --verify (every file read and
# hashed). Prints wall seconds, MB/s, the ratio to rg and peak
# RSS (from /usr/bin/time -v). The page cache is warm for every command
# (cat runs first, once untimed).
#
#   scripts/bench.sh [N] [TREE_DIR]     default N=8, TREE_DIR=/tmp/cables-bench-N
#
# Needs rg (apt-get install -y ripgrep) and GNU time (apt-get install -y time).
# The tree is deleted at the end unless KEEP_TREE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-8}
TREE=${2:-/tmp/cables-bench-$N}
SRC=../shared/corpus/frus-full
for tool in rg /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing" >&2; exit 2; }
done
[ -d "$SRC" ] || { echo "bench.sh: $SRC is missing" >&2; exit 2; }

# The build to install (README): the release-lto profile of Cargo.toml.
cargo build --profile release-lto --quiet
BIN=$PWD/target/release-lto/cables

if [ ! -d "$TREE" ]; then
    mkdir -p "$TREE"
    for i in $(seq 1 "$N"); do
        mkdir -p "$TREE/copy$i"
        (cd "$SRC" && find . -name '*.txt' -exec cp --parents -t "$TREE/copy$i" {} +)
    done
fi
FILES=$(find "$TREE" -type f -name '*.txt' | wc -l)
BYTES=$(find "$TREE" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b/1e6}')
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"; [ "${KEEP_TREE:-0}" = 1 ] || rm -rf "$TREE"' EXIT

echo "tree: $TREE, N=$N, $FILES files, $MB MB; $(nproc) cores; $(uname -sr)"
find "$TREE" -type f -print0 | xargs -0 cat > /dev/null   # warm the cache

# run LABEL CMD...: time CMD, print wall, MB/s, peak RSS; sets WALL.
run() {
    local label=$1; shift
    /usr/bin/time -v -o "$OUT/time" "$@" > /dev/null 2> "$OUT/stderr" || { cat "$OUT/stderr" >&2; exit 1; }
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$OUT/time")
    local rss; rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$OUT/time")
    printf '%-40s %8.2f s %8.1f MB/s %8s MB RSS' "$label" "$WALL" "$(awk -v b="$BYTES" -v w="$WALL" 'BEGIN {print (w>0 ? b/1e6/w : 0)}')" "$rss"
}

# ratios WALL: WALL against rg's and the full index's.
ratios() {
    printf '   %.2f× rg, %.2f× full\n' "$(awk -v a="$1" -v b="$RG" 'BEGIN {print a/b}')" "$(awk -v a="$1" -v b="$FULL" 'BEGIN {print a/b}')"
}

# reused: the summary's reuse count of the last run ("N reused, M of them unread").
reused() {
    grep -o '[0-9]* reused ([0-9]* unread' "$OUT/stderr" | sed 's/^/   /; s/ (\([0-9]*\) unread/, \1 of them unread/'
}

run "cat (all files)" sh -c "find '$TREE' -type f -print0 | xargs -0 cat"; echo
run "rg -c '\\[Page'" rg -c '\[Page' "$TREE"; RG=$WALL; echo
run "cables index > /dev/null" "$BIN" index -q "$TREE"; FULL=$WALL
printf '   %.2f× rg\n' "$(awk -v a="$FULL" -v b="$RG" 'BEGIN {print a/b}')"
"$BIN" index -q "$TREE" --out "$OUT/index.ndjson" --incremental   # builds the cache, untimed
run "cables index --incremental (unchanged)" "$BIN" index "$TREE" --out "$OUT/index.ndjson" --incremental; INC=$WALL
ratios "$INC"
reused
run "cables index --incremental --verify" "$BIN" index "$TREE" --out "$OUT/index.ndjson" --incremental --verify; VER=$WALL
ratios "$VER"
reused
