"""The plugin system: folders, hooks, attribution, isolation of broken plugins, --strict, order.

Broken plugins live in tests/data/plugins/<case>/, one small module each; every case runs the
real `score` command on an example assessment beside a healthy plugin (`good/`), so a test
sees both that the run completed and that the broken plugin is named.
"""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import DATA, EXAMPLES, ROOT

from cxmaturity.errors import PluginError
from cxmaturity.plugin_host.checks import shown_path
from cxmaturity.plugin_host.manager import load_registry

PLUGINS = DATA / "plugins"
GOOD = PLUGINS / "good"
ASSESSMENT = EXAMPLES / "nordbank.yaml"  # front office "heavily", nps up 5-10
NO_PACKAGES = {"CXMATURITY_LOAD_PLUGINS": ""}  # keep installed plugins out of these tests


def _score(cli, *dirs, strict=False, fmt="json"):
    args = ["score", str(ASSESSMENT), "--format", fmt]
    for d in (GOOD, *dirs):
        args += ["--plugins-dir", str(d)]
    if strict:
        args.append("--strict")
    return cli(*args, env=NO_PACKAGES)


def _added(registry):
    """The scorers registered by plugins other than the built-in ones, by name."""
    return [s.name for s in registry.scorers if registry.plugin(registry.owner("scorers", s)).origin != "built-in"]


def _write_plugin(folder, name, code):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(textwrap.dedent(code))
    return folder


# --- each hook ---------------------------------------------------------------------------


def test_register_scorers(cli):
    result = _score(cli)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    echo = [f for f in doc["findings"] if f["scorer"] == "echo"]
    assert echo and echo[0]["score"] == 100.0  # heavily = 2 of 2 points
    assert {"id": "echo", "score": 100.0} .items() <= next(
        d for d in doc["dimensions"] if d["id"] == "echo"
    ).items()
    status = next(p for p in doc["plugins"] if p["name"] == "echo-scorer")
    assert status == {"name": "echo-scorer", "version": "1.2.3", "origin": "folder", "error": None}
    assert result.stderr == ""
    registry = load_registry([GOOD])
    assert registry.owner("scorers", "echo") == "echo-scorer"


def test_register_scorers_text_output(cli):
    result = _score(cli, fmt="text")
    assert result.exit_code == 0
    assert "Company        Nordbank AB" in result.stdout
    # the summary's dimension table: the plugin's dimension in words (it declares no label),
    # marked as outside the overall stage (the bundled model gives it no weight)
    row = next(line for line in result.stdout.splitlines() if line.startswith("Echo (no weight) "))
    assert row.split()[4] == "100" and row.rstrip().endswith("1 of 1")


def test_register_questionnaires(cli, tmp_path):
    q = tmp_path / "mini.yaml"
    q.write_text(
        (DATA / "plugins" / "bad_yaml" / "bad-questionnaire.yaml")
        .read_text()
        .replace("id: bad-one", "id: mini")
        .replace("optoins: []", "options:\n"
                 "          - {id: a, label: {en: A, fr: A}}\n"
                 "          - {id: b, label: {en: B, fr: B}}")
    )
    folder = _write_plugin(tmp_path / "p", "mini_questionnaire", f"""
        from cxmaturity import hookimpl

        @hookimpl
        def register_questionnaires(register):
            register({str(q)!r})
        """)
    result = cli("questionnaires", "--plugins-dir", str(folder), env=NO_PACKAGES)
    assert result.exit_code == 0, result.stderr
    ids = [line.split()[0] for line in result.stdout.splitlines()[1:] if not line.startswith(" " * 8)]
    assert ids == ["cx-ai-2018", "cx-ai-2018-quick", "mini"]
    registry = load_registry([folder])
    assert registry.owner("questionnaires", "mini") == "mini-questionnaire"
    assert registry.owner("questionnaires", "cx-ai-2018") == "questionnaires"


def test_register_questionnaires_reports_the_file_and_line(cli):
    result = cli("questionnaires", "--plugins-dir", str(PLUGINS / "bad_yaml"), env=NO_PACKAGES)
    assert result.exit_code == 0
    assert "cx-ai-2018" in result.stdout and "bad-one" not in result.stdout
    [warning] = result.stderr.splitlines()
    assert warning.startswith("Warning: plugin 'bad-questionnaire' failed in register_questionnaires: ")
    assert "bad-questionnaire.yaml:11: sections.0.questions.0.optoins: unknown field" in warning


def test_register_cohorts(tmp_path):
    registry = load_registry()
    assert [c.id for c in registry.cohort_files] == ["mit-tr-2018"]
    assert registry.owner("cohorts", "mit-tr-2018") == "cohorts"
    # A plugin may register a model instance as well as a path.
    folder = _write_plugin(tmp_path, "own_cohorts", """
        from cxmaturity import CohortFile, hookimpl

        @hookimpl
        def register_cohorts(register):
            register(CohortFile.model_validate({
                "id": "our-clients", "title": {"en": "Our clients", "fr": "Nos clients"},
                "origin": "portfolio", "questionnaire": "cx-ai-2018", "survey": {"n": 12},
                "cohorts": [{"id": "all", "label": {"en": "All", "fr": "Tous"}}],
            }))
        """)
    registry = load_registry([folder])
    assert [c.id for c in registry.cohort_files] == ["mit-tr-2018", "our-clients"]
    assert registry.owner("cohort_files", "our-clients") == "own-cohorts"
    assert registry.warnings == []


def test_register_playbooks(tmp_path):
    playbook = tmp_path / "tiny.yaml"
    playbook.write_text(textwrap.dedent("""\
        id: tiny
        title: {en: Tiny, fr: Minuscule}
        why: {en: For tests, fr: Pour les tests}
        source: tests
        phases:
          - id: one
            title: {en: One, fr: Un}
            done_when: {q: invest.front_office, in: [heavily]}
        """))
    folder = _write_plugin(tmp_path / "p", "tiny_playbook", f"""
        from cxmaturity import hookimpl

        @hookimpl
        def register_playbooks(register):
            register({str(playbook)!r})
        """)
    registry = load_registry([folder])
    assert "tiny" in [p.id for p in registry.playbooks]
    assert registry.owner("playbooks", "tiny") == "tiny-playbook"
    info = registry.plugin("tiny-playbook")
    assert info.hooks == ["register_playbooks"] and info.registered == {"playbooks": ["tiny"]}


# --- listing -----------------------------------------------------------------------------


def test_plugins_lists_third_party_only_unless_all(cli):
    result = cli("plugins", "--json", "--plugins-dir", str(GOOD), env=NO_PACKAGES)
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [p["name"] for p in listed] == ["echo-scorer"]
    assert listed[0]["origin"] == "folder" and listed[0]["hooks"] == ["register_scorers"]
    assert listed[0]["registered"] == {"scorers": ["echo"]} and listed[0]["version"] == "1.2.3"
    everything = json.loads(cli("plugins", "--json", "--all", env=NO_PACKAGES).stdout)
    builtins = {p.stem.replace("_", "-") for p in (ROOT / "plugins").glob("*.py")}
    assert {p["name"] for p in everything} == builtins
    assert {p["origin"] for p in everything} == {"built-in"}
    assert {"cohorts", "playbooks", "questionnaires"} <= builtins
    table = cli("plugins", "--plugins-dir", str(GOOD), env=NO_PACKAGES).stdout
    assert table.splitlines()[1].split() == ["echo-scorer", "1.2.3", "folder", "register_scorers",
                                             "scorers:", "echo"]


def test_two_folders_may_hold_modules_of_the_same_file_name(tmp_path):
    code = """
        from cxmaturity import Finding, Scorer, hookimpl

        class S(Scorer):
            name = "{name}"
            dimension = "d"
            def score(self, ctx):
                return []

        @hookimpl
        def register_scorers(register):
            register(S())
        """
    one = _write_plugin(tmp_path / "one", "same", code.format(name="from-one"))
    two = _write_plugin(tmp_path / "two", "same", code.format(name="from-two"))
    registry = load_registry([one, two])
    # The plugin name is taken by the first folder; the second is reported, not mixed in.
    assert _added(registry) == ["from-one"]
    [warning] = registry.warnings
    assert warning.startswith(f"plugin 'same' from {two / 'same.py'} not loaded: the name is taken")


# --- isolation: each broken plugin is named, the run completes, --strict makes it fatal -----

def _at(case: str, file: str, line: int) -> str:
    """Where a failure happened in a test plugin, as the message says it."""
    return f" (at {shown_path(str(PLUGINS / case / file))}:{line})"


# Each failure names the plugin and, where the plugin's own code is in the traceback, its line.
BROKEN = [
    ("duplicate", "plugin 'b-second' failed in register_scorers: "
                  "scorer 'twin' is already registered by plugin 'a-first'" + _at("duplicate", "b_second.py", 16)),
    ("misspelled", "plugin 'typo' failed to load: unknown hook 'register_scorer' "
                   "(the hooks are: register_cohorts, register_playbooks, register_questionnaires, "
                   "register_scorers)"),
    ("import_error", "plugin 'broken' failed to load: "
                     "ModuleNotFoundError: No module named 'cxmaturity_no_such_module'"
                     + _at("import_error", "broken.py", 3)),
    ("raises_in_register", "plugin 'nps-zero' failed in register_scorers: "
                           "ZeroDivisionError: division by zero" + _at("raises_in_register", "nps_zero.py", 17)),
    ("raises_in_score", "plugin 'flaky' failed in score (flaky): KeyError: 'kpi.nps.change'"
                        + _at("raises_in_score", "flaky.py", 11)),
    ("garbage", "plugin 'junk' failed in score (junk): score() returned dict, not a list of findings"),
]


@pytest.mark.parametrize(("case", "message"), BROKEN, ids=[c for c, _ in BROKEN])
def test_a_broken_plugin_is_named_and_left_out(cli, case, message):
    result = _score(cli, PLUGINS / case)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Warning: {message}"]
    doc = json.loads(result.stdout)
    scorers = sorted({f["scorer"] for f in doc["findings"]})
    assert "echo" in scorers  # the healthy plugin still ran
    assert not {"half-registered", "flaky", "junk"} & set(scorers)
    plugin = message.split("'")[1]
    failed = [p for p in doc["plugins"] if p["error"]]
    assert [p["name"] for p in failed] == [plugin]
    assert failed[0]["error"] == message.split(f"plugin '{plugin}' ", 1)[1]


@pytest.mark.parametrize(("case", "message"), BROKEN, ids=[c for c, _ in BROKEN])
def test_a_broken_plugin_is_fatal_under_strict(cli, case, message):
    result = _score(cli, PLUGINS / case, strict=True)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"Error: {message}"]


def test_a_broken_plugin_is_listed_with_its_error(cli):
    result = cli("plugins", "--json", "--plugins-dir", str(PLUGINS / "import_error"), env=NO_PACKAGES)
    assert result.exit_code == 0
    [listed] = json.loads(result.stdout)
    assert listed["name"] == "broken" and listed["hooks"] == [] and listed["registered"] == {}
    assert listed["error"].startswith("failed to load: ModuleNotFoundError")


def test_strict_raises_plugin_error_from_the_registry():
    with pytest.raises(PluginError, match="plugin 'typo' failed to load"):
        load_registry([PLUGINS / "misspelled"], strict=True)


@pytest.mark.parametrize(
    ("registered", "reason"),
    [
        ("Bad", "got the class Bad (call it: Bad())"),
        ("'a string'", "register() takes a cxmaturity.Scorer instance, got str 'a string'"),
        ("Bad(name='Not Kebab')", "scorer name 'Not Kebab' is not kebab-case"),
        ("Bad(dimension='')", "scorer 'bad' has no valid dimension (got '')"),
        ("Lazy()", "scorer 'lazy' does not define score(ctx)"),
    ],
)
def test_register_validates_scorers(tmp_path, registered, reason):
    folder = _write_plugin(tmp_path, "checks", f"""
        from cxmaturity import Scorer, hookimpl

        class Bad(Scorer):
            name = "bad"
            dimension = "bad"
            def __init__(self, name="bad", dimension="bad"):
                self.name, self.dimension = name, dimension
            def score(self, ctx):
                return []

        class Lazy(Scorer):
            name = "lazy"
            dimension = "lazy"

        @hookimpl
        def register_scorers(register):
            register({registered})
        """)
    registry = load_registry([folder])
    assert _added(registry) == []
    [warning] = registry.warnings
    assert warning.startswith("plugin 'checks' failed in register_scorers: ")
    assert reason in warning


def test_a_finding_for_another_dimension_is_rejected(tmp_path, cli):
    folder = _write_plugin(tmp_path, "stray", """
        from cxmaturity import Finding, Scorer, hookimpl

        class Stray(Scorer):
            name = "stray"
            dimension = "mine"
            def score(self, ctx):
                return [Finding.from_steps(scorer="stray", dimension="theirs", steps=[], asked=0)]

        @hookimpl
        def register_scorers(register):
            register(Stray())
        """)
    result = _score(cli, folder)
    assert result.exit_code == 0
    assert result.stderr.strip() == (
        "Warning: plugin 'stray' failed in score (stray): score() returned a finding for "
        "dimension 'theirs'; scorer 'stray' scores 'mine'"
    )


def test_an_unknown_hook_argument_is_reported_at_load(tmp_path):
    folder = _write_plugin(tmp_path, "argh", """
        from cxmaturity import hookimpl

        @hookimpl
        def register_scorers(register, context):
            pass
        """)
    registry = load_registry([folder])
    assert registry.warnings == [
        "plugin 'argh' failed to load: register_scorers has no argument 'context' (it takes: register)"
    ]


def test_allow_list_of_installed_plugins_names_missing_ones(monkeypatch):
    monkeypatch.setenv("CXMATURITY_LOAD_PLUGINS", "no-such-plugin")
    registry = load_registry()
    assert "CXMATURITY_LOAD_PLUGINS names 'no-such-plugin', which matches no plugin" in (
        registry.warnings
    )


def test_a_missing_plugins_dir_is_a_user_error(cli, tmp_path):
    result = cli("plugins", "--plugins-dir", str(tmp_path / "nope"), env=NO_PACKAGES)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: --plugins-dir {tmp_path / 'nope'}: not a folder"


# --- order ---------------------------------------------------------------------------------


def test_output_order_does_not_depend_on_load_order(cli):
    a, b = PLUGINS / "order_a", PLUGINS / "order_b"
    outputs = []
    for dirs in ([a, b], [b, a]):
        args = []
        for d in dirs:
            args += ["--plugins-dir", str(d)]
        score = cli("score", str(ASSESSMENT), "--format", "json", *args, env=NO_PACKAGES).stdout
        listing = cli("plugins", "--json", *args, env=NO_PACKAGES).stdout
        outputs.append((score, listing))
        registry = load_registry(dirs)
        assert _added(registry) == ["alpha", "zeta"]
    assert outputs[0] == outputs[1]
    doc = json.loads(outputs[0][0])
    scorers = [f["scorer"] for f in doc["findings"]]
    assert [s for s in scorers if s in ("alpha", "zeta")] == ["alpha", "zeta"]
    assert scorers == sorted(scorers, key=lambda s: next(f["dimension"] for f in doc["findings"]
                                                        if f["scorer"] == s))
    assert [p["name"] for p in json.loads(outputs[0][1])] == ["aa-early", "zz-late"]
