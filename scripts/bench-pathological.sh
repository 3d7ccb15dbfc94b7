#!/usr/bin/env bash
# Times newsmill on generated pathological inputs (issue 19): a YAML alias bomb, a 10 MB
# text article, a 10 MB HTML page, a 5 MB line of repeated sentences, one tag with 100,000
# attributes, 99,000 unclosed tags, nesting 20,000 deep, and a sentence with 4,000 counts.
# Each run is stopped after $CPU_LIMIT CPU seconds (default 120; exit 137 or 152) or at
# $MEM_LIMIT_MB MB of address space (default 4096; the run fails).
# Prints user+sys CPU seconds (the figure to compare; wall time is noisy on a shared
# machine), wall seconds, peak RSS and the exit code of each run.
#
#   scripts/bench-pathological.sh [path/to/newsmill]   (default: target/release/newsmill)
#   CASES="bomb attrs" scripts/bench-pathological.sh   (only those cases)
set -euo pipefail
bin=${1:-target/release/newsmill}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
def put(name, text):
    d = os.path.join(w, name.split('.')[0])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
        f.write(text)
lvl = ["a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
for i in range(1, 9):
    lvl.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
put("bomb.md", "---\n" + "\n".join(lvl) + "\ntitle: boom\n---\nBody.\n")
words = ("council minister police officials said Monday London Paris bridge river "
         "school hospital budget election reporters Smith Jones").split()
def sentence(i):
    ws = [words[(i * 7 + k * 3) % len(words)] for k in range(12)]
    return f"{ws[0].capitalize()} {' '.join(ws[1:])} on day {i}, {i % 90 + 2} people said."
paras, size, i = [], 0, 0
while size < 10_000_000:
    p = " ".join(sentence(i + k) for k in range(6)); i += 6
    paras.append(p); size += len(p) + 2
put("text10mb.txt", "Ten megabyte article\n\n" + "\n\n".join(paras) + "\n")
put("html10mb.html", "<html><head><title>Big page</title></head><body><article>"
    + "".join(f"<p>{p}</p>\n" for p in paras) + "</article></body></html>")
one = "The minister said on Monday that 12 people were hurt in London. "
put("line5mb.txt", "Line\n\n" + one * (5_000_000 // len(one)) + "\n")
put("attrs.html", "<html><body><div " + " ".join(f'a{i}="v{i}"' for i in range(100_000))
    + "><p>Text of the page, long enough to be an article body.</p></div></body></html>")
put("unclosed.html", "<html><body>" + "<div><span>x " * 49_500 + "</body></html>")
put("deep.html", "<html><body>" + "<div>" * 20_000 + "<p>Deep text of the page.</p>"
    + "</div>" * 20_000 + "</body></html>")
put("counts.txt", "Counts\n\n" + " and ".join(f"{k + 2} people were killed in town {k}"
    for k in range(4000)) + ".\n")
PY
printf '%-16s %9s %9s %9s %6s  %s\n' case cpu_s wall_s rss_mb exit facts.csv_bytes
for dir in "$work"/*/; do
  case=$(basename "$dir")
  if [[ -n ${CASES:-} && " $CASES " != *" $case "* ]]; then continue; fi
  out="$work/out-$case"
  echo "0 0 0 0" >"$work/time"
  set +e
  # Limits inside time, so a stopped run's CPU is counted too: CPU seconds (not wall time,
  # which a loaded machine stretches) and address space (the old YAML bomb took 23 GB).
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" bash -c \
    'ulimit -t "$1"; ulimit -v "$2"; exec "$3" run "$4" --out "$5" --quiet' _ \
    "${CPU_LIMIT:-120}" "$(( ${MEM_LIMIT_MB:-4096} * 1024 ))" "$bin" "$dir" "$out" \
    >/dev/null 2>&1
  code=$?
  set -e
  # time writes "Command exited with non-zero status N" first when the run fails.
  read -r user sys wall rss < <(tail -n 1 "$work/time") || true
  facts=$(stat -c %s "$out/facts.csv" 2>/dev/null || echo -)
  printf '%-16s %9.2f %9.2f %9.0f %6s  %s\n' "$case" "$(echo "$user + $sys" | bc)" "$wall" \
    "$(echo "$rss / 1024" | bc)" "$code" "$facts"
done
