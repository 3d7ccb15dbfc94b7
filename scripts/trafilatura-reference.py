#!/usr/bin/env python3
"""trafilatura, extraction only, on the HTML evaluation pages: the reference for issue 20's
HTML bar (newsmill's default pipeline >= 3x these pages/s, by CPU time, same session).

Setup (once):  python3 -m venv /tmp/trafvenv
               /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean
Run:           /tmp/trafvenv/bin/python scripts/trafilatura-reference.py [HTML_DIR] [--newsmill-cpu S]

Pages are read into memory first, so only extraction is timed (process CPU time, user+sys,
and wall time). With --newsmill-cpu (the CPU seconds of a newsmill run over the same pages,
as scripts/bench-pipeline.sh prints) it prints the ratio. Exits 0 saying why when the
folder or trafilatura is missing.
"""

import os
import sys
import time


def main():
    args = sys.argv[1:]
    newsmill_cpu = None
    if "--newsmill-cpu" in args:
        i = args.index("--newsmill-cpu")
        newsmill_cpu = float(args[i + 1])
        del args[i : i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    folder = args[0] if args else os.path.join(here, "..", "..", "shared", "data", "trafilatura_eval_en", "html")
    if not os.path.isdir(folder):
        print(f"skipping: {folder} not found")
        return
    try:
        import trafilatura
    except ImportError:
        print("skipping: trafilatura not installed (pip install trafilatura lxml_html_clean)")
        return
    pages = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and name.lower().endswith((".html", ".htm")):
            with open(path, "rb") as f:
                pages.append(f.read())
    total_bytes = sum(len(p) for p in pages)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    extracted = 0
    for page in pages:
        if trafilatura.extract(page) is not None:
            extracted += 1
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    print(
        f"trafilatura {trafilatura.__version__} extract(): {len(pages)} pages "
        f"({total_bytes / 1e6:.1f} MB, {extracted} with text): "
        f"cpu {cpu:.2f} s = {len(pages) / cpu:.1f} pages/s; wall {wall:.2f} s = {len(pages) / wall:.1f} pages/s"
    )
    if newsmill_cpu:
        print(
            f"newsmill cpu {newsmill_cpu:.2f} s = {len(pages) / newsmill_cpu:.1f} pages/s: "
            f"ratio newsmill/trafilatura (pages/s, CPU) = {cpu / newsmill_cpu:.2f}x"
        )


if __name__ == "__main__":
    main()
