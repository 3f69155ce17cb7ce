"""Engagements to and from assessment files: `serve --export DIR` and `serve --import FILE`.

Export writes, for each engagement, one folder `<company>-<engagement id>/` holding each
respondent's assessment (`respondents/<name>.yaml`) and the consolidated one
(`consolidated.yaml`). Import reads respondents' assessment files: the files of one company
on one questionnaire become one engagement, one respondent a file, named after the file.
Private notes are not imported: the database has no place that keeps them out of reports.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cxmaturity.errors import CxError
from cxmaturity.formats import assessments
from cxmaturity.plugin_host import catalog
from cxmaturity.web import engagements as eng
from cxmaturity.web.store import Store, StoredAnswer
from cxmaturity.workspace.workspace import load_assessment


def export(store: Store, core: eng.Core, folder: Path) -> list[Path]:
    """Write every engagement's files under `folder`; the files written."""
    from cxmaturity.formats.yamlio import write_atomic

    written = []
    for e in store.engagements():
        q = core.questionnaire(e)
        base = folder / f"{e.company_id}-{e.id}"
        (base / "respondents").mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        for r in store.respondents(e.id):
            name = assessments.slugify(r.name)
            stem, n = name, 2
            while stem in used:
                stem, n = f"{name}-{n}", n + 1
            used.add(stem)
            path = base / "respondents" / f"{stem}.yaml"
            write_atomic(path, eng.assessment_yaml(eng.assessment_of(e, q, store.answers(r.id)), q))
            written.append(path)
        path = base / "consolidated.yaml"
        write_atomic(path, eng.assessment_yaml(eng.consolidated(store, e, q), q))
        written.append(path)
    return written


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def import_files(store: Store, core: eng.Core, files: list[Path]) -> list[int]:
    """One engagement per company and questionnaire among `files`; the engagements created.

    Every file is read and checked before anything is written, so a bad file imports nothing."""
    groups: dict[tuple, list] = {}
    for path in files:
        def find(id_, version):
            return catalog.find(id_, version, registry=core.registry)

        assessment, questionnaire = load_assessment(path, find)
        key = (assessment.company.id, questionnaire.id, questionnaire.version)
        groups.setdefault(key, []).append((path, assessment, questionnaire))
    if not groups:
        raise CxError("no assessment file to import")
    created = []
    for (company_id, qid, version), members in groups.items():
        first = members[0][1]
        people = [(p.stem, "") for p, _, _ in members]
        eid = store.create_engagement(first.company.name, company_id, qid, version, first.language, people)
        for r, (_, a, _) in zip(store.respondents(eid), members, strict=True):
            store.save_answers(r.id, {
                k: StoredAnswer(k, x.state, x.value, None if x.note_private else x.note, _stamp(x.at))
                for k, x in a.answers.items()
            })
        created.append(eid)
    return created
