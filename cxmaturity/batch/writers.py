"""Rows → CSV, JSON Lines or Parquet, written chunk by chunk (nothing kept after a chunk).

The format comes from the suffix (`.csv`, `.jsonl`, `.parquet`); `-` writes JSON Lines to
standard output. CSV and Parquet go through pyarrow with a schema fixed before the first row.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

from cxmaturity.errors import CxError

OUTPUT_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def _type(column: str) -> Any:
    import pyarrow as pa

    if column in ("line", "open_questions") or column.endswith((".answered", ".asked")) or (
        column.startswith("cohort.") and column.rsplit(".", 1)[-1] in ("ahead", "level", "behind", "no_benchmark")
    ):
        return pa.int64()
    if column in ("score", "score_high", "coverage") or column.startswith("dim."):
        return pa.float64()
    if column == "certain":
        return pa.bool_()
    return pa.string()


def output_format(path: str) -> str:
    if path == "-":
        return "jsonl"
    kind = OUTPUT_FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise CxError(f"{path}: the output suffix picks the format: .csv, .jsonl or .parquet")
    return kind


class RowWriter:
    """Writes rows with the given columns to `path` in the format its suffix names."""

    def __init__(self, path: str, columns: list[str], stdout: IO[str] | None = None):
        self.path, self.columns, self.kind = path, columns, output_format(path)
        self._stream: IO[str] | None = None
        self._writer: Any = None
        self.count = 0
        if self.kind == "jsonl":
            self._stream = (stdout or sys.stdout) if path == "-" else open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        else:
            from cxmaturity.batch.readers import pyarrow

            pa = pyarrow()
            self._schema = pa.schema([(c, _type(c)) for c in columns])
            try:
                if self.kind == "csv":
                    import pyarrow.csv as pcsv

                    self._writer = pcsv.CSVWriter(path, self._schema)
                else:
                    import pyarrow.parquet as pq

                    self._writer = pq.ParquetWriter(path, self._schema)
            except OSError as exc:
                raise CxError(f"{path}: cannot write it ({exc})") from None

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.count += len(rows)
        if self.kind == "jsonl":
            assert self._stream is not None
            self._stream.write("".join(json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False) + "\n"
                                       for r in rows))
            return
        import pyarrow as pa

        table = pa.Table.from_pylist([{c: r.get(c) for c in self.columns} for r in rows], schema=self._schema)
        self._writer.write_table(table)

    def write_columns(self, columns: dict[str, list[Any]], count: int) -> None:
        """Rows given as columns (name → values), `count` of them."""
        if not count:
            return
        if self.kind == "jsonl":
            names = list(columns)
            self.write([dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)])
            return
        self.write_table(to_table(self.columns, columns, count))

    def write_table(self, table: Any) -> None:
        """Rows given as a pyarrow table of this writer's columns (`to_table`)."""
        if self.kind == "jsonl":
            self.write(table.to_pylist())
            return
        self.count += table.num_rows
        self._writer.write_table(table)

    def close(self) -> None:
        if self._stream is not None and self.path != "-":
            self._stream.close()
        elif self._stream is not None:
            self._stream.flush()
        if self._writer is not None:
            self._writer.close()


def to_table(names: list[str], columns: dict[str, list[Any]], count: int) -> Any:
    """The columns (name → values) as a pyarrow table with the types of `names`; a column not
    given is empty. Tables travel between processes as a few buffers, not as many objects."""
    import pyarrow as pa

    nothing = [None] * count
    return pa.Table.from_pydict({c: columns.get(c, nothing) for c in names},
                                schema=pa.schema([(c, _type(c)) for c in names]))


PLACEMENT_COLUMNS = ["source", "line", "company_id", "cohort", "question", "verdict", "certain", "figure", "confidence"]
ERROR_COLUMNS = ["source", "line", "reason"]
