"""A real distributed run: the shared corpus on a Dask LocalCluster of two worker
processes gives exactly the single-process result."""

from __future__ import annotations

import pytest


def test_dask_cluster_equals_single_process(shared_news, tmp_path) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    import fahras
    import fahras.dask

    import json

    docs = shared_news[::4]  # a quarter of the corpus keeps the test short
    df = pd.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs]})
    # Partitions as feed files, read by the workers themselves.
    paths = []
    for i in range(8):
        path = tmp_path / f"part-{i}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for d in docs[i::8]:
                f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
        paths.append(str(path))
    single = fahras.Extractor().to_pandas(df.text.tolist(), ids=df.id.tolist())

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        ddf = dd.read_json(paths, lines=True, dtype={"id": str, "text": str}, blocksize=None)
        got = fahras.dask.extract(ddf, column="text", id_column="id").compute()
        # Both worker processes took part.
        where = client.run(lambda: __import__("os").getpid())
        assert len(set(where.values())) == 2

    key = ["doc_id", "id"]
    got = got.sort_values(key).reset_index(drop=True)
    single = single.sort_values(key).reset_index(drop=True)
    assert len(got) == len(single) > 1000
    pd.testing.assert_frame_equal(got, single.astype(got.dtypes.to_dict()))
