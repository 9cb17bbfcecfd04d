"""newsevents.dask on a real distributed.LocalCluster gives exactly the single-process events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import newsevents as ne  # noqa: E402
from newsevents import dask as nd  # noqa: E402
from newsevents.batch import parse_record, read_records  # noqa: E402


@pytest.fixture(scope="module")
def cluster_client():
    # the dashboard on any free port: the default, 8787, may be taken by another cluster on the machine
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def write_batches(corpus, tmp_path):
    """The dev corpus as two JSON Lines files, plus one bad line."""
    texts = sorted(corpus.glob("*.txt"))
    files = []
    for part in range(2):
        lines = [
            json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")})
            for path in texts[part::2]
        ]
        if part == 1:
            lines.insert(1, '{"id": "broken", "published": "2016-01-01"}')
        target = tmp_path / f"articles-{part}.jsonl"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(target)
    return files


def test_cluster_matches_single_process(corpus, tmp_path, cluster_client):
    """Two Dask workers find exactly the events one process finds, and report the bad record."""
    files = write_batches(corpus, tmp_path)
    single = []
    for path in files:
        for item in read_records(path.read_bytes(), name=str(path)):
            if not isinstance(item, ne.DecodeError):
                single.extend(parse_record(item))
    records = nd.read_jsonl([str(p) for p in files])
    events = nd.parse(records)
    on_cluster = events.compute()
    key = lambda e: (e["source"], e["id"])
    assert sorted(single, key=key) == sorted(on_cluster, key=key)
    assert single
    problems = nd.failures(records).compute()
    assert 1 == len(problems)
    assert "broken" in problems[0]

    written = nd.write_jsonl(events, str(tmp_path / "out" / "events-*.jsonl"))
    lines = [line for path in written for line in Path(path).read_text(encoding="utf-8").splitlines()]
    assert sorted(single, key=key) == sorted((json.loads(line) for line in lines), key=key)

    xml_dir = tmp_path / "xml"
    xml_dir.mkdir()
    documents = nd.write_newsml(events, str(xml_dir))
    from newsevents.newsml import from_newsml

    read_back = [ne.to_dict(e) for path in documents for e in from_newsml(Path(path).read_bytes())]
    assert sorted(single, key=key) == sorted(read_back, key=key)
