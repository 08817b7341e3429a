"""Fixtures: the sample corpus, the shared corpus, and the ``fahras`` binary for parity checks."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _missing(what: str) -> None:
    # Under CI a missing input is a failure: the tests would prove nothing.
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing under CI")
    pytest.skip(f"{what} not found")


@pytest.fixture(scope="session")
def sample_docs() -> list[dict[str, Any]]:
    """The articles written for this project (``corpus-sample/gold.jsonl``), with gold entities."""
    with open(ROOT / "corpus-sample" / "gold.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` beside the repository (or ``$FAHRAS_SHARED``)."""
    path = Path(os.environ.get("FAHRAS_SHARED", ROOT.parent / "shared"))
    if not (path / "seeds").is_dir():
        _missing(str(path))
    return path


def read_news(shared: Path) -> list[dict[str, Any]]:
    """Every article of the shared news corpora, as JSON objects with ``id`` and ``text``."""
    docs = []
    for name in (
        "arabic_newspapers_corpus/anc_news.jsonl.gz",
        "saudinewsnet/saudinewsnet_sample.jsonl.gz",
    ):
        with gzip.open(shared / "corpus" / name, "rt", encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f if line.strip())
    return docs


@pytest.fixture(scope="session")
def shared_news(shared: Path) -> list[dict[str, Any]]:
    return read_news(shared)


@pytest.fixture(scope="session")
def fahras_bin() -> Path:
    """The CLI, built by ``scripts/test.sh`` (``$FAHRAS_BIN``), else the newest in ``target/``."""
    if "FAHRAS_BIN" in os.environ:
        return Path(os.environ["FAHRAS_BIN"])
    found = [p for p in (ROOT / "target/release/fahras", ROOT / "target/debug/fahras") if p.exists()]
    if not found:
        _missing("the fahras binary (cargo build -p fahras-cli)")
    return max(found, key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="session")
def cli(fahras_bin: Path) -> Any:
    """Run ``fahras ARGS`` and return its stdout; a failing exit fails the test."""

    def run(*args: str, input: str | None = None, ok: tuple[int, ...] = (0, 1)) -> str:
        proc = subprocess.run(
            [str(fahras_bin), *args],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert proc.returncode in ok, proc.stderr
        return proc.stdout

    return run
