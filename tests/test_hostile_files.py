"""Hostile files: what a client's file can make the tool read, hang on, lose or accept.

Each case is a file in tests/data/hostile/files-*.yaml, or made here where it cannot be
committed (a FIFO, a symlink, a file mode, UTF-16). Every test checks what a user would see:
one `Error:` line, located where a line applies; the exit code; that no file outside the
command's arguments was opened; and that no answer was lost.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
from pathlib import Path

import pytest

from cxmaturity.cli import app

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile"
EXAMPLE = ROOT / "examples" / "assessments" / "maple-mart.yaml"
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}

# --- what a command opens -------------------------------------------------------------------

_opened: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], (str, bytes, os.PathLike)):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed: this one records only inside `opens`


@contextlib.contextmanager
def opens():
    """The paths opened inside the block (every open() and os.open(), by anyone)."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


@contextlib.contextmanager
def no_hang(seconds: int = 20):
    """A command that blocks (on a FIFO, a device) fails the test instead of hanging it."""

    def expired(*_):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(*args: str, input: str | None = None):
    from typer.testing import CliRunner

    with no_hang():
        return CliRunner().invoke(app, list(args), input=input, env=ENV, catch_exceptions=False)


def errors(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Error:")]


def one_error(result, *, where: str, line: int | None = None, says: str = "") -> str:
    """The result's single `Error:` line, checked to name `where` (and `:line`) and `says`."""
    found = errors(result)
    assert len(found) == 1, result.output
    prefix = f"Error: {where}:{line}: " if line is not None else f"Error: {where}"
    assert found[0].startswith(prefix), found[0]
    assert says in found[0], found[0]
    assert "Traceback" not in result.output
    return found[0]


def outside(opened: list[str], allowed: list[Path]) -> list[str]:
    """Opened paths that are neither an argument, nor the tool's own code and data, nor its cache."""
    ok_roots = [str(ROOT / "cxmaturity"), str(ROOT / "questionnaires"), str(ROOT / "benchmarks"),
                str(ROOT / "plugins"), sys.prefix, sys.base_prefix,
                os.environ.get("CXMATURITY_CACHE_DIR", "/nonexistent")]
    names = {os.path.realpath(p) for p in allowed}
    out = []
    for path in opened:
        real = os.path.realpath(path)
        if real in names or any(real.startswith(os.path.realpath(r)) for r in ok_roots):
            continue
        if real.startswith(("/proc/", "/dev/null", "/dev/tty", "/usr/lib", "/etc/localtime", "/usr/share/zoneinfo")):
            continue
        out.append(path)
    return out


# --- item 1: ids are ids ----------------------------------------------------------------------

ID_IS_A_PATH = ["files-questionnaire-path.yaml", "files-questionnaire-device.yaml",
                "files-questionnaire-relative-path.yaml"]


@pytest.mark.parametrize("case", ID_IS_A_PATH)
@pytest.mark.parametrize("command", ["validate", "score", "explain", "portfolio"])
def test_a_questionnaire_id_that_is_a_path_is_never_opened(case, command, tmp_path):
    path = HOSTILE / case
    with opens() as opened:
        result = run(command, str(path))
    assert result.exit_code == 1
    assert "is not a valid id" in result.output
    assert ":3: questionnaire.id:" in result.output  # located on the line that names it
    assert outside(opened, [path]) == []
    assert "root:" not in result.output  # no line of /etc/shadow or /etc/passwd


def test_a_questionnaire_id_naming_a_fifo_neither_hangs_nor_opens_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    case = tmp_path / "c.yaml"
    case.write_text((HOSTILE / "files-questionnaire-path.yaml").read_text().replace("/etc/shadow", str(fifo)))
    with opens() as opened:
        result = run("score", str(case))
    assert result.exit_code == 1
    one_error(result, where=str(case), line=3, says="is not a valid id")
    assert str(fifo) not in opened


def test_the_catalog_looks_ids_up_and_never_opens_them(tmp_path):
    from cxmaturity.api import load_registry
    from cxmaturity.errors import CxError
    from cxmaturity.plugin_host import catalog

    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n")
    registry = load_registry()
    with opens() as opened, pytest.raises(CxError, match="unknown questionnaire"):
        catalog.find(str(secret), 1, registry=registry)
    assert str(secret) not in opened


def test_a_cohort_file_naming_its_questionnaire_by_a_path(tmp_path):
    case = HOSTILE / "files-cohort-questionnaire-path.yaml"
    with opens() as opened:
        result = run("score", str(EXAMPLE), "--cohorts", str(case))
    assert result.exit_code == 1
    one_error(result, where=str(case), line=6, says="'/etc/passwd' is not a valid id")
    assert "/etc/passwd" not in opened


@pytest.mark.parametrize("command", ["validate", "score", "portfolio"])
@pytest.mark.parametrize("device", ["fifo", "/dev/zero", "/dev/urandom"])
def test_a_fifo_or_device_given_as_argument_is_refused_at_once(command, device, tmp_path):
    if device == "fifo":
        device = str(tmp_path / "pipe.yaml")
        os.mkfifo(device)
    result = run(command, device)
    assert result.exit_code == 1
    assert "not a regular file" in result.output
    assert "Traceback" not in result.output


def test_the_size_limit_holds_while_reading(tmp_path, monkeypatch):
    from cxmaturity.errors import FileError
    from cxmaturity.formats import text_files

    monkeypatch.setattr(text_files, "MAX_BYTES", 1000)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 5000 + "\n")
    with pytest.raises(FileError, match="too large"):
        text_files.read_text(big)


# --- item 2: one interview per file -------------------------------------------------------------

def _resume(path: Path):
    """`assess --resume` as a real process (the lock is per process), waiting on its input."""
    import subprocess

    proc = subprocess.Popen(
        [sys.executable, "-m", "cxmaturity", "assess", "--resume", str(path), "--plain"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, **ENV}, cwd=path.parent,
    )
    return proc


def test_a_second_interview_on_the_same_file_is_refused_and_no_answer_is_lost(tmp_path):
    import time

    from cxmaturity.formats.loader import load_assessment

    path = tmp_path / "maple.yaml"
    text = EXAMPLE.read_text()
    # Leave two answers to ask, so that the first interview waits on its first question.
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("invest.front_office", "invest.analytics"))]
    path.write_text("\n".join(lines) + "\n")
    before = load_assessment(path).answers

    first = _resume(path)
    lock = tmp_path / ".maple.yaml.lock"
    for _ in range(300):  # up to 30 s for the first interview to start
        if lock.exists() and lock.read_text().strip():
            break
        time.sleep(0.1)
    else:
        first.kill()
        pytest.fail(f"the first interview did not take the lock: {first.communicate()[0]}")
    try:
        second = run("assess", "--resume", str(path), "--plain", input="1\n1\n")
        assert second.exit_code == 1
        line = one_error(second, where=str(path), says="is open in another interview")
        assert f"pid {first.pid} on " in line and "since " in line
    finally:
        out, _ = first.communicate("1\nq\n", timeout=60)
    after = load_assessment(path).answers
    assert set(before) <= set(after), out  # nothing the file had was lost
    assert {k: v for k, v in after.items() if k in before} == before
    assert not lock.exists()  # released on exit


def test_a_lock_left_by_a_killed_interview_is_no_lock(tmp_path):
    path = tmp_path / "maple.yaml"
    path.write_text(EXAMPLE.read_text())
    # What a killed process leaves: the file, with its holder, but no flock on it.
    (tmp_path / ".maple.yaml.lock").write_text('{"pid": 999999, "host": "gone", "since": "2026-01-01T00:00:00Z"}\n')
    result = run("assess", "--resume", str(path), "--plain", input="\n")
    assert "another interview" not in result.output
    assert result.exit_code in (0, 1), result.output


def test_the_lock_says_who_holds_it(tmp_path):
    from cxmaturity.interview.locking import FileLock, Locked

    path = tmp_path / "a.yaml"
    path.write_text("x: 1\n")
    with FileLock(path):
        with pytest.raises(Locked, match=rf"pid {os.getpid()} on .*, since 20"):
            FileLock(path).acquire()
    FileLock(path).acquire().release()  # free again once released


# --- item 3: -o never replaces a file silently -------------------------------------------------

def _writers(tmp_path: Path) -> dict[str, list[str]]:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    for name in ("maple-mart.yaml", "nordbank.yaml"):
        (folder / name).write_text((EXAMPLE.parent / name).read_text())
    a, b = EXAMPLE.parent / "sakura-online-2025.yaml", EXAMPLE.parent / "sakura-online-2026.yaml"
    return {
        "report": ["report", str(EXAMPLE), "-o"],
        "portfolio": ["portfolio", str(folder), "-o"],
        "compare": ["compare", str(a), str(b), "-o"],
        "cohorts build": ["cohorts", "build", str(folder), "--min-size", "1", "-o"],
        "questionnaires show": ["questionnaires", "show", "cx-ai-2018", "-o"],
    }


SUFFIX = {"report": ".md", "portfolio": ".md", "compare": ".md", "cohorts build": ".yaml",
          "questionnaires show": ".md"}


@pytest.mark.parametrize("command", list(SUFFIX))
def test_o_refuses_an_existing_file_without_force(command, tmp_path):
    args = _writers(tmp_path)[command]
    out = tmp_path / f"precious{SUFFIX[command]}"
    out.write_text("the client's only copy\n")
    result = run(*args, str(out))
    assert result.exit_code == 1
    one_error(result, where=str(out), says="already exists; add --force to replace it")
    assert out.read_text() == "the client's only copy\n"
    forced = run(*args, str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text() != "the client's only copy\n"


def test_o_refuses_a_symlink_without_force_and_writes_its_target_with_it(tmp_path):
    target = tmp_path / "target.md"
    target.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run("report", str(EXAMPLE), "-o", str(link)).exit_code == 1
    assert target.read_text() == "old\n"
    assert run("report", str(EXAMPLE), "-o", str(link), "--force").exit_code == 0
    assert link.is_symlink() and target.read_text().startswith("#")


# --- item 4: bad tags ----------------------------------------------------------------------------

TAGS = {"files-tag-int.yaml": (2, "!!int: 'abc' is not a valid int"),
        "files-tag-float.yaml": (2, "!!float: 'abc' is not a valid float"),
        "files-tag-bool.yaml": (2, "!!bool: 'maybe' is not a valid bool"),
        "files-tag-unknown.yaml": (4, "YAML tag !company is not allowed"),
        "files-tag-binary.yaml": (4, "YAML tag !!binary is not allowed")}


@pytest.mark.parametrize("case", list(TAGS))
@pytest.mark.parametrize("command", ["score", "explain", "report", "compare", "assess"])
def test_a_bad_tag_is_one_located_error_in_every_command(case, command, tmp_path):
    path = HOSTILE / case
    line, says = TAGS[case]
    args = {"score": ["score", str(path)], "explain": ["explain", str(path)],
            "report": ["report", str(path), "-o", str(tmp_path / "r.md")],
            "compare": ["compare", str(path), str(EXAMPLE)],
            "assess": ["assess", "--answers", str(path), "-o", str(tmp_path / "new.yaml")]}[command]
    result = run(*args)
    assert result.exit_code == 1
    one_error(result, where=str(path), line=line, says=says)


@pytest.mark.parametrize("case", list(TAGS))
def test_validate_locates_a_bad_tag(case):
    result = run("validate", str(HOSTILE / case))
    assert result.exit_code == 1
    line, says = TAGS[case]
    assert f"{HOSTILE / case}:{line}: YAML tag " in result.output
    assert says in result.output


def test_portfolio_lists_a_badly_tagged_file_as_unreadable_and_goes_on(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "good.yaml").write_text(EXAMPLE.read_text())
    for case in TAGS:
        (folder / case).write_text((HOSTILE / case).read_text())
    result = run("portfolio", str(folder))
    assert result.exit_code == 0, result.output
    assert "Portfolio: 1 assessment of 1 company" in result.output
    for case, (line, _) in TAGS.items():
        assert f"{folder / case}:{line}: YAML tag" in result.output
    assert errors(result) == []


# --- item 5: many errors, deep nesting ------------------------------------------------------------

def test_every_unknown_id_is_located(tmp_path):
    path = tmp_path / "many.yaml"
    head = "format: 1\nquestionnaire: {id: cx-ai-2018, version: 1}\ncompany: {id: m, name: M}\nanswers:\n"
    path.write_text(head + "".join(f"  unknown.id_{i:04d}: value\n" for i in range(300)))
    result = run("validate", str(path))
    assert result.exit_code == 1
    for i in (0, 150, 299):
        assert f"{path}:{5 + i}: answers.unknown.id_{i:04d}: unknown question id" in result.output


def test_locating_parses_the_file_once_however_many_problems(monkeypatch):
    from cxmaturity.formats import loader, yamlio

    parses = []
    real = yamlio.Lines.__init__
    monkeypatch.setattr(yamlio.Lines, "__init__", lambda self, text: (parses.append(1), real(self, text))[1])
    text = "answers:\n" + "".join(f"  q{i}: x\n" for i in range(50))
    problems = loader.locate([(("answers", f"q{i}"), "bad") for i in range(50)], "f.yaml", text)
    assert [p.line for p in problems] == list(range(2, 52))
    assert len(parses) == 1


@pytest.mark.parametrize("shape", ["flow", "block"])
def test_an_answer_nested_too_deep_is_one_error(shape, tmp_path):
    head = "format: 1\nquestionnaire: {id: cx-ai-2018, version: 1}\ncompany: {id: m, name: M}\nanswers:\n"
    if shape == "flow":  # 10,000 levels in 20 KB
        body = "  profile.region: " + "[" * 10_000 + "]" * 10_000 + "\n"
    else:  # indentation makes a deep block file large: 100 levels are enough to pass the limit
        body = "".join("  " * (i + 1) + f"k{i}:\n" for i in range(100)) + "  " * 101 + "x: 1\n"
    path = tmp_path / "deep.yaml"
    path.write_text(head + body)
    result = run("score", str(path))
    assert result.exit_code == 1
    one_error(result, where=str(path), line=5 if shape == "flow" else None,
              says="nested too deeply (more than 64 levels)")


# --- item 9: writes keep what the file is ----------------------------------------------------------

def _one_answer_left(path: Path) -> None:
    text = EXAMPLE.read_text()
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("invest.front_office")]
    path.write_text("\n".join(lines) + "\n")


def test_resume_keeps_a_private_file_private(tmp_path):
    path = tmp_path / "private.yaml"
    _one_answer_left(path)
    os.chmod(path, 0o600)
    result = run("assess", "--resume", str(path), "--plain", input="1\n\n")
    assert "invest.front_office" in path.read_text(), result.output
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_resume_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.yaml"
    _one_answer_left(target)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    result = run("assess", "--resume", str(link), "--plain", input="1\n\n")
    assert link.is_symlink(), result.output
    assert "invest.front_office" in target.read_text()


def test_resume_keeps_the_comments_of_a_hand_written_file(tmp_path):
    from cxmaturity.formats.loader import load_assessment

    path = tmp_path / "hand.yaml"
    _one_answer_left(path)
    path.write_text(path.read_text().replace("answers:\n", "answers:  # filled in with the client\n", 1))
    before = path.read_text()
    comments = [ln.strip() for ln in before.splitlines() if ln.lstrip().startswith("#")]
    assert comments
    result = run("assess", "--resume", str(path), "--plain", input="1\n\n")
    after = path.read_text()
    assert "invest.front_office" in after, result.output
    for comment in comments:
        assert comment in after
    assert "# filled in with the client" in after
    assert len(load_assessment(path).answers) == len(load_assessment(EXAMPLE).answers)


# --- item 10: smaller ones -------------------------------------------------------------------------

def test_answers_with_a_number_for_company_name(tmp_path):
    path = HOSTILE / "files-company-name-number.yaml"
    result = run("assess", "--answers", str(path), "-o", str(tmp_path / "new.yaml"))
    assert result.exit_code == 1
    one_error(result, where=str(path), line=3, says="company.name: expected text, got 12345")
    assert not (tmp_path / "new.yaml").exists()


COHORT_NUMBERS = {
    "files-cohort-150-percent.yaml": (17, "figures.0.value: a share is a percentage from 0 to 100, not 150"),
    "files-cohort-negative-percent.yaml": (17, "figures.0.value: a share is a percentage from 0 to 100, not -20"),
    "files-cohort-nan.yaml": (17, "figures.0.value: Input should be a finite number"),
    "files-cohort-negative-n.yaml": (11, "cohorts.0.n: Input should be greater than or equal to 1"),
}


@pytest.mark.parametrize("case", list(COHORT_NUMBERS))
def test_impossible_cohort_numbers_are_refused_at_load(case):
    path = HOSTILE / case
    line, says = COHORT_NUMBERS[case]
    result = run("score", str(EXAMPLE), "--cohorts", str(path))
    assert result.exit_code == 1
    one_error(result, where=str(path), line=line, says=says)
    assert "nan%" not in result.output


def test_an_infinite_stage_weight_is_refused_at_load():
    path = HOSTILE / "files-stage-weight-inf.yaml"
    line = next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if ".inf" in ln)
    result = run("score", str(EXAMPLE), "--weights", str(path))
    assert result.exit_code == 1
    one_error(result, where=str(path), line=line, says="weight: Input should be a finite number")


def test_format_true_is_not_format_1():
    path = HOSTILE / "files-format-true.yaml"
    result = run("score", str(path))
    assert result.exit_code == 1
    one_error(result, where=str(path), line=2, says="format: expected the format number 1, got True")


def test_portfolio_exits_1_when_no_file_could_be_read(tmp_path):
    out = tmp_path / "port.md"
    result = run("portfolio", str(HOSTILE / "files-tag-int.yaml"), str(HOSTILE / "files-format-true.yaml"),
                 "-o", str(out))
    assert result.exit_code == 1
    assert errors(result) == ["Error: no assessment could be read"]
    assert "files-tag-int.yaml:2:" in result.output and "files-format-true.yaml:2:" in result.output
    assert not out.exists()


def test_a_utf16_file_is_read(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(EXAMPLE.read_text().encode("utf-16"))  # with its byte-order mark
    result = run("score", str(path))
    assert result.exit_code == 0, result.output
    assert "Maple Mart" in result.output


def test_utf16_without_a_byte_order_mark_is_named_as_such(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(EXAMPLE.read_text().encode("utf-16-le"))
    result = run("score", str(path))
    assert result.exit_code == 1
    one_error(result, where=str(path), says="UTF-16 text without a byte-order mark: save it as UTF-8")


def test_docs_safety_states_the_limits_the_code_enforces():
    from cxmaturity.formats import text_files, yamlio

    doc = (ROOT / "docs" / "safety.md").read_text()
    assert f"{text_files.MAX_BYTES:,} bytes" in doc
    assert f"| {yamlio.MAX_DEPTH} levels |" in doc and f"more than {yamlio.MAX_DEPTH} levels" in doc
    for tag in yamlio._ALLOWED_TAGS:
        assert f"`!!{tag.rsplit(':', 1)[1]}`" in doc
