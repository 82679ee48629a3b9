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
    """Dates are ISO strings at their precision, enums their values, tuples lists; defaults are left out."""
    event = nu.Event(
        id="e",
        name="E",
        kind=nu.EventKind.MEETING,
        date=nu.PartialDate(2017, 6),
        level=nu.MeetingLevel.AMBASSADORS,
        bodies=("a", "b"),
        citations=(nu.Citation(source="s", quote="q"),),
    )
    expected = {
        "id": "e",
        "name": "E",
        "kind": "meeting",
        "date": "2017-06",
        "level": "ambassadors",
        "bodies": ["a", "b"],
        "citations": [{"source": "s", "quote": "q"}],
    }
    assert expected == converter.unstructure(event)


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
    payload = {"id": "e", "name": "E", "kind": "meeting", "date": "2016", "bodies": "nato"}
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure(payload, nu.Event)


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
