#!/usr/bin/env python3
"""The newsmill shard protocol on Ray tasks (docs/scale.md): the same commands as
newsmill_dask.py, each shard a `@ray.remote` task. `--dry-run` prints them.

    python3 scripts/newsmill_ray.py DIR --out OUT --shards 8 [--address ray://host:10001]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import newsmill_dask as protocol  # noqa: E402


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    address = None
    if "--address" in argv:
        at = argv.index("--address")
        address = argv[at + 1]
        del argv[at : at + 2]
    args = protocol.parse(argv)
    work, index_tasks, index_merge, run_tasks, merge = protocol.plan(args)
    if args.dry_run:
        for command in index_tasks + [index_merge] + run_tasks + [merge]:
            print(" ".join(command))
        return 0
    import ray  # only needed to run

    os.makedirs(work, exist_ok=True)
    ray.init(address=address)
    task = ray.remote(num_cpus=args.jobs)(protocol.run_command)
    protocol.check(ray.get([task.remote(c) for c in index_tasks]))
    protocol.check([protocol.run_command(index_merge)])
    protocol.check(ray.get([task.remote(c) for c in run_tasks]))
    protocol.check([protocol.run_command(merge)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
