"""The hook caller gives each hook the arguments its spec declares, whatever they are."""

from __future__ import annotations

import pytest

from cxmaturity.plugin_host import hookspecs
from cxmaturity.plugin_host.manager import hook_arguments


def test_a_register_hook_gets_register_alone():
    def register(item):
        return item

    assert hook_arguments("register_scorers", register=register, registry=object()) == {"register": register}


def test_a_hook_with_another_shape_gets_what_its_spec_declares(monkeypatch):
    def register_renderers(register, lang):  # a later hook, declared with two arguments
        """A hook of another shape."""

    monkeypatch.setattr(hookspecs, "register_renderers", register_renderers, raising=False)
    assert hook_arguments("register_renderers", register=print, lang="fr", registry=None) == {
        "register": print, "lang": "fr"}
    with pytest.raises(TypeError, match="declares lang"):
        hook_arguments("register_renderers", register=print)
