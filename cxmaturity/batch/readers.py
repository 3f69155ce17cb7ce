"""Input files → bounded chunks of assessment documents, each with where it came from.

A chunk is a list of `Record`s: the input's name, the line (JSON Lines: the line; CSV: the
record, the header being line 1; Parquet: the row, from 1) and either the document or why the
line cannot be read. Nothing but the current chunk is held, so memory stays flat whatever
the number of rows. CSV and Parquet are read by pyarrow as streamed record batches; JSON Lines
by the standard library line by line, because an answer's value is a string, a list or a
number depending on the question, which pyarrow's JSON reader cannot hold in one column.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cxmaturity.batch.column_map import ColumnMap
from cxmaturity.batch.wide import CellError, document
from cxmaturity.errors import CxError
from cxmaturity.formats.models import Questionnaire

CHUNK = 2000
FORMATS = ("jsonl", "csv", "parquet")


@dataclass(frozen=True, slots=True)
class Record:
    """One input line: its document, or the reason it cannot be read, or (JSON Lines) the
    line's bytes still to be parsed (`parsed`), where it is scored: on a Dask worker, or just
    before its scoring, so that a chunk holds lines rather than documents."""

    source: str
    line: int
    data: dict[str, Any] | None = None
    error: str | None = None
    raw: bytes | None = None

    def parsed(self) -> Record:
        """This record with its line parsed: the document, or why it is not one."""
        if self.raw is None:
            return self
        return Record(self.source, self.line, *parse_line(self.raw))


def input_format(path: str, given: str | None = None) -> str:
    """The format of `path` by its suffix (`.jsonl`, `.ndjson`, `.csv`, `.parquet`), or `given`."""
    if given:
        if given not in FORMATS:
            raise CxError(f"unknown input format '{given}' (expected {', '.join(FORMATS)})")
        return given
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".csv", ".parquet"):
        return suffix[1:]
    if path == "-":
        raise CxError("reading standard input needs --input-format jsonl or csv")
    raise CxError(f"{path}: cannot tell the format from the suffix (use .jsonl, .csv or .parquet, or --input-format)")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of lines of a JSON Lines file, read where it is scored (on a Dask worker, which
    sees the same files): the file, the byte range, the number of its first line."""

    path: str
    start: int
    end: int
    first_line: int

    def records(self) -> list[Record]:
        """The span's lines as records, numbered as `read` numbers them."""
        with open(self.path, "rb") as stream:
            stream.seek(self.start)
            data = stream.read(self.end - self.start)
        lines = data.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()  # the end of the last line, not a line
        return [Record(self.path, number, raw=raw) for number, raw in enumerate(lines, start=self.first_line)
                if raw.strip()]


def spans(path: str, size: int = CHUNK) -> Iterator[Span]:
    """A JSON Lines file cut into runs of `size` lines: only the line ends are looked for here
    (a block at a time), so that the lines themselves are read and parsed where they are
    scored."""
    if not Path(path).is_file():
        raise CxError(f"{path}: no such file")
    start = offset = count = 0
    first = 1
    with open(path, "rb") as stream:
        while block := stream.read(1 << 22):
            pos = 0
            while True:
                found = block.count(b"\n", pos)
                if count + found < size:
                    count += found
                    break
                for _ in range(size - count):
                    pos = block.index(b"\n", pos) + 1
                yield Span(path, start, offset + pos, first)
                start, first, count = offset + pos, first + size, 0
            offset += len(block)
    if offset > start:
        yield Span(path, start, offset, first)


def _json_loads() -> Callable[[bytes], Any]:
    # orjson parses a line in well under half the time of the standard library
    # (perf/batch_speed.py)
    try:
        import orjson
    except ImportError:
        return json.loads
    return orjson.loads


_loads = _json_loads()


def parse_line(raw: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """(the assessment document on a JSON line, None), or (None, why it is not one)."""
    try:
        data = _loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return None, f"not valid JSON: {getattr(exc, 'msg', exc)}"
    except RecursionError:
        return None, "nested too deeply"
    if not isinstance(data, dict):
        return None, "expected one assessment object on the line"
    return data, None


def _jsonl(stream: IO[bytes], name: str, size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        chunk.append(Record(name, number, raw=raw))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _wide(rows: Iterator[tuple[int, dict[str, Any] | str]], name: str, size: int,
          questionnaire: Questionnaire, column_map: ColumnMap) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for number, cells in rows:
        if isinstance(cells, str):
            chunk.append(Record(name, number, error=cells))
        else:
            try:
                data = document(column_map.cells(cells), questionnaire, default_id=f"row-{number}")
            except CellError as exc:
                chunk.append(Record(name, number, error=str(exc)))
            else:
                chunk.append(Record(name, number, data))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def pyarrow() -> Any:
    """pyarrow, or a CxError saying how to install it."""
    try:
        import pyarrow as pa
        import pyarrow.csv
        import pyarrow.parquet  # noqa: F401 - loaded here so that a missing part fails here
    except ImportError:
        raise CxError("CSV and Parquet need pyarrow: pip install 'cxmaturity[batch]'") from None
    return pa


def _csv_rows(source: Any, block: int) -> Iterator[tuple[int, dict[str, Any] | str]]:
    pa = pyarrow()
    import pyarrow.csv as pcsv

    if isinstance(source, (str, Path)):
        with open(source, "rb") as f:
            header = f.readline()
    else:
        header = source.readline()
        source = _Prefixed(header, source)
    names = next(iter(__import__("csv").reader([header.decode("utf-8-sig")])), [])
    invalid: list[tuple[int, str]] = []

    def handler(row: Any) -> str:
        invalid.append((row.number, f"{row.actual_columns} cells where the header has {row.expected_columns}"))
        return "skip"

    reader = pcsv.open_csv(
        source,
        read_options=pcsv.ReadOptions(block_size=block, use_threads=False, encoding="utf8"),
        parse_options=pcsv.ParseOptions(invalid_row_handler=handler, newlines_in_values=True),
        convert_options=pcsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False),
    )
    # Good rows are numbered by counting records and stepping over the invalid ones; the
    # handler has seen a batch's invalid rows before the batch comes out (and may have seen
    # later ones: they wait for their turn).
    record = 1  # the header
    bad: dict[int, str] = {}
    for batch in reader:
        bad.update(invalid)
        invalid.clear()
        for cells in batch.to_pylist():
            record += 1
            while record in bad:
                yield record, bad.pop(record)
                record += 1
            yield record, cells
    bad.update(invalid)
    for n in sorted(bad):
        yield n, bad[n]


class _Prefixed(io.RawIOBase):
    """A stream with its first line put back (read to learn the column names)."""

    def __init__(self, first: bytes, rest: IO[bytes]):
        self._first, self._rest = first, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._first:
            n = min(len(buffer), len(self._first))
            buffer[:n], self._first = self._first[:n], self._first[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _parquet_rows(path: str, size: int) -> Iterator[tuple[int, dict[str, Any]]]:
    pyarrow()
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=size):
        for cells in batch.to_pylist():
            number += 1
            yield number, cells


def read(
    path: str,
    questionnaire: Questionnaire,
    column_map: ColumnMap | None = None,
    given_format: str | None = None,
    size: int = CHUNK,
    stdin: Callable[[], IO[bytes]] = lambda: sys.stdin.buffer,
) -> Iterator[list[Record]]:
    """Chunks of at most `size` records from one input (`-` for standard input)."""
    kind = input_format(path, given_format)
    name = "<stdin>" if path == "-" else path
    column_map = column_map or ColumnMap()
    if path != "-" and not Path(path).is_file():
        raise CxError(f"{path}: no such file")
    if kind == "jsonl":
        if path == "-":
            yield from _jsonl(stdin(), name, size)
        else:
            with open(path, "rb") as stream:
                yield from _jsonl(stream, name, size)
    elif kind == "csv":
        source: Any = stdin() if path == "-" else path
        yield from _wide(_csv_rows(source, 1 << 20), name, size, questionnaire, column_map)
    else:
        if path == "-":
            raise CxError("Parquet cannot be read from standard input; give its path")
        yield from _wide(_parquet_rows(path, size), name, size, questionnaire, column_map)
