"""The application's JSON certificate document: exact numbers, readable errors, nothing half-loaded."""

from __future__ import annotations

import json

import pytest

from coomet_lab.dcc.io import document
from coomet_lab.kernel.errors import DocumentError

from tests.helpers import THERMOMETER


def load(data) -> object:
    return document.loads(json.dumps(data, ensure_ascii=False))


def base():
    return json.loads(THERMOMETER.read_text(encoding="utf-8"))


def test_json_numbers_keep_their_literal_digits():
    text = THERMOMETER.read_text(encoding="utf-8").replace('"value": "21.4"', '"value": 21.40000000000000000001')
    certificate = document.loads(text)
    condition = certificate.measurement_results.results[0].influence_conditions[0]
    assert condition.data.items[0].real.value == "21.40000000000000000001"


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(format="something-else"), "not a COOMET Lab certificate document"),
        (lambda d: d.update(formatVersion=9), "unsupported formatVersion 9"),
        (lambda d: d["certificate"]["administrativeData"]["coreData"].update(uniqueIdentifier=["x"]),
         "coreData.uniqueIdentifier: expected a string, found a list"),
        (lambda d: d["certificate"]["administrativeData"].update(items="x"),
         "administrativeData.items: expected an object, found a string"),
        (lambda d: d["certificate"].update(measurementResult={}), "unknown key 'measurementResult'"),
        (lambda d: d["certificate"].update(comment=["<unclosed>"]), "kept XML is not usable"),
    ],
)
def test_malformed_documents_are_refused_with_the_place_of_the_problem(mutate, message):
    data = base()
    mutate(data)
    with pytest.raises(DocumentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(data)


def test_invalid_json_reports_line_and_column():
    with pytest.raises(DocumentError, match="line 1, column"):
        document.loads("{not json")


def test_kept_xml_with_a_dtd_is_refused():
    data = base()
    data["certificate"]["comment"] = ['<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>']
    with pytest.raises(DocumentError, match="DTD"):
        load(data)


def test_saving_is_atomic(tmp_path, monkeypatch):
    certificate = document.load_document(THERMOMETER)
    target = tmp_path / "draft.json"
    target.write_text("previous draft", encoding="utf-8")

    def explode(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", explode)
    with pytest.raises(Exception, match="No space left"):
        document.save_document(certificate, target)
    assert target.read_text(encoding="utf-8") == "previous draft"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]
