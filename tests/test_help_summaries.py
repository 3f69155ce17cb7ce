"""`cxmaturity --help` lists each command with a one-paragraph summary that rich wraps itself;
a summary with hard line breaks came out broken in the list ("that `score" / "--format json`")."""

from __future__ import annotations


def test_every_command_summary_is_one_unbroken_line(cli):
    from cxmaturity.cli import app, cohorts_app, questionnaires_app

    for group in (app, questionnaires_app, cohorts_app):
        for command in group.registered_commands:
            summary = (command.callback.__doc__ or "").strip().split("\n\n")[0]
            assert summary and "\n" not in summary, command.callback.__name__
    out = cli("--help").output
    assert "document that `score" not in out
    assert "follows from the answers." in " ".join(out.replace("│", " ").split())
