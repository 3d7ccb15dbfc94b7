"""Speed and date accuracy of the Python reference tools on the same gold pages that
`newsmill eval body` / `newsmill eval dates` and the `bench_html` example use, so that the
comparison in docs/html.md is measured on this machine rather than quoted.

    python3 -m venv /tmp/ref && /tmp/ref/bin/pip install trafilatura htmldate lxml_html_clean
    /tmp/ref/bin/python crates/newsmill-html/scripts/reference_bench.py [../shared]

Prints trafilatura's pages/s (CPU time of this one thread, best of 2 rounds over the 169
trafilatura_eval_en pages) and htmldate's exact-day accuracy and pages/s on
htmldate_mediacloud2020 (scored like `newsmill eval dates`: a row without a gold date is
right when no date is returned).
"""

import csv
import json
import os
import resource
import sys
import time

import htmldate
import trafilatura


def main() -> None:
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../shared")
    body_dir = os.path.join(shared, "data/trafilatura_eval_en")
    with open(os.path.join(body_dir, "expectations.json"), encoding="utf-8") as f:
        expectations = json.load(f)
    pages = []
    for entry in expectations.values():
        path = os.path.join(body_dir, "html", entry["file"])
        if os.path.exists(path):
            with open(path, "rb") as f:
                pages.append(f.read())
    trafilatura.extract(pages[0])
    best = None
    for _ in range(2):
        start = time.process_time()
        for page in pages:
            trafilatura.extract(page)
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {len(pages) / best:.1f} pages/s (one thread, CPU time)")

    dates_dir = os.path.join(shared, "data/htmldate_mediacloud2020")
    with open(os.path.join(dates_dir, "expectations.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    right = 0
    start = time.process_time()
    for row in rows:
        with open(os.path.join(dates_dir, "html", row["file"]), "rb") as f:
            page = f.read()
        try:
            found = htmldate.find_date(page, url=row["url"], original_date=True, extensive_search=True)
        except Exception:  # the reference tool's own failures count as "no date"
            found = None
        right += (found or "")[:10] == row["date"]
    spent = time.process_time() - start
    print(f"htmldate {htmldate.__version__}: accuracy {right / len(rows):.3f} ({right}/{len(rows)}), {len(rows) / spent:.1f} pages/s")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
