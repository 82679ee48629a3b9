"""Tests for nato_ukraine.converters: the JSON form, strictly."""

from __future__ import annotations

import json
from typing import Any

import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nato_ukraine as nu
from strategies import RECORDS

CONVERTER = nu.make_converter()


@pytest.fixture
def converter() -> cattrs.Converter:
    return CONVERTER


def leaf_messages(exc: BaseException) -> list[str]:
    """The messages of the innermost exceptions of a cattrs validation error."""
    if hasattr(exc, "exceptions"):
        return [m for sub in exc.exceptions for m in leaf_messages(sub)]
    return [str(exc)]


@pytest.mark.parametrize("cls", list(RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_model_round_trips(cls: type, data: st.DataObject) -> None:
    """structure(unstructure(x)) == x for every model, also through JSON text."""
    converter = CONVERTER
    value = data.draw(RECORDS[cls])
    plain = converter.unstructure(value)
    assert value == converter.structure(plain, cls)
    assert value == converter.structure(json.loads(json.dumps(plain)), cls)


def test_json_form_uses_iso_dates_enum_values_and_lists(converter: cattrs.Converter) -> None:
    """Dates are ISO strings at their precision, enums their values, tuples lists; defaults are left out: a
    participation and an outcome give only what they name and their role, a figure leaves out an exact qualifier."""
    event = nu.Event(
        id="e",
        name="E",
        kind=nu.EventKind.MEETING,
        date=nu.PartialDate(2017, 6),
        level=nu.MeetingLevel.AMBASSADORS,
        participants=(
            nu.Participation(body="a", role=nu.ParticipantRole.HOST),
            nu.Participation(person="p", role=nu.ParticipantRole.CHAIR),
        ),
        outcomes=(nu.Outcome(programme="x", role=nu.OutcomeRole.ENDORSED),),
        citations=(nu.Citation(source="s", quote="q"),),
        figures=(
            nu.Figure(
                value=3,
                unit="ships",
                counts="ships sent",
                citation=nu.Citation(source="s", quote="3 ships", locator="para 2"),
            ),
            nu.Figure(
                value=200,
                unit="EUR",
                counts="aid",
                qualifier=nu.FigureQualifier.ABOUT,
                as_of=nu.PartialDate(2024),
                citation=nu.Citation(source="s", quote="about 200", locator="para 3"),
            ),
        ),
        inferred=("level",),
    )
    expected = {
        "id": "e",
        "name": "E",
        "kind": "meeting",
        "date": "2017-06",
        "level": "ambassadors",
        "participants": [{"body": "a", "role": "host"}, {"person": "p", "role": "chair"}],
        "outcomes": [{"programme": "x", "role": "endorsed"}],
        "citations": [{"source": "s", "quote": "q"}],
        "figures": [
            {
                "value": 3,
                "unit": "ships",
                "counts": "ships sent",
                "citation": {"source": "s", "quote": "3 ships", "locator": "para 2"},
            },
            {
                "value": 200,
                "unit": "EUR",
                "counts": "aid",
                "qualifier": "about",
                "as_of": "2024",
                "citation": {"source": "s", "quote": "about 200", "locator": "para 3"},
            },
        ],
        "inferred": ["level"],
    }
    assert expected == converter.unstructure(event)
    assert event == converter.structure(expected, nu.Event)


def test_a_figures_citation_leaves_out_an_unset_locator(converter: cattrs.Converter) -> None:
    """A citation is written alike wherever it stands: an unset locator is left out of a figure's citation too."""
    citation = nu.Citation(source="s", quote="q")
    figure = nu.Figure(value=1, unit="u", counts="c", citation=citation)

    assert converter.unstructure(citation) == converter.unstructure(figure)["citation"]


def test_a_body_has_a_list_of_parents_and_a_programme_a_dated_status(converter: cattrs.Converter) -> None:
    """A body's parents are a list of ids; a programme's status comes with the date and the words that state it."""
    body = nu.Body(
        id="b",
        name="B",
        kind=nu.BodyKind.OFFICE,
        side=nu.Side.NATO,
        parents=("nato", "eu"),
        levels=(nu.MeetingLevel.MILITARY,),
    )
    programme = nu.Programme(
        id="p",
        name="P",
        kind=nu.ProgrammeKind.TRUST_FUND,
        status=nu.ProgrammeStatus.ACTIVE,
        status_as_of=nu.PartialDate(2022, 6),
        status_citation=nu.Citation(source="s", quote="The fund is active."),
        members=("nato",),
    )

    assert {"parents": ["nato", "eu"], "levels": ["military"]} == {
        key: value for key, value in converter.unstructure(body).items() if key in ("parents", "levels")
    }
    assert {
        "status": "active",
        "status_as_of": "2022-06",
        "status_citation": {"source": "s", "quote": "The fund is active."},
        "members": ["nato"],
    } == {
        key: value for key, value in converter.unstructure(programme).items() if key.startswith(("status", "members"))
    }


def test_period_json_form(converter: cattrs.Converter) -> None:
    """A period is {"start": ..., "end": ...}, an open end left out."""
    assert {"start": "2014", "end": "2017"} == converter.unstructure(nu.Period("2014", "2017"))
    assert nu.Period("2016") == converter.structure({"start": "2016"}, nu.Period)


def test_written_dates_are_read(converter: cattrs.Converter) -> None:
    """A date written as people write it is read at its precision."""
    assert nu.PartialDate(2017, 6) == converter.structure({"start": "June 2017"}, nu.Period).start


def test_equal_date_strings_share_one_object(converter: cattrs.Converter) -> None:
    """Structuring the same date text twice gives the same object, to save memory."""
    a = converter.structure({"start": "2016-07-09"}, nu.Period).start
    b = converter.structure({"start": "2016-07-09"}, nu.Period).start
    assert a is b


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"source": "s", "quote": "q", "locatr": "x"}, "locatr"),
        ({"source": 5, "quote": "q"}, "expected a string"),
        ({"source": "s"}, "quote"),
    ],
)
def test_strict_on_keys_and_types(converter: cattrs.Converter, payload: dict[str, Any], message: str) -> None:
    """Unknown keys, numbers for strings and missing fields are errors that name the field."""
    with pytest.raises(cattrs.BaseValidationError) as info:
        converter.structure(payload, nu.Citation)
    assert message in " ".join([*leaf_messages(info.value), *cattrs.transform_error(info.value)])


def test_a_string_is_not_a_list(converter: cattrs.Converter) -> None:
    """A string where a list of ids belongs is refused, not split into characters."""
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure({"title": "t", "body": "b", "period": {"start": "x"}}, nu.Role)
    payload = {"id": "e", "name": "E", "kind": "meeting", "date": "2016", "agreements": "nato"}
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure(payload, nu.Event)
    payload = {
        "id": "e",
        "name": "E",
        "kind": "meeting",
        "date": "2016",
        "participants": {"body": "nato", "role": "host"},
    }
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure(payload, nu.Event)


def test_a_key_of_schema_version_1_is_an_unknown_key_to_the_converter(converter: cattrs.Converter) -> None:
    """The converter knows only the current form: an event's ``bodies`` and a body's ``parent`` are refused (the
    loader says where they went)."""
    with pytest.raises(cattrs.BaseValidationError) as info:
        converter.structure({"id": "e", "name": "E", "kind": "meeting", "date": "2016", "bodies": ["nato"]}, nu.Event)
    assert "bodies" in " ".join(cattrs.transform_error(info.value))
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure({"id": "b", "name": "B", "kind": "office", "side": "nato", "parent": "nato"}, nu.Body)


def test_unknown_enum_value_lists_the_allowed_ones(converter: cattrs.Converter) -> None:
    """An unknown enum value is an error that lists the allowed values."""
    with pytest.raises(cattrs.BaseValidationError) as info:
        converter.structure({"id": "e", "name": "E", "kind": "meetin", "date": "2016"}, nu.Event)
    assert any("expected one of: meeting" in m for m in leaf_messages(info.value))


def test_does_not_touch_the_global_converter() -> None:
    """Making our converter registers nothing on cattrs' global converter."""
    nu.make_converter()
    with pytest.raises((cattrs.BaseValidationError, TypeError)):
        cattrs.structure("2016", nu.PartialDate)


def test_configure_converter_sets_up_a_users_converter() -> None:
    """configure_converter() adds the hooks to a converter the user made."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    nu.configure_converter(converter)
    assert nu.PartialDate(1997) == converter.structure("1997", nu.PartialDate)
