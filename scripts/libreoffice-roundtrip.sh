#!/usr/bin/env bash
# LibreOffice round trip of newsmill.xlsx: converts every sheet back to CSV with
# `libreoffice --headless --convert-to csv` and checks, cell by cell, that it holds the same
# text as newsmill's own CSVs in the same folder.
#
#   newsmill run DIR --out OUT --format csv,xlsx
#   scripts/libreoffice-roundtrip.sh OUT
#
# Allowed differences, and only these: the CSV's formula guard (newsmill's CSV has `'=x`
# where the workbook's text cell is `=x`) and how a number is displayed (`0.90` vs `0.9`).
# Needs LibreOffice (Debian: apt-get install libreoffice-calc-nogui) and python3.
set -euo pipefail
out="${1:?usage: $0 OUT_DIR (a newsmill output folder with newsmill.xlsx and the CSVs)}"
command -v libreoffice >/dev/null || { echo "libreoffice not found (apt-get install libreoffice-calc-nogui)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Filter options: comma, double quote, UTF-8 (76), header line 1, ..., last token -1 = one
# CSV per sheet (LibreOffice 7.2 and later), named newsmill-SHEET.csv.
libreoffice --headless -env:UserInstallation="file://$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work" "$out/newsmill.xlsx" >/dev/null 2>&1
python3 - "$out" "$work" <<'PY'
import csv, glob, os, sys
out, work = sys.argv[1], sys.argv[2]
GUARD = ("=", "+", "-", "@", "\t", "\r")

def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))

def same(ours, lo):
    if ours == lo:
        return True
    if ours.startswith("'") and ours[1:] == lo and lo.startswith(GUARD):
        return True
    try:
        return float(ours) == float(lo)
    except ValueError:
        return False

bad = checked = 0
for table in sorted(glob.glob(os.path.join(out, "*.csv"))):
    name = os.path.basename(table)[:-4]
    lo_path = os.path.join(work, f"newsmill-{name}.csv")
    if not os.path.exists(lo_path):
        print(f"{name}: no sheet in the LibreOffice export"); bad += 1; continue
    ours, lo = rows(table), rows(lo_path)
    # LibreOffice leaves trailing empty cells out of nothing, but pads short rows: compare
    # on our width.
    if len(ours) != len(lo):
        print(f"{name}: {len(ours)} rows in the CSV, {len(lo)} from LibreOffice"); bad += 1; continue
    for r, (a, b) in enumerate(zip(ours, lo)):
        b = b + [""] * (len(a) - len(b))
        for c, (x, y) in enumerate(zip(a, b)):
            checked += 1
            if not same(x, y):
                bad += 1
                if bad <= 20:
                    print(f"{name} row {r + 1} column {ours[0][c]}: CSV {x[:80]!r} LibreOffice {y[:80]!r}")
print(f"{checked} cells compared, {bad} differ")
sys.exit(1 if bad else 0)
PY
