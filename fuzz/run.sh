#!/usr/bin/env bash
# Run one fuzz target for a number of minutes: fuzz/run.sh TARGET MINUTES
#
# Targets: sources, sentences, loader, fix, renderers (fuzz/fuzz_targets/*.rs).
# Seeds are made from fixtures/ and rules/ at run time into fuzz/seeds/TARGET (not committed);
# the growing corpus is fuzz/corpus/TARGET and crashes land in fuzz/artifacts/TARGET.
#
# cargo-fuzz needs nightly flags; on a stable toolchain RUSTC_BOOTSTRAP=1 unlocks them.
# SANITIZER=address (default) or SANITIZER=none when the ASan runtime is missing.
set -euo pipefail

target=${1:?usage: fuzz/run.sh TARGET MINUTES}
minutes=${2:?usage: fuzz/run.sh TARGET MINUTES}
sanitizer=${SANITIZER:-address}

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seeds="$here/seeds/$target"
corpus="$here/corpus/$target"
mkdir -p "$seeds" "$corpus"

# The first byte of a document input picks the format: 0 text, 1 Markdown, 2 HTML.
selector() {
    case "$1" in
        *.md | *.markdown | *.mdx) printf '\001' ;;
        *.html | *.htm | *.xhtml) printf '\002' ;;
        *) printf '\000' ;;
    esac
}

case "$target" in
    loader)
        for f in "$root"/rules/*.toml; do
            cp "$f" "$seeds/$(basename "$f")"
        done
        ;;
    sentences)
        for f in "$root"/fixtures/docs/*; do
            { printf '\007\031\003\000'; cat "$f"; } >"$seeds/$(basename "$f")"
        done
        ;;
    sources | fix | renderers)
        for f in "$root"/fixtures/docs/* "$root"/fixtures/edge/*; do
            [ -f "$f" ] || continue
            { selector "$f"; cat "$f"; } >"$seeds/$(basename "$f")"
            # The same text as the other formats, too.
            for s in '\000' '\001' '\002'; do
                { printf "$s"; cat "$f"; } >"$seeds/$(basename "$f").$(printf "$s" | od -An -tu1 | tr -d ' ')"
            done
        done
        ;;
    *)
        echo "unknown target: $target" >&2
        exit 2
        ;;
esac

cd "$here"
# -timeout catches inputs that take seconds (a quadratic path), not only crashes.
RUSTC_BOOTSTRAP=1 exec cargo fuzz run "$target" -s "$sanitizer" "$corpus" "$seeds" -- \
    -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
