"""The printed JSON Schemas accept every bundled questionnaire and example assessment."""

from __future__ import annotations

import json
from datetime import date, datetime

import jsonschema
import pytest
from conftest import EXAMPLES, QUESTIONNAIRES

from cxmaturity.formats.loader import read


def _as_json(data):
    # What a YAML editor sees: timestamps are strings.
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, (date, datetime)) else str(v)))


@pytest.mark.parametrize("kind,folder", [("questionnaire", QUESTIONNAIRES), ("assessment", EXAMPLES)])
def test_schema_accepts_bundled_files(cli, kind, folder):
    result = cli("schema", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    files = sorted(folder.glob("*.yaml"))
    assert files
    for path in files:
        data, _ = read(path)
        jsonschema.validate(_as_json(data), schema)


def test_schema_rejects_a_broken_questionnaire(cli):
    schema = json.loads(cli("schema", "questionnaire").stdout)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "version": "one", "title": {"en": "T"}, "sections": []}, schema)


def test_unknown_schema_kind_is_a_usage_error(cli):
    result = cli("schema", "nonsense")
    assert result.exit_code == 2
    assert "unknown kind 'nonsense'" in result.stderr
