"""The README's Python examples run as written (blocks fenced ```python, in order,
sharing one namespace, from the repository root)."""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest
from conftest import ROOT

FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_has_python_examples() -> None:
    assert len(blocks()) >= 4


@pytest.mark.filterwarnings("ignore:Sending large graph")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_readme_python_examples_run(monkeypatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("dask.distributed")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "readme"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for code in blocks():
            exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README is ours
    printed = out.getvalue()
    assert "call تعزيز العمل" in printed
    assert os.path.isdir(str(namespace["path"]))
    assert namespace["results"].total > 0  # type: ignore[attr-defined]
