"""Starting the server: open the database, load the core, print the consultant's link, run
uvicorn; or move engagements to and from files (--export, --import) and stop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cxmaturity.errors import CxError

NO_TLS = ("Warning: listening on {host}, not only on this machine: the server has no TLS, so the "
          "links and answers cross the network in clear. Put it behind an HTTPS proxy.")


def _need_web_stack() -> None:
    """A CxError naming the extra when a package of the web stack is not installed."""
    from importlib.util import find_spec

    wanted = {"starlette": "starlette", "jinja2": "jinja2", "uvicorn": "uvicorn",
              "python-multipart": ("python_multipart", "multipart")}
    for package, modules in wanted.items():
        if not any(find_spec(m) for m in ((modules,) if isinstance(modules, str) else modules)):
            raise CxError(f"serve needs the web extra ({package} is missing): pip install 'cxmaturity[web]'")


def link(host: str, port: int, token: str) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/c/{token}"


def _bind(host: str, port: int):
    """The listening socket, bound before the link is printed (so that --port 0 prints the
    port the system chose)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise CxError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def run(*, host: str, port: int, db: Path, export: Path | None, imports: list[Path], lang: str,
        plugins_dir: list[Path], strict: bool, cohorts: list[Path], weights: Path | None,
        echo: Callable[..., None]) -> None:
    """The `serve` command (see cli.serve)."""
    from cxmaturity.evaluation.stages import load_stage_model
    from cxmaturity.web.engagements import Core
    from cxmaturity.web.security import is_loopback
    from cxmaturity.web.store import Store
    from cxmaturity.workspace.workspace import open_registry

    if export is not None and imports:
        raise CxError("--export and --import cannot be combined: run one, then the other")
    if export is None and not imports:
        _need_web_stack()
    model = load_stage_model(weights)
    registry = open_registry(plugins_dir or (), strict=strict, cohorts=cohorts or ())
    for line in registry.warnings:
        echo(f"Warning: {line}", err=True)
    core = Core(registry, model)
    store = Store(db)
    try:
        if export is not None:
            from cxmaturity.web.transfer import export as export_all

            written = export_all(store, core, export)
            echo(f"Wrote {len(written)} file(s) under {export}")
            return
        if imports:
            from cxmaturity.web.transfer import import_files

            created = import_files(store, core, imports)
            echo(f"Imported {len(imports)} file(s) into {len(created)} engagement(s) in {db}")
            return
        import uvicorn

        from cxmaturity.web.app import create_app

        app = create_app(store, core, lang)
        if not is_loopback(host):
            echo(NO_TLS.format(host=host), err=True)
        sock = _bind(host, port)
        config = uvicorn.Config(app, log_level="warning", access_log=False)
        echo(f"cxmaturity serve: {db} (schema version {store.version()})")
        echo("The consultant's link (keep it secret):")
        echo(f"    {link(host, sock.getsockname()[1], app.state.server.admin)}")
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        store.close()
