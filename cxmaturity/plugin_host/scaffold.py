"""A new plugin distribution, ready to install and test: ``cxmaturity plugin new NAME``.

The files come from the templates shipped in ``cxmaturity/templates/plugin/`` (plain
`string.Template` text, read with `importlib.resources`): the standard library does the whole
job, where a template engine such as copier or cookiecutter would add a dependency and its
import time for eight small files. Optional parts (a questionnaire, a cohort file, a playbook)
add their file, their hook and their test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from string import Template

from cxmaturity.errors import CxError

NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: The questions the scorer reads when the plugin brings no questionnaire of its own: two
#: questions of the 2018 survey instrument, with their most mature option.
SURVEY_QUESTIONS = (("practices.agents_train_bots", "in_place"), ("practices.decision_support", "live"))

#: The optional parts, in the order their hooks and tests are written.
PARTS = ("questionnaires", "cohorts", "playbooks")


@dataclass(frozen=True)
class Names:
    """Every name a plugin called `plugin` goes by."""

    plugin: str  # acme-demo: the entry point's name, the scorer's name
    module: str  # cxmaturity_acme_demo
    dist: str  # cxmaturity-acme-demo: the distribution and its folder
    cls: str  # AcmeDemoScorer
    dimension: str  # acme_demo
    label: str  # Acme demo


def names_of(name: str) -> Names:
    """The names of a plugin from the NAME given to ``plugin new`` (kebab-case; a leading
    ``cxmaturity-`` is dropped, since the distribution gets it anyway)."""
    plugin = name.strip().lower().removeprefix("cxmaturity-")
    if not NAME.match(plugin):
        raise CxError(f"'{name}' is not a plugin name: use lower-case words joined by '-' (like 'acme-demo')")
    words = plugin.split("-")
    return Names(
        plugin=plugin,
        module="cxmaturity_" + "_".join(words),
        dist="cxmaturity-" + plugin,
        cls="".join(w.capitalize() for w in words) + "Scorer",
        dimension="_".join(words),
        label=" ".join(words).capitalize(),
    )


def _template(name: str) -> Template:
    return Template(files("cxmaturity").joinpath("templates", "plugin", name).read_text(encoding="utf-8"))


def render(name: str, parts: tuple[str, ...] | list[str] = ()) -> dict[str, str]:
    """The files of the new distribution, relative path → text. `parts` is any of `PARTS`."""
    from cxmaturity._version import __version__
    from cxmaturity.plugin_host.api_version import API_VERSION

    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        raise CxError(f"unknown part '{unknown[0]}' (one of: {', '.join(PARTS)})")
    n = names_of(name)
    own = "questionnaires" in parts
    if own:
        (q1, best1), (q2, best2) = (f"{n.dimension}.measured", "in_place"), (f"{n.dimension}.acted_on", "in_place")
    else:
        (q1, best1), (q2, best2) = SURVEY_QUESTIONS
    hooks = ["register_scorers"] + [f"register_{p}" for p in PARTS if p in parts]
    fields = {
        "plugin": n.plugin, "module": n.module, "dist": n.dist, "cls": n.cls, "dimension": n.dimension,
        "label_en": n.label, "label_fr": n.label, "api": API_VERSION,
        "cx_version": ".".join(__version__.split(".")[:2]),
        "questionnaire": n.plugin if own else "cx-ai-2018",
        "q1": q1, "q2": q2, "q1_best": best1, "q2_best": best2,
        "questions": f'"{q1}", "{q2}"',
        "path_import": "\nfrom pathlib import Path\n" if parts else "",
        "here": "HERE = Path(__file__).parent\n" if parts else "",
        "hooks": ", ".join(hooks),
        "extras_readme": _readme_extras(parts),
    }
    module = _template("module.py.tmpl").substitute(fields)
    tests = _template("test_plugin.py.tmpl").substitute(fields)
    out = {
        "pyproject.toml": _template("pyproject.toml.tmpl").substitute(fields),
        "README.md": _template("README.md.tmpl").substitute(fields),
        "tests/conftest.py": _template("conftest.py.tmpl").substitute(fields),
    }
    data = {"questionnaires": "questionnaire.yaml", "cohorts": "cohorts.yaml", "playbooks": "playbook.yaml"}
    for part in PARTS:
        if part not in parts:
            continue
        module += _template(f"hook_{part}.tmpl").substitute(fields)
        tests += _template(f"test_{part}.tmpl").substitute(fields)
        out[f"{n.module}/{data[part]}"] = _template(f"{data[part]}.tmpl").substitute(fields)
    out[f"{n.module}/__init__.py"] = module
    out[f"tests/test_{n.dimension}.py"] = tests
    return dict(sorted(out.items()))


def _readme_extras(parts) -> str:
    words = {
        "questionnaires": "its own questionnaire (`questionnaire.yaml`)",
        "cohorts": "a cohort file of its clients (`cohorts.yaml`)",
        "playbooks": "a playbook (`playbook.yaml`)",
    }
    chosen = [words[p] for p in PARTS if p in parts]
    return f" It also brings {', '.join(chosen)}." if chosen else ""


def write(name: str, where: Path, parts: tuple[str, ...] | list[str] = ()) -> tuple[Path, list[Path]]:
    """Write the new distribution in a new folder under `where` (named after the distribution);
    return the folder and the files written. An existing folder is never overwritten."""
    texts = render(name, parts)
    folder = Path(where) / names_of(name).dist
    if folder.exists():
        raise CxError(f"{folder}: already exists; choose another name or folder (--dir)")
    written = []
    for rel, text in texts.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return folder, written
