#!/usr/bin/env bash
# Whole-process benchmark of the newsmill binary (issue 20; docs/performance.md).
#
#   scripts/bench-pipeline.sh [NEWSMILL_BINARY]     (default target/release/newsmill)
#
# For the BBC folder (../shared/data/bbc) and the HTML evaluation pages
# (../shared/data/trafilatura_eval_en/html), default pipeline, at --jobs 1 and --jobs 2:
# documents/s and MB/s by CPU time (user+sys from /usr/bin/time -v) and by wall time, peak
# RSS, each stage's share of stage time (run-report.json, both passes) and the first pass's
# share. Then the HTML reader alone (only clean.markup), and an entity-only run over the
# first 300 BBC files (tokens counted with a regex close to the news tokeniser: words and
# punctuation marks; approximate). The machine is shared, so CPU time is the figure to
# compare; wall time is printed beside it. Folders that are absent are skipped, saying so.
# Run scripts/trafilatura-reference.py with the printed HTML CPU seconds for the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/newsmill}
SHARED=../shared/data
[ -x "$BIN" ] || { echo "no binary at $BIN: nice cargo build --release -p newsmill-cli"; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run LABEL JOBS INPUT [newsmill run options...]: one timed run, one summary line (+ stages).
run() {
  local label=$1 jobs=$2 input=$3
  shift 3
  local out=$TMP/out-$label-$jobs
  local status=0
  /usr/bin/time -v -o "$TMP/time" "$BIN" run --quiet --jobs "$jobs" --out "$out" "$@" "$input" || status=$?
  if [ "$status" -gt 1 ]; then echo "$label: newsmill failed ($status)"; return; fi
  python3 - "$label" "$jobs" "$out/run-report.json" "$TMP/time" <<'EOF'
import json, re, sys
label, jobs, report, timefile = sys.argv[1:5]
r = json.load(open(report))
t = open(timefile).read()
num = lambda pat: float(re.search(pat, t).group(1))
cpu = num(r"User time \(seconds\): ([\d.]+)") + num(r"System time \(seconds\): ([\d.]+)")
wall_txt = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", t).group(1)
wall = 0.0
for part in wall_txt.split(":"):
    wall = wall * 60 + float(part)
rss = num(r"Maximum resident set size \(kbytes\): (\d+)") / 1024
docs = r["documents"]
mb = r["input_bytes"] / 1e6
print(f"{label} jobs={jobs}: {docs} docs, {mb:.2f} MB; cpu {cpu:.2f} s -> {docs / cpu:.1f} docs/s, "
      f"{mb / cpu:.2f} MB/s; wall {wall:.2f} s -> {docs / wall:.1f} docs/s, {mb / wall:.2f} MB/s; "
      f"peak RSS {rss:.0f} MB")
if jobs != "1":
    sys.exit()
stages = {}
first = 0.0
for s in [r["read"]] + r["stages"]:
    stages[s["name"]] = stages.get(s["name"], 0.0) + s["seconds"]
for s in r.get("first_pass") or []:
    stages[s["name"]] = stages.get(s["name"], 0.0) + s["seconds"]
    first += s["seconds"]
total = sum(stages.values()) or 1e-9
# The first pass reads every document again; its read time is part of corpus_pass_seconds.
print(f"  stage time {total:.2f} s (thread time summed; both passes); first pass "
      f"{r['corpus_pass_seconds']:.2f} s wall = {100 * r['corpus_pass_seconds'] / r['seconds']:.0f}% of the run; "
      f"main pass started from {r.get('first_pass_copy_bytes', 0) / 1e6:.1f} MB of first-pass copies")
for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
    if secs > 0:
        print(f"    {name:<20} {secs:7.2f} s {100 * secs / total:5.1f}%")
EOF
}

if [ -d "$SHARED/bbc" ]; then
  for jobs in 1 2; do run bbc "$jobs" "$SHARED/bbc"; done
else
  echo "skipping BBC: $SHARED/bbc not found"
fi
HTML=$SHARED/trafilatura_eval_en/html
if [ -d "$HTML" ]; then
  for jobs in 1 2; do run html "$jobs" "$HTML"; done
  printf '[[stage]]\nuse = "clean.markup"\n' > "$TMP/reader.toml"
  run html-reader 1 "$HTML" --config "$TMP/reader.toml"
else
  echo "skipping HTML: $HTML not found"
fi
if [ -d "$SHARED/bbc" ]; then
  mkdir -p "$TMP/bbc300"
  find "$SHARED/bbc" -name '*.txt' | LC_ALL=C sort > "$TMP/bbc-files"
  # (head after the pipeline: with pipefail, head closing the pipe early would end the script)
  head -300 "$TMP/bbc-files" | while read -r f; do
    d=$TMP/bbc300/$(basename "$(dirname "$f")"); mkdir -p "$d"; cp "$f" "$d/"
  done
  printf '[[stage]]\nuse = "extract.entities"\n' > "$TMP/entities.toml"
  run entities 1 "$TMP/bbc300" --config "$TMP/entities.toml"
  /usr/bin/time -f "%U %S" -o "$TMP/time1" "$BIN" run --quiet --jobs 1 --out "$TMP/out-ent" \
    --config "$TMP/entities.toml" "$TMP/bbc300" || true
  python3 - "$TMP/out-ent/articles.jsonl" "$TMP/time1" <<'EOF'
import json, re, sys
tokens = 0
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    tokens += len(re.findall(r"\w+(?:[-'.]\w+)*|[^\w\s]", a.get("text") or ""))
user, sys_ = map(float, open(sys.argv[2]).read().split()[-2:])
cpu = user + sys_
print(f"entity-only whole process, 300 BBC files: ~{tokens} tokens, cpu {cpu:.2f} s -> "
      f"~{tokens / cpu / 1e3:.0f}k tokens/s (start-up and model loading included)")
EOF
fi
