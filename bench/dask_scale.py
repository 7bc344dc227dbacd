"""Throughput of lint.integrations.dask on a LocalCluster of N worker processes.

    python -m bench.dask_scale bench/out/corpus-10mb 2     # prints one JSON line

The cluster is started (and the packs loaded on each worker, by a warm-up
document) before the clock starts: what is timed is reading the files on the
workers, checking them and resolving the cross-document rules.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _read(path: str) -> tuple[str, str]:
    return path, Path(path).read_text(encoding="utf-8")


def main() -> None:
    import dask.bag as db
    import distributed

    from lint.integrations.dask import check_bag

    folder, workers = Path(sys.argv[1]), int(sys.argv[2])
    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    size = sum(Path(p).stat().st_size for p in paths)
    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=50,
        ) as cluster,
        distributed.Client(cluster),
    ):
        warm = db.from_sequence([("warm.txt", "Shelling hit Kiev.")] * workers, npartitions=workers)
        check_bag(warm).compute()
        start = time.perf_counter()
        bag = db.from_sequence(paths, npartitions=max(workers * 8, 1)).map(_read)
        findings = check_bag(bag).compute()
        seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "workers": workers,
                "files": len(paths),
                "mb": round(size / 1e6, 2),
                "s": round(seconds, 2),
                "mb_s": round(size / 1e6 / seconds, 3),
                "findings": len(findings),
            }
        )
    )


if __name__ == "__main__":
    main()
