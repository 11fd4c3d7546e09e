"""Fuzzing every door: each public loader and each command gets real files mutated at the
byte level and in their structure (bytes inserted, cut, repeated up to 1 MB, nested,
re-encoded), and may only answer with a result or its typed error, never a traceback.

The default profile runs a modest number of examples; ``HYPOTHESIS_PROFILE=thorough``
(1,000 examples a test) searches before a release.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from par_index.cli import main
from par_index.core.decode import decode_bytes
from par_index.examples.ba_trang import example_path
from par_index.examples.evidence import ba_trang_evidence
from par_index.exceptions import LoadError
from par_index.formats.columnar_reader import read_dossier_table
from par_index.formats.json import dumps, loads
from par_index.formats.portal import (
    loads_dossiers_csv,
    loads_dossiers_json,
    loads_procedures_json,
)
from par_index.formats.scorecard_text import scorecard_converter
from par_index.frameworks.loader import get_framework, loads_framework
from par_index.scoring.engine import score
from par_index.scoring.evidence import Evidence
from par_index.scoring.scorecard import Scorecard

#: The largest input drawn: 1 MB.
LIMIT = 1 << 20
#: Examples per test: modest every day, the profile's own count when it searches harder.
EXAMPLES = settings().max_examples if settings().max_examples >= 1000 else 12
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _seed(name: str) -> bytes:
    return example_path(name).read_bytes()


SEEDS: dict[str, bytes] = {
    "csv": _seed("ba-trang-2023-h1.synthetic-dossiers.csv"),
    "procedures": _seed("ba-trang-2023-h1.synthetic-procedures.json"),
    "report": _seed("ba-trang-2023-h1.md"),
    "framework": (
        Path(__file__).parents[1] / "src/par_index/frameworks/data/example-commune.toml"
    ).read_bytes(),
    "evidence": dumps(ba_trang_evidence(), converter=scorecard_converter()).encode(),
    "scorecard": dumps(
        score(get_framework("example-commune"), ba_trang_evidence()),
        converter=scorecard_converter(),
    ).encode(),
}
# Dossiers as JSON: the CSV's rows, as the loader writes them.
SEEDS["dossiers"] = json.dumps(
    {"dossiers": json.loads(dumps(list(loads_dossiers_csv(SEEDS["csv"]).records[:20])))},
    ensure_ascii=False,
).encode()

_ENCODINGS = (None, "utf-16", "utf-16-le", "utf-8-sig", "cp1258", "latin-1")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` after a few byte and structure mutations, at most :data:`LIMIT` bytes."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 4))):
        size = len(data)
        i = draw(st.integers(0, size))
        j = draw(st.integers(i, min(size, i + 2000)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "repeat", "cut", "nest"]))
        if op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[i:j]
        elif op == "replace" and i < size:
            data[i] = draw(st.integers(0, 255))
        elif op == "repeat" and j > i:
            times = draw(st.integers(2, max(2, (LIMIT - size) // (j - i))))
            data[i:j] = data[i:j] * times
        elif op == "cut":
            del data[i:]
        elif op == "nest":
            depth = draw(st.integers(1, 5000))
            opening = draw(st.sampled_from([b"[", b"{", b'{"a":', b"[[", b"a = ["]))
            data[i:i] = opening * depth
        del data[LIMIT:]
    raw = bytes(data)
    encoding = draw(st.sampled_from(_ENCODINGS))
    if encoding is not None:
        raw = raw.decode("utf-8", "replace").encode(encoding, "replace")[:LIMIT]
    return raw


LOADERS: dict[str, tuple[str, Callable[[bytes], object]]] = {
    "decode_bytes": ("report", decode_bytes),
    "loads_dossiers_csv": ("csv", lambda b: loads_dossiers_csv(b, partial=True)),
    "read_dossier_table": ("csv", lambda b: read_dossier_table(b, partial=True)),
    "loads_dossiers_json": ("dossiers", lambda b: loads_dossiers_json(b, partial=True)),
    "loads_procedures_json": ("procedures", lambda b: loads_procedures_json(b, partial=True)),
    "loads_framework": ("framework", loads_framework),
    "loads(Evidence)": ("evidence", lambda b: loads(Evidence, b, converter=scorecard_converter())),
    "loads(Scorecard)": (
        "scorecard",
        lambda b: loads(Scorecard, b, converter=scorecard_converter()),
    ),
}


@pytest.mark.parametrize("name", sorted(LOADERS))
@FUZZ
@given(data=st.data())
def test_loaders_answer_with_a_result_or_a_load_error(name: str, data: st.DataObject) -> None:
    seed, load = LOADERS[name]
    raw = data.draw(mutated(SEEDS[seed]), label="input")
    error: LoadError | None = None
    try:
        load(raw)
    except LoadError as exc:
        error = exc
    if error is not None:
        assert error.problems
        assert all(p.path and p.code for p in error.problems)
        assert len(error.problems) <= 1000


#: Each command with the seed its file argument starts from ({} is the file).
COMMANDS: list[tuple[str, str, list[str]]] = [
    ("report", "t.md", ["refs", "{}"]),
    ("csv", "d.csv", ["dossiers", "check", "{}", "--format", "json"]),
    ("dossiers", "d.json", ["dossiers", "check", "{}"]),
    ("csv", "d.csv", ["dossiers", "stats", "{}", "--period", "6 tháng đầu năm 2023"]),
    ("framework", "f.toml", ["frameworks", "check", "{}", "--format", "json"]),
    ("framework", "f.toml", ["frameworks", "show", "{}"]),
    ("evidence", "e.json", ["score", "{}", "--format", "md"]),
    ("scorecard", "c.json", ["rank", "{}", "--format", "json"]),
    ("report", "r.md", ["report", "check", "{}"]),
]


@pytest.mark.parametrize(
    ("seed", "name", "argv"), COMMANDS, ids=[" ".join(c[2][:2]) for c in COMMANDS]
)
@FUZZ
@given(data=st.data())
def test_commands_never_show_a_traceback(
    seed: str, name: str, argv: list[str], data: st.DataObject
) -> None:
    raw = data.draw(mutated(SEEDS[seed]), label="file")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        out = io.StringIO()
        status = main([a.replace("{}", str(path)) for a in argv], out)
    assert status in (0, 1), status  # 3 would be an internal error
    if "json" in argv and out.getvalue():
        parsed: Any = json.loads(out.getvalue())
        assert isinstance(parsed, dict | list)


_WORDS = st.text(max_size=40) | st.sampled_from(
    ["9999-12-31T23:00:00-12:00", "0001-01-01", "1e999999 ngày làm việc", "-5", "Quý I/2020"]
)


@FUZZ
@given(
    command=st.sampled_from(
        ["period", "calendar due", "calendar add", "calendar between", "calendar year"]
    ),
    words=st.lists(_WORDS, min_size=1, max_size=3),
)
def test_commands_with_any_arguments(command: str, words: list[str]) -> None:
    out = io.StringIO()
    try:
        status = main([*command.split(), *words], out)
    except SystemExit as exc:  # a usage error: argparse's exit
        status = 2 if exc.code == 2 else -1
    assert status in (0, 1, 2), status
