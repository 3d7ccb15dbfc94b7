#!/usr/bin/env python3
"""Run newsmill over a folder as N shards on a Dask cluster, then merge (docs/scale.md).

The protocol is newsmill's own and engine-agnostic; this driver only schedules it:
  1. `newsmill index DIR --shard I/N --out W/index-I.json`   (N tasks: the first pass)
  2. `newsmill index --merge W/index-*.json --out W/index.json` (here, small)
  3. `newsmill run DIR --shard I/N --corpus-index W/index.json --out W/shard-I` (N tasks)
  4. `newsmill merge W/shard-* --out OUT`                    (here)
A task's output folder is committed whole with a completion marker, so a re-run skips the
shards already done. Every worker must see the binary, the config and the input folder at
the same paths (a shared file system).

    python3 scripts/newsmill_dask.py ../shared/data/bbc --out out --shards 4
    python3 scripts/newsmill_dask.py DIR --out OUT --scheduler tcp://host:8786
    python3 scripts/newsmill_dask.py DIR --out OUT --dry-run   # print the commands only
"""

import argparse
import os
import shutil
import subprocess
import sys


def find_binary(given):
    if given:
        return os.path.abspath(given)
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "target", "release", "newsmill")
    if os.path.exists(built):
        return os.path.abspath(built)
    found = shutil.which("newsmill")
    if not found:
        sys.exit("newsmill: no binary (build it, or give --binary)")
    return found


def plan(args):
    """The four steps as lists of commands: (index tasks, index merge, run tasks, merge)."""
    binary = find_binary(args.binary)
    work = os.path.abspath(args.work or args.out.rstrip("/") + ".shards")
    common = ["--config", os.path.abspath(args.config)] if args.config else []
    jobs = ["--jobs", str(args.jobs)]
    n = args.shards
    index_files = [os.path.join(work, f"index-{i}.json") for i in range(1, n + 1)]
    merged_index = os.path.join(work, "index.json")
    shard_dirs = [os.path.join(work, f"shard-{i}") for i in range(1, n + 1)]
    index_tasks = [
        [binary, "index", args.input, "--shard", f"{i}/{n}", "--out", index_files[i - 1]]
        + common + jobs
        for i in range(1, n + 1)
    ]
    index_merge = [binary, "index", "--merge", *index_files, "--out", merged_index] + common
    run_tasks = [
        [binary, "run", args.input, "--shard", f"{i}/{n}", "--out", shard_dirs[i - 1], "-q",
         "--corpus-index", merged_index] + common + jobs + (["--format", args.format] if args.format else [])
        for i in range(1, n + 1)
    ]
    merge = [binary, "merge", *shard_dirs, "--out", os.path.abspath(args.out)]
    return work, index_tasks, index_merge, run_tasks, merge


def run_command(command):
    """One task: the command's exit code and error output (exit 1 = document errors: fine)."""
    done = subprocess.run(command, capture_output=True, text=True)
    return done.returncode, " ".join(command), done.stderr[-2000:]


def check(results):
    for code, command, stderr in results:
        if code not in (0, 1):
            sys.exit(f"failed ({code}): {command}\n{stderr}")


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", help="folder of articles (same path on every worker)")
    p.add_argument("--out", required=True, help="merged output folder")
    p.add_argument("--shards", type=int, default=4)
    p.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    p.add_argument("--binary", help="newsmill binary (default: target/release/newsmill, else PATH)")
    p.add_argument("--config", help="pipeline config for every step")
    p.add_argument("--format", help="formats, as run --format (csv and jsonl are merged)")
    p.add_argument("--jobs", type=int, default=1, help="threads per task")
    p.add_argument("--work", help="folder for shard folders and index files (default OUT.shards)")
    p.add_argument("--dry-run", action="store_true", help="print the commands, run nothing")
    args = p.parse_args(argv)
    args.input = os.path.abspath(args.input)
    if args.shards < 1:
        p.error("--shards must be at least 1")
    return args


def main(argv=None):
    args = parse(argv)
    work, index_tasks, index_merge, run_tasks, merge = plan(args)
    if args.dry_run:
        for command in index_tasks + [index_merge] + run_tasks + [merge]:
            print(" ".join(command))
        return 0
    os.makedirs(work, exist_ok=True)
    from dask.distributed import Client, LocalCluster  # only needed to run

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        # pure=False: a task is a side effect (a folder), never cached by Dask.
        check(client.gather(client.map(run_command, index_tasks, pure=False)))
        check([run_command(index_merge)])
        check(client.gather(client.map(run_command, run_tasks, pure=False)))
        check([run_command(merge)])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"newsmill_dask: {args.shards} shards merged into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
