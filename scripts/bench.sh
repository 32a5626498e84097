#!/usr/bin/env bash
# Prints throughput figures for `overclaim check`; never asserts a time (machines are noisy).
#
#   scripts/bench.sh                                   # build release, then measure
#   OVERCLAIM_BIN=/path/to/overclaim scripts/bench.sh  # measure another build (no build step)
#
# Cases: many small Markdown files (a site), one large Markdown file, and one pathological
# plain-text "paragraph" with no sentence ends. If ripgrep is installed, it searches the same
# files for the same claim words as a floor to compare with.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${OVERCLAIM_BIN:-}" ]; then
  bin=$OVERCLAIM_BIN
else
  cargo build --release --quiet
  bin=target/release/overclaim
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/site"
for i in $(seq 1 400); do
  cp fixtures/docs/clinic-landing.md "$work/site/landing-$i.md"
  cp fixtures/docs/patient-education.md "$work/site/education-$i.md"
done
for i in $(seq 1 300); do cat fixtures/docs/blog-post.md fixtures/docs/clinic-landing.md; done > "$work/large.md"
python3 - "$work/pathological.txt" <<'PY'
import sys
words = "stem cells may regrow cartilage and no side effects without surgery not only cures".split()
with open(sys.argv[1], "w") as f:
    f.write(" ".join(words[i % len(words)] for i in range(400_000)))
PY

measure() {
  local label=$1; shift
  local bytes
  bytes=$(du -cb "$@" | tail -1 | cut -f1)
  local start end
  start=$(date +%s.%N)
  "$bin" check --no-config --format json --fail-on never "$@" > "$work/out.json" || true
  end=$(date +%s.%N)
  python3 - "$label" "$bytes" "$start" "$end" "$work/out.json" <<'PY'
import json, sys
label, size, start, end, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
secs = end - start
findings = len(json.load(open(out))["findings"])
print(f"{label:28s} {size / 1e6:8.2f} MB  {secs:7.3f} s  {size / 1e6 / secs:8.2f} MB/s  {findings} findings")
PY
}

# Start-up: one ~20 KB Markdown file, start to exit, the median of 11 runs (rule compilation
# and the prefilter included: this is what an editor or a pre-commit hook pays per file).
head -c 20000 "$work/large.md" > "$work/one.md"
startup() {
  python3 - "$bin" "$work/one.md" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(11):
    start = time.perf_counter()
    subprocess.run([sys.argv[1], "check", "--no-config", "--format", "json", "--fail-on", "never", sys.argv[2]],
                   stdout=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - start)
print(f"{'start-up, one 20 KB file':28s} {'':8s}     {statistics.median(times):7.3f} s  (median of 11)")
PY
}

echo "overclaim $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $("$bin" rules | tail -1 | cut -d' ' -f1) rules"
startup
measure "site (800 small files)" "$work/site"
measure "one large Markdown file" "$work/large.md"
measure "pathological paragraph" "$work/pathological.txt"
if command -v rg >/dev/null; then
  start=$(date +%s.%N)
  rg -c -i -e 'cure|regrow|side effects|guarantee|proven|breakthrough' "$work/site" > /dev/null || true
  end=$(date +%s.%N)
  python3 -c "print(f\"{'ripgrep, same site':28s} {'':8s}     {$end - $start:7.3f} s\")"
fi
