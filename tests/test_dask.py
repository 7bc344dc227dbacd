"""Corpus scale: the Dask adapter on a real LocalCluster of worker processes
gives exactly the findings the CLI gives on the same documents, including the
cross-document ones (resolved through a reduction)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEEDS, run_cli

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from lint.integrations.dask import check_bag, check_dataframe, sort_findings  # noqa: E402

KEYS = ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=50,
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def cli_findings() -> pd.DataFrame:
    proc = run_cli("check", "--isolated", "--format", "json", str(SEEDS))
    rows = json.loads(proc.stdout)["findings"]
    return sort_findings(pd.DataFrame(rows)[KEYS])


def seed_pairs() -> list[tuple[str, str]]:
    """Named as the CLI names them when walking the folder."""
    return [(str(p), p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def test_bag_on_a_cluster_equals_the_cli(client):
    import dask.bag as db

    bag = db.from_sequence(seed_pairs(), npartitions=2)
    got = sort_findings(check_bag(bag).compute()[KEYS])
    expected = cli_findings()
    assert len(expected) > 10
    assert "numbers.cross-document-day" in set(expected["rule"])  # crosses partitions
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_many_partitions_reduce_in_a_tree_and_equal_the_cli(client):
    import dask.bag as db

    # More partitions than a reduction level takes (8), so facts pass through
    # intermediate aggregations before the cross-document rules are resolved.
    pairs = seed_pairs()
    bag = db.from_sequence(pairs * 5, npartitions=20)
    got = check_bag(bag).compute()
    cross = got[got.rule == "numbers.cross-document-day"]
    assert len(cross) > 0
    once = sort_findings(check_bag(db.from_sequence(pairs, npartitions=4)).compute()[KEYS])
    per_document = got[~got.rule.str.startswith("numbers.cross-document")]
    assert len(per_document) == 5 * len(once[~once.rule.str.startswith("numbers.cross-document")])


def test_dataframe_column_with_ids(client):
    import dask.dataframe as dd

    frame = pd.DataFrame(seed_pairs(), columns=["doc", "body"])
    ddf = dd.from_pandas(frame, npartitions=3)
    got = sort_findings(check_dataframe(ddf, text="body", path="doc").compute()[KEYS])
    pd.testing.assert_frame_equal(got, cli_findings(), check_dtype=False)


def test_each_partition_is_checked_once(monkeypatch):
    # The findings and the cross-document facts come from the same check of a
    # partition; an optimised (fused, renamed) graph would run it twice.
    import dask.bag as db

    import lint.integrations.dask as adapter

    checked: list[int] = []
    real_check = adapter._check_partition

    def counted(items, config):
        items = list(items)
        checked.append(len(items))
        return real_check(items, config)

    monkeypatch.setattr(adapter, "_check_partition", counted)
    texts = [(f"{i}.txt", "Shelling hit Kiev on Monday. The the end.") for i in range(8)]
    with dask.config.set(scheduler="sync"):
        found = check_bag(db.from_sequence(texts, npartitions=4)).compute()
    assert checked == [2, 2, 2, 2]
    assert set(found["path"]) == {f"{i}.txt" for i in range(8)}


def test_documents_that_cannot_be_checked_are_failed_rows_and_the_rest_is_kept(client):
    import dask.bag as db

    from lint.integrations.dask import FAILED_RULE

    pairs = seed_pairs()
    bad = [
        ("none.txt", None),
        (b"caf\xe9.txt", "Missiles struck Kiev."),  # a path that is not UTF-8, as bytes
        ("sur\udcff.txt", "Missiles struck Kiev."),  # ... or as os.fsdecode gives it
        ("number.txt", 42),
        ("half.txt", "Half \ud800 a pair."),
    ]
    bag = db.from_sequence(pairs[:2] + bad + pairs[2:], npartitions=3)
    got = check_bag(bag).compute()  # no exception: the bad documents fail alone
    failed = got[got.rule == FAILED_RULE].sort_values("path")
    assert list(failed.path) == [
        "caf\\xe9.txt",
        "half.txt",
        "none.txt",
        "number.txt",
        "sur\\udcff.txt",
    ]
    assert set(failed.severity) == {"error"} and set(failed.line) == {1}
    reasons = dict(zip(failed.path, failed.message, strict=True))
    assert reasons["none.txt"] == "its text is missing (None); not checked"
    assert reasons["number.txt"] == "its text is a int, not a string; not checked"
    assert "not valid UTF-8" in reasons["caf\\xe9.txt"]
    rest = sort_findings(got[got.rule != FAILED_RULE][KEYS])
    pd.testing.assert_frame_equal(rest, cli_findings(), check_dtype=False)


def test_a_missing_text_in_a_dataframe_is_a_failed_row(client):
    import dask.dataframe as dd

    from lint.integrations.dask import FAILED_RULE

    rows = seed_pairs() + [("empty.txt", None)]
    ddf = dd.from_pandas(pd.DataFrame(rows, columns=["doc", "body"]), npartitions=3)
    got = check_dataframe(ddf, text="body", path="doc").compute()
    [failed] = got[got.rule == FAILED_RULE].itertuples()
    assert failed.path == "empty.txt" and "its text is missing" in failed.message
    rest = sort_findings(got[got.rule != FAILED_RULE][KEYS])
    pd.testing.assert_frame_equal(rest, cli_findings(), check_dtype=False)
