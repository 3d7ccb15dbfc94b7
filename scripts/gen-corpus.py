#!/usr/bin/env python3
"""Writes N small, distinct generated news articles (about 700 bytes each) for memory and
throughput runs, 1,000 per sub-folder, or with --jsonl as JSON Lines files of 100,000
records each (a million files take long to create; a million records do not):

    scripts/gen-corpus.py 100000 /tmp/corpus-100k
    scripts/gen-corpus.py --jsonl 1000000 /tmp/corpus-1m
    /usr/bin/time -v target/release/newsmill run /tmp/corpus-1m --out /tmp/out-1m --quiet

Peak RSS is "Maximum resident set size" of time -v (and peak_rss_mb in run-report.json).
Every article differs (its number is spelled into names, places and counts), so clean.dedup
keeps them all, the worst case for what grows with the corpus.
"""
import json
import os
import sys

args = sys.argv[1:]
jsonl = args[0] == "--jsonl"
if jsonl:
    args = args[1:]
n, root = int(args[0]), args[1]
os.makedirs(root, exist_ok=True)
out = None
first = "Anna Boris Carla Dmitri Elena Farid Greta Hiro Ines Jonas".split()
last = "Smith Okafor Novak Garcia Kim Rossi Haddad Weber Silva Chen".split()
towns = "Leeds Bristol Lyon Porto Graz Turku Split Gdansk Bilbao Ghent".split()
for i in range(n):
    d = os.path.join(root, f"{i // 1000:04d}")
    if not jsonl and i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    a, b, c = i % 10, (i // 10) % 10, (i // 100) % 10
    who = f"{first[a]} {last[b]}"
    town = towns[c]
    text = (
        f"Council report {i} from {town}\n\n"
        f"The council of {town} met on Monday to discuss budget item {i}, officials said. "
        f"At least {i % 97 + 2} people were hurt when a bridge near {town} collapsed on "
        f"March {i % 28 + 1}, 2021, police said.\n\n"
        f"\"We will rebuild the bridge within {i % 11 + 2} months,\" said Mayor {who}, "
        f"who has led {town} since {1990 + i % 30}.\n\n"
        f"Reference {i:08d}: {' '.join(f'w{(i * 31 + k) % 5003}' for k in range(20))}.\n"
    )
    if jsonl:
        if i % 100_000 == 0:
            out = open(os.path.join(root, f"part-{i // 100_000:03d}.jsonl"), "w")
        title, body = text.split("\n\n", 1)
        out.write(json.dumps({"title": title, "text": body}) + "\n")
    else:
        with open(os.path.join(d, f"article-{i:08d}.txt"), "w") as f:
            f.write(text)
