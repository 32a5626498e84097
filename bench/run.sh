#!/usr/bin/env bash
# The benchmark of issue 11: overclaim against ripgrep on the same patterns (and textlint with
# a prh dictionary, and proselint, where they install), on generated Markdown corpora.
# Prints figures; never asserts a time (machines are noisy). Not part of `cargo test`.
#
#   bench/run.sh               # sizes 1, 10 and 100 MB (the 100 MB runs take minutes)
#   bench/run.sh 1 10          # only the small ones
#   OVERCLAIM_BIN=path bench/run.sh 1   # measure that binary (no build step)
#   BENCH_DIR=dir bench/run.sh 1        # keep corpora and results in dir (reused next time)
#
# Each size is generated twice by bench/gen_corpus.py: as 1,000 files and as one file. Every
# measurement is `/usr/bin/time` (wall, user+sys CPU, peak RSS), repeated 5 times on 1 MB
# corpora and 3 times on larger ones; the table shows medians.
#
# Tools: ripgrep 14 or newer (RG_BIN, else bench/.cache/cargo/bin/rg, else `rg` on PATH:
# `apt-get install -y ripgrep` or `cargo install ripgrep --root bench/.cache/cargo`); textlint with
# textlint-rule-prh (npm, into bench/.cache/npm) and proselint (PyPI, into bench/.cache/venv),
# on corpora up to EXTRA_MAX_MB (default 1) MB, as they are much slower. A tool that is
# missing or does not install is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cache=$root/bench/.cache
mkdir -p "$cache"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
extra_max=${EXTRA_MAX_MB:-1}

if [ -n "${OVERCLAIM_BIN:-}" ]; then
  bin=$OVERCLAIM_BIN
else
  echo "building release…" >&2
  cargo build --release --quiet
  bin=$root/target/release/overclaim
fi

if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
work=$(cd "$work" && pwd)
results=$work/results.tsv
: > "$results"
note() { echo "$*" >&2; }

# --- tools ----------------------------------------------------------------------------------

"$bin" rules --no-config --format patterns > "$work/patterns.txt"
n_rules=$("$bin" rules --no-config --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
n_patterns=$(wc -l < "$work/patterns.txt")

# The patterns use `\b{start-half}` and `\b{end-half}` (regex 1.10): ripgrep 14 or newer.
# Debian's ripgrep 13 rejects them; `cargo install ripgrep --root bench/.cache/cargo` builds
# a current one, which is used when present.
rg=${RG_BIN:-}
# The pack's patterns, joined into one alternation, exceed ripgrep's default 100 MB regex size
# limit: raise it (the figure is a compile-time bound, not memory that is used).
rg_flags=(-i -c --regex-size-limit 2G --dfa-size-limit 1G)
[ -n "$rg" ] || { [ -x "$cache/cargo/bin/rg" ] && rg=$cache/cargo/bin/rg; } || rg=$(command -v rg || true)
if [ -z "$rg" ]; then
  note "ripgrep not found: skipping it (install with \`apt-get install -y ripgrep\`, version 14 or newer, or \`cargo install ripgrep --root bench/.cache/cargo\`)."
elif ! "$rg" "${rg_flags[@]}" -f "$work/patterns.txt" /dev/null > /dev/null 2> "$work/rg-check.txt" \
     && [ -s "$work/rg-check.txt" ]; then
  note "$rg ($("$rg" --version | head -1)) rejects the patterns: $(grep -m1 '^error' "$work/rg-check.txt" || head -1 "$work/rg-check.txt")"
  note "  ripgrep 14 or newer reads them (\`cargo install ripgrep --root bench/.cache/cargo\`, then RG_BIN=bench/.cache/cargo/bin/rg); skipping ripgrep."
  rg=
fi

textlint=
if [ "$extra_max" != 0 ] && command -v npm > /dev/null; then
  if [ ! -x "$cache/npm/node_modules/.bin/textlint" ]; then
    note "installing textlint and textlint-rule-prh into bench/.cache/npm…"
    mkdir -p "$cache/npm"
    (cd "$cache/npm" && npm install --no-audit --no-fund --loglevel=error textlint textlint-rule-prh) \
      > "$cache/npm.log" 2>&1 || note "npm install failed (see bench/.cache/npm.log): skipping textlint."
  fi
  if [ -x "$cache/npm/node_modules/.bin/textlint" ]; then
    textlint=$cache/npm/node_modules/.bin/textlint
    python3 bench/gen_corpus.py --prh > "$work/prh.yml"
    printf '{"rules": {"prh": {"rulePaths": ["%s"]}}}\n' "$work/prh.yml" > "$work/textlintrc.json"
  fi
else
  note "npm not found (or EXTRA_MAX_MB=0): skipping textlint."
fi

proselint=
if [ "$extra_max" != 0 ]; then
  if [ ! -x "$cache/venv/bin/proselint" ]; then
    note "installing proselint into bench/.cache/venv…"
    { python3 -m venv "$cache/venv" && "$cache/venv/bin/pip" install -q proselint; } \
      > "$cache/pip.log" 2>&1 || note "pip install proselint failed (see bench/.cache/pip.log): skipping proselint."
  fi
  [ -x "$cache/venv/bin/proselint" ] && proselint=$cache/venv/bin/proselint
fi

# --- corpora --------------------------------------------------------------------------------

# corpus SIZE FILES: prints the path to check; generates it unless BENCH_DIR already has it.
corpus() {
  local dir=$work/corpus/${1}mb-$2
  if [ ! -f "$dir/manifest.json" ]; then
    rm -rf "$dir"
    python3 bench/gen_corpus.py "$dir/data" --mb "$1" --files "$2" --manifest "$dir/manifest.tmp" >&2
    mv "$dir/manifest.tmp" "$dir/manifest.json"
  fi
  if [ "$2" = 1 ]; then echo "$dir/data/corpus.md"; else echo "$dir/data/site"; fi
}

# --- measuring ------------------------------------------------------------------------------

# measure TOOL LABEL PATH REPS COMMAND…: time COMMAND REPS times, one row per run. The hit count
# (findings, or matching lines for rg) is taken from the first run's output.
measure() {
  local tool=$1 label=$2 path=$3 reps=$4
  shift 4
  local bytes hits=
  bytes=$(find "$path" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
  for ((i = 0; i < reps; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/tool-out.txt" 2> "$work/err.txt" || true
    if [ -z "$hits" ]; then hits=$(count_hits "$tool"); fi
    read -r wall user sys rss < <(tail -1 "$work/time.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$label" "$bytes" "$wall" "$user" "$sys" "$rss" "$hits" >> "$results"
  done
}

count_hits() {
  case $1 in
    overclaim*) grep -o '"rule": *"' "$work/tool-out.txt" | wc -l || true ;;
    rg) awk -F: '{ n += $NF } END { print n + 0 }' "$work/tool-out.txt" ;;
    textlint) grep -o '"ruleId": *"' "$work/tool-out.txt" | wc -l || true ;;
    proselint) grep -o '"check_path": *"' "$work/tool-out.txt" | wc -l || true ;;
  esac
}

reps_for() { if [ "$1" = 1 ]; then echo 5; else echo 3; fi; }

for size in "${sizes[@]}"; do
  for files in 1000 1; do
    path=$(corpus "$size" "$files")
    if [ "$files" = 1 ]; then label="$size MB × 1 file"; else label="$size MB × 1,000 files"; fi
    reps=$(reps_for "$size")
    note "measuring $label…"
    measure overclaim "$label" "$path" "$reps" \
      "$bin" check --no-config --format json --fail-on never "$path"
    if [ -n "$rg" ]; then
      measure rg "$label" "$path" "$reps" "$rg" "${rg_flags[@]}" -f "$work/patterns.txt" "$path"
    fi
    if [ "$size" -le "$extra_max" ] 2> /dev/null; then
      if [ -n "$textlint" ]; then
        measure textlint "$label" "$path" "$reps" \
          "$textlint" --no-color --config "$work/textlintrc.json" \
          --rules-base-directory "$cache/npm/node_modules" --format json "$path"
      fi
      if [ -n "$proselint" ]; then
        measure proselint "$label" "$path" "$reps" "$proselint" check -o json "$path"
      fi
    fi
  done
done

# --- start-up and pack growth ---------------------------------------------------------------

python3 bench/gen_corpus.py "$work/startup" --bytes 20000 --files 1 2> /dev/null
one=$work/startup/corpus.md
python3 bench/gen_rules.py --rules $((n_rules * 9)) > "$work/synthetic.toml"
synthetic_check=$("$bin" test-rules "$work/synthetic.toml" | tail -1)

# The pack-growth case runs on the largest generated corpus of at most 10 MB (files layout).
growth_size=
for size in "${sizes[@]}"; do
  if [ "$size" -le 10 ] 2> /dev/null && { [ -z "$growth_size" ] || [ "$size" -gt "$growth_size" ]; }; then
    growth_size=$size
  fi
done
[ -n "$growth_size" ] || growth_size=${sizes[0]}
growth_path=$(corpus "$growth_size" 1000)
growth_label="$growth_size MB × 1,000 files"
note "measuring the pack growth on $growth_label…"
measure "overclaim" "pack: $growth_label" "$growth_path" 3 \
  "$bin" check --no-config --format json --fail-on never "$growth_path"
measure "overclaim+synthetic" "pack: $growth_label" "$growth_path" 3 \
  "$bin" check --no-config --format json --fail-on never --rules "$work/synthetic.toml" "$growth_path"

note "measuring start-up…"
startup() {
  python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(11):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times) * 1000:.1f}")
PY
}
startup_default=$(startup "$bin" check --no-config --format json --fail-on never "$one")
startup_synthetic=$(startup "$bin" check --no-config --format json --fail-on never --rules "$work/synthetic.toml" "$one")
startup_rg=
[ -n "$rg" ] && startup_rg=$(startup "$rg" "${rg_flags[@]}" -f "$work/patterns.txt" "$one")

# --- report ---------------------------------------------------------------------------------

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
echo "overclaim $("$bin" --version | cut -d' ' -f2): $n_rules rules, $n_patterns patterns; $(nproc) cores ($cpu), $ram RAM"
version() { if [ -n "$2" ]; then "$2" "$3" 2>&1 | head -1 | awk '{ print $NF }'; else echo skipped; fi; }
echo "tools: rg $(version rg "$rg" --version | sed 's/)$//'); textlint $(version textlint "$textlint" --version); proselint $(version proselint "$proselint" version)"
python3 - "$results" "$startup_default" "$startup_synthetic" "$startup_rg" "$n_rules" "$synthetic_check" <<'PY'
import collections, statistics, sys

path, startup_default, startup_synthetic, startup_rg, n_rules, synthetic_check = sys.argv[1:7]
rows = collections.defaultdict(list)
order = []
for line in open(path):
    tool, label, size, wall, user, sys_, rss, hits = line.rstrip("\n").split("\t")
    key = (tool, label)
    if key not in rows:
        order.append(key)
    rows[key].append((int(size), float(wall), float(user) + float(sys_), int(rss), hits))

def med(key):
    runs = rows[key]
    return {
        "bytes": runs[0][0],
        "wall": statistics.median(r[1] for r in runs),
        "cpu": statistics.median(r[2] for r in runs),
        "rss": statistics.median(r[3] for r in runs) / 1024,
        "hits": runs[0][4],
        "n": len(runs),
    }

print()
print("| tool | corpus | wall s | CPU s | peak MB | MB/s | wall ÷ rg | hits | runs |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for tool, label in order:
    if label.startswith("pack: "):
        continue
    m = med((tool, label))
    rg = rows.get(("rg", label))
    ratio = f"{m['wall'] / med(('rg', label))['wall']:.1f}×" if rg and med(("rg", label))["wall"] > 0 else "–"
    mbps = m["bytes"] / 1e6 / m["wall"] if m["wall"] > 0 else float("inf")
    print(f"| {tool} | {label} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss']:.0f} | {mbps:.1f} | {ratio} | {m['hits']} | {m['n']} |")
print()
print("hits: findings for overclaim, textlint and proselint; matching lines for rg (a line with several claims counts once).")

print()
print(f"start-up, one 20 KB Markdown file (median of 11): overclaim {startup_default} ms"
      + (f", rg with the same patterns {startup_rg} ms" if startup_rg else "")
      + f"; overclaim with the pack 10× larger {startup_synthetic} ms")

print()
print("scaling with corpus size (overclaim, median wall):")
for layout in ("1,000 files", "1 file"):
    points = sorted(
        (med(k)["bytes"], med(k)["wall"], k[1])
        for k in order if k[0] == "overclaim" and k[1].endswith(layout) and not k[1].startswith("pack: ")
    )
    if not points:
        continue
    base_bytes, base_wall, _ = points[0]
    parts = []
    for size, wall, label in points:
        parts.append(f"{label.split(' ×')[0]}: {wall:.2f} s ({wall / (size / 1e6):.3f} s/MB)")
    line = f"  {layout:12s} " + "; ".join(parts)
    if len(points) > 1:
        (s0, w0, _), (s1, w1, _) = points[0], points[-1]
        line += f" — {s1 / s0:.0f}× the bytes took {w1 / w0:.1f}× the time"
    print(line)

growth = [k for k in order if k[1].startswith("pack: ")]
if len(growth) == 2:
    a, b = med(growth[0]), med(growth[1])
    label = growth[0][1][len("pack: "):]
    print()
    print(f"pack growth on {label}: default pack ({n_rules} rules) {a['wall']:.2f} s wall, {a['cpu']:.2f} s CPU, {a['rss']:.0f} MB, {a['hits']} findings;")
    print(f"  + {int(n_rules) * 9} synthetic rules (10× the pack) {b['wall']:.2f} s wall, {b['cpu']:.2f} s CPU, {b['rss']:.0f} MB, {b['hits']} findings"
          f" — {b['wall'] / a['wall']:.2f}× the time (synthetic pack self-test: {synthetic_check})")
PY
