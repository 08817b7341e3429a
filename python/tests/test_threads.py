"""Batches on fahras's own pool: same results on any number of threads, the GIL
released, and safe after ``fork``."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading

import fahras
import pytest


def texts(sample_docs) -> list[str]:
    return [d["text"] for d in sample_docs]


def test_batch_equals_serial_on_any_number_of_threads(sample_docs) -> None:
    ex = fahras.Extractor()
    serial = [ex.extract(t, id=str(i)) for i, t in enumerate(texts(sample_docs))]
    for n in (1, 2, 3):
        assert ex.extract_batch(texts(sample_docs), n_threads=n) == serial
    with pytest.raises(ValueError, match="at least 1"):
        ex.extract_batch(["x"], n_threads=0)


def test_num_threads_setting() -> None:
    before = fahras.get_num_threads()
    try:
        fahras.set_num_threads(3)
        assert fahras.get_num_threads() == 3
    finally:
        fahras.set_num_threads(before)
    with pytest.raises(ValueError):
        fahras.set_num_threads(0)


def test_python_threads_run_while_a_batch_extracts(sample_docs) -> None:
    # With the GIL released, Python threads calling fahras at once all finish
    # and agree with a single-threaded run.
    ex = fahras.Extractor()
    expected = ex.extract_batch(texts(sample_docs), n_threads=1)
    results: list[object] = [None] * 4

    def work(i: int) -> None:
        results[i] = ex.extract_batch(texts(sample_docs), n_threads=2)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert all(r == expected for r in results)


def _child(texts: list[str], queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    docs = fahras.Extractor().extract_batch(texts, n_threads=2)
    queue.put([d.to_dict() for d in docs])


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_batches_work_in_a_forked_child_after_the_pool_ran(sample_docs) -> None:
    ex = fahras.Extractor()
    parent = [d.to_dict() for d in ex.extract_batch(texts(sample_docs), n_threads=2)]
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(texts(sample_docs), queue))
    proc.start()
    got = queue.get(timeout=120)
    proc.join(timeout=30)
    assert proc.exitcode == 0
    assert got == parent


def test_env_sets_the_default(monkeypatch) -> None:
    monkeypatch.setenv("FAHRAS_NUM_THREADS", "1")
    code = "import fahras; print(fahras.get_num_threads())"
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True)
    assert out.stdout.strip() == "1"
