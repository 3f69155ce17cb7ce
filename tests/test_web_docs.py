"""docs/serve.md keeps up with the command: every option of `cxmaturity serve` is described,
and the rules it states are the ones the code applies."""

from __future__ import annotations

from conftest import ROOT

DOC = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")


def test_every_serve_option_is_in_the_doc():
    import typer

    from cxmaturity.cli.serve import commands

    serve = typer.main.get_group(commands).commands["serve"]
    options = [opt for param in serve.params for opt in param.opts if opt.startswith("--") and opt != "--help"]
    assert "--plugins-dir" in options
    for option in options:
        assert f"`{option}" in DOC, option


def test_the_doc_states_the_schema_version_and_token_size_the_code_uses():
    from cxmaturity.web.store import SCHEMA_VERSION, new_token

    assert f"(schema version {SCHEMA_VERSION})" in DOC
    assert len(new_token()) == 43 and "256 random bits" in DOC


def test_the_doc_names_the_synchronous_mode_the_store_sets(tmp_path):
    from cxmaturity.web.store import Store

    store = Store(tmp_path / "a.db")
    try:
        mode = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[store.db.execute("PRAGMA synchronous").fetchone()[0]]
    finally:
        store.close()
    assert f"`synchronous={mode}`" in DOC
