"""Where the chunks are scored: in this process (the default), or on a Dask cluster.

Both run `rows.score_chunk` on the same chunks and give its results back in input order, so
the output does not depend on the engine. The Dask engine keeps a bounded number of chunks in
flight, so that memory stays flat on the client too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from cxmaturity.batch.readers import Record
from cxmaturity.batch.rows import Scored, Settings, score_chunk
from cxmaturity.errors import CxError

ENGINES = ("local", "dask")


def local(chunks: Iterable[list[Record]], settings: Settings) -> Iterator[Scored]:
    for chunk in chunks:
        yield score_chunk(chunk, settings)


def dask(chunks: Iterable[list[Record]], settings: Settings, scheduler: str | None = None,
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
            pending.append(client.submit(score_chunk, chunk, settings, pure=False))
            while len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if own:
            client.close()


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
