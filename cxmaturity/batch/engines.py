"""Where the chunks are scored: in this process (the default), or on a Dask cluster.

Both run `rows.score_chunk` on the same chunks and give its results back in input order, so
the output does not depend on the engine. The Dask engine keeps a bounded number of chunks in
flight, so that memory stays flat on the client too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from cxmaturity.batch.readers import Record, Span
from cxmaturity.batch.rows import Scored, Settings, columns, score_chunk
from cxmaturity.errors import CxError

ENGINES = ("local", "dask")


def local(chunks: Iterable[list[Record]], settings: Settings) -> Iterator[Scored]:
    for chunk in chunks:
        yield score_chunk(chunk, settings)


def dask(chunks: Iterable[list[Record] | Span], settings: Settings, scheduler: str | None = None,
         client: object | None = None, in_flight: int = 4) -> Iterator[Scored]:
    """The chunks scored as Dask tasks on the cluster at `scheduler` (or on `client`), at most
    `in_flight` per worker at a time, results in input order."""
    try:
        from distributed import Client
    except ImportError:
        raise CxError("--engine dask needs Dask: pip install 'cxmaturity[dask]'") from None
    own = client is None
    if own:
        try:
            client = Client(scheduler, timeout="10s") if scheduler else Client(processes=True, dashboard_address=None)
        except OSError as exc:
            raise CxError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        limit = max(2, in_flight * max(1, len(client.scheduler_info().get("workers", {}))))
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(score_remote, packed(chunk), settings, pure=False))
            while len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if own:
            client.close()


def packed(chunk: list[Record] | Span) -> tuple | list[Record] | Span:
    """A chunk as it travels to a worker: a span of a file as it is (the worker reads it); the
    lines of standard input as (source, line numbers, bytes), a few large objects rather than
    one per record; other chunks as they are."""
    if isinstance(chunk, Span):
        return chunk
    if chunk and all(r.raw is not None and r.source == chunk[0].source for r in chunk):
        return chunk[0].source, [r.line for r in chunk], [r.raw for r in chunk]
    return chunk


def score_remote(chunk: tuple | list[Record] | Span, settings: Settings) -> Scored:
    """`score_chunk` on a worker: the chunk read or unpacked, the rows sent back as one table."""
    if isinstance(chunk, Span):
        chunk = chunk.records()
    elif isinstance(chunk, tuple):
        source, lines, raws = chunk
        chunk = [Record(source, line, raw=raw) for line, raw in zip(lines, raws, strict=True)]
    scored = score_chunk(chunk, settings)
    try:
        from cxmaturity.batch.writers import to_table

        scored.table = to_table(columns(settings)[0], scored.columns, scored.count)
    except ImportError:  # no pyarrow on the worker: the columns travel as they are
        return scored
    scored.columns = {}
    return scored


def run(engine: str, chunks: Iterable[list[Record]], settings: Settings,
        scheduler: str | None = None) -> Iterator[Scored]:
    """The chunks scored by `engine`, in input order."""
    if engine == "local":
        if scheduler:
            raise CxError("--scheduler goes with --engine dask")
        return local(chunks, settings)
    if engine == "dask":
        return dask(chunks, settings, scheduler)
    raise CxError(f"unknown engine '{engine}' (expected {' or '.join(ENGINES)})")
