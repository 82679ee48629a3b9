"""Tests for nato_ukraine.dates: partial dates, periods and certainty."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_ukraine import Certainty, PartialDate, Period, Precision

D = PartialDate.parse

#: The concept page whose table of forms says what PartialDate.parse reads and refuses.
DATES_PAGE = Path(__file__).resolve().parents[1] / "docs" / "concepts" / "dates.md"
TABLE_HEADER = "| text | read as | why |"


def forms_table() -> list[tuple[str, str, str]]:
    """The rows of the page's table of forms: the text (a Python string literal there), what it
    reads as (an ISO date or "refused") and why; none if the page has no such table."""
    lines = DATES_PAGE.read_text(encoding="utf-8").splitlines()
    if TABLE_HEADER not in lines:
        return []
    start = lines.index(TABLE_HEADER)
    assert re.fullmatch(r"\|-+\|-+\|-+\|", lines[start + 1]), "the header is not followed by a separator row"
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        text, read_as, why = (cell.strip() for cell in line.strip().removeprefix("|").removesuffix("|").split("|"))
        rows.append((ast.literal_eval(text.strip("`")), read_as.strip("`"), why))
    return rows


FORMS = forms_table()


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1997", PartialDate(1997)),
            ("2017-06", PartialDate(2017, 6)),
            ("June 2017", PartialDate(2017, 6)),
            ("9 July 2016", PartialDate(2016, 7, 9)),
            ("2016-07-09", PartialDate(2016, 7, 9)),
            ("29th November 2023", PartialDate(2023, 11, 29)),
            ("Nov. 29, 2022", PartialDate(2022, 11, 29)),
            ("  2014  ", PartialDate(2014)),
        ],
    )
    def test_reads_what_people_write(self, text: str, expected: PartialDate) -> None:
        """Each written or ISO form parses to the date at the precision it states."""
        assert expected == D(text)

    @pytest.mark.parametrize(
        ("text", "precision"),
        [("1997", Precision.YEAR), ("June 2017", Precision.MONTH), ("9 July 2016", Precision.DAY)],
    )
    def test_keeps_the_precision_of_the_text(self, text: str, precision: Precision) -> None:
        """A parsed date is as precise as its text and no more."""
        assert precision == D(text).precision

    @pytest.mark.parametrize(
        "text",
        [
            "Juny 2017",
            "2017-13",
            "2017-02-30",
            "yesterday",
            "",
            "July",
            "9 July",
            "2016-07-09T10:00",
            "9 July 2016 10am",
            "03/04/2017",
        ],
    )
    def test_refuses_what_it_would_have_to_guess(self, text: str) -> None:
        """Misspelt months, impossible days, words, dates without a year, times and ambiguous
        numeric dates raise ValueError."""
        with pytest.raises(ValueError, match=r"date|year|ambiguous|time|month"):
            D(text)

    def test_refuses_non_strings(self) -> None:
        """Parsing something that is not a string raises TypeError."""
        with pytest.raises(TypeError):
            PartialDate.parse(2017)  # type: ignore[arg-type]

    def test_unambiguous_numeric_day_month_order_is_accepted(self) -> None:
        """A numeric date whose day cannot be a month (25/12/2016) is read without guessing."""
        assert PartialDate(2016, 12, 25) == D("25/12/2016")


class TestFormsTable:
    @pytest.mark.parametrize(("text", "read_as"), [(text, read_as) for text, read_as, _ in FORMS], ids=repr)
    def test_each_form_reads_as_the_table_says(self, text: str, read_as: str) -> None:
        """Each row of the dates page's table parses to its ISO date, or is refused with ValueError naming the text."""
        if read_as == "refused":
            with pytest.raises(ValueError, match=re.escape(repr(text.strip()))):
                D(text)
        else:
            assert read_as == str(D(text))

    def test_the_table_has_accepted_and_refused_rows(self) -> None:
        """The table of forms has at least 25 rows, some read as a date and some refused."""
        refused = sum(read_as == "refused" for _, read_as, _ in FORMS)
        assert len(FORMS) >= 25
        assert 0 < refused < len(FORMS)

    def test_every_row_says_why(self) -> None:
        """Each row of the table of forms gives a reason, and a text appears only once."""
        assert [] == [text for text, _, why in FORMS if not why]
        assert len(FORMS) == len({text for text, _, _ in FORMS})


class TestGuesses:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("Jan 97", "has a two-digit year: write the year in full"),
            ("97-06", "has a two-digit year"),
            ("-2017", "starts with '-'"),
            ("+2017", "starts with '+'"),
            ("2017-", "ends with '-'"),
            ("/2017", "starts with '/'"),
            ("June -2017", "hyphen with nothing on one side"),
            ("02017", "number of 5 digits"),
            ("20170609", "number of 8 digits"),
            ("\u0661\u0669\u0669\u0667", "digits other than 0-9"),
            ("\uff12\uff10\uff11\uff17", "digits other than 0-9"),
            ("2016-7-9", "not in ISO form"),
            ("June 0097", "year before 1000"),
            ("June 2016 2017", "not a date"),
            ("Monday June 2017", "weekday but no day"),
            ("Sunday 9 July 2016", "2016-07-09 is a Saturday"),
            ("June", "is not a date"),
        ],
    )
    def test_a_refusal_says_why(self, text: str, reason: str) -> None:
        """A refused text raises ValueError naming the text and the reason."""
        with pytest.raises(ValueError, match=re.escape(f"{text!r} ") + ".*" + re.escape(reason)):
            D(text)

    @pytest.mark.parametrize(
        "text", ["\u0661\u0669\u0669\u0667-06", "\uff12\uff10\uff11\uff17-06-09", " \uff12\uff10\uff11\uff17 "]
    )
    def test_iso_shapes_in_other_digits_are_refused(self, text: str) -> None:
        """A text shaped like an ISO date but in digits other than 0-9 is refused, not read as the ASCII one."""
        with pytest.raises(ValueError, match="digits other than 0-9"):
            D(text)

    def test_a_weekday_may_name_its_own_day(self) -> None:
        """A weekday that is the day's own is read past, abbreviated or not."""
        assert [PartialDate(2016, 7, 9)] * 2 == [D("Saturday, 9 July 2016"), D("Sat 9 Jul 2016")]

    @given(st.text(alphabet="0123456789 -/.,+'JunelyMoSat", max_size=16))
    def test_what_is_read_states_its_year_in_four_ascii_digits(self, text: str) -> None:
        """Whatever text parse reads holds the date's year as four ASCII digits, and its parts at most two digits."""
        try:
            date = D(text)
        except ValueError:
            return
        numbers = re.findall("[0-9]+", text)
        assert f"{date.year:04d}" in numbers
        assert all(len(number) in (1, 2, 4) for number in numbers)


class TestParts:
    def test_str_is_iso_at_its_own_precision(self) -> None:
        """str() gives the ISO form at the date's own precision."""
        assert ["1997", "2017-06", "2016-07-09"] == [str(D("1997")), str(D("June 2017")), str(D("9 July 2016"))]

    def test_earliest_and_latest_span_the_unknown_part(self) -> None:
        """A month runs from its first to its last day; a year from 1 January to 31 December."""
        assert (dt.date(2016, 2, 1), dt.date(2016, 2, 29)) == (D("2016-02").earliest, D("2016-02").latest)
        assert (dt.date(1997, 1, 1), dt.date(1997, 12, 31)) == (D("1997").earliest, D("1997").latest)

    def test_a_day_is_its_own_span(self) -> None:
        """A day-precision date's earliest and latest are the same day."""
        day = D("2024-01-10")
        assert (dt.date(2024, 1, 10), dt.date(2024, 1, 10)) == (day.earliest, day.latest)

    @pytest.mark.parametrize(("args"), [(2017, 13), (2017, 2, 30), (0,), (2017, None, 5)])
    def test_constructor_refuses_impossible_parts(self, args: tuple[int | None, ...]) -> None:
        """Building a date from impossible parts raises ValueError."""
        with pytest.raises(ValueError):  # noqa: PT011 - the message varies with the part
            PartialDate(*args)  # type: ignore[arg-type]

    @pytest.mark.parametrize("args", [("2017",), (2017, "6"), (2017, 6.0), (2017, 6, 1.5)])
    def test_constructor_refuses_parts_that_are_not_whole_numbers(self, args: tuple[object, ...]) -> None:
        """A part that is not a whole number raises TypeError naming it (and, for a text, pointing to parse),
        rather than an error from comparing it."""
        with pytest.raises(TypeError, match="must be a whole number") as info:
            PartialDate(*args)  # type: ignore[arg-type]
        assert ("PartialDate.parse" in str(info.value)) == any(isinstance(part, str) for part in args)

    def test_constructor_takes_whole_numbers_of_other_integer_types(self) -> None:
        """An integer of another type, such as numpy's (read from a DataFrame, say), is still a whole number."""
        numpy = pytest.importorskip("numpy")
        assert PartialDate(2017, 6) == PartialDate(numpy.int64(2017), numpy.int32(6))

    def test_is_immutable_and_hashable(self) -> None:
        """Equal partial dates hash equal and cannot be changed."""
        assert hash(D("2017-06")) == hash(PartialDate(2017, 6))
        with pytest.raises(AttributeError):
            D("2017").year = 2018  # type: ignore[misc]

    def test_repr_round_trips_through_parse(self) -> None:
        """repr() shows the ISO text."""
        assert "PartialDate('2017-06')" == repr(D("June 2017"))


class TestOrder:
    def test_coarser_date_sorts_before_finer_on_the_same_first_day(self) -> None:
        """1997 < 1997-01 < 1997-01-01 < 1997-01-02 < 1997-02 < 1998."""
        dates = [D("1998"), D("1997-02"), D("1997-01-02"), D("1997-01-01"), D("1997-01"), D("1997")]
        assert ["1997", "1997-01", "1997-01-01", "1997-01-02", "1997-02", "1998"] == [str(d) for d in sorted(dates)]

    def test_comparison_with_other_types_is_refused(self) -> None:
        """Ordering a partial date against a string raises TypeError."""
        with pytest.raises(TypeError):
            _ = D("2017") < "2018"  # type: ignore[operator]


class TestPeriod:
    def test_year_period_on_a_day_inside_is_only_possible(self) -> None:
        """A period that starts and ends in "2016" possibly contains 2016-03-01."""
        assert Certainty.POSSIBLY == Period("2016", "2016").contains("2016-03-01")

    def test_open_period_only_possibly_contains_any_day(self) -> None:
        """A period from "2016" whose end is not known only possibly contains 2016-12-31: an open end is unknown."""
        assert Certainty.POSSIBLY == Period("2016").contains("2016-12-31")

    def test_closed_period_from_a_year_definitely_contains_its_last_day(self) -> None:
        """A period from "2016" to "2018" definitely contains 2016-12-31, the day its start is past at the latest."""
        assert Certainty.DEFINITELY == Period("2016", "2018").contains("2016-12-31")

    def test_open_period_from_a_year_possibly_contains_an_early_day(self) -> None:
        """A period from "2016" with no end only possibly contains 2016-03-01."""
        assert Certainty.POSSIBLY == Period("2016").contains("2016-03-01")

    def test_day_before_a_start_is_not_contained(self) -> None:
        """A period from "2016" does not contain 2015-12-31."""
        assert Certainty.NOT == Period("2016").contains("2015-12-31")

    def test_open_end_possibly_contains_every_later_date(self) -> None:
        """A period with no end possibly contains any date after its start, and never definitely."""
        assert (Certainty.POSSIBLY, Certainty.POSSIBLY) == (
            Period("2016").contains(dt.date(2999, 1, 1)),
            Period("2016").overlaps(Period("2020", "2021")),
        )

    def test_open_start_never_gives_definitely(self) -> None:
        """A period with no start (begun at a time not known) possibly contains any date up to its end, even 1800."""
        assert (Certainty.POSSIBLY, Certainty.NOT) == (
            Period(None, "2014").contains("1800"),
            Period(None, "2014").contains("2015"),
        )

    def test_month_inside_a_day_period_must_fit_whole(self) -> None:
        """contains() needs the whole month inside; overlaps() needs one day."""
        period = Period("2017-06-15", "2017-12-31")
        assert Certainty.NOT == period.contains("2017-06")
        assert Certainty.DEFINITELY == period.overlaps("2017-06")

    def test_completed_in_a_year_overlaps_that_year(self) -> None:
        """A period from 2014 to "2017" definitely overlaps June 2016 and possibly June 2017."""
        period = Period("2014", "2017")
        assert (Certainty.DEFINITELY, Certainty.POSSIBLY, Certainty.NOT) == (
            period.overlaps("2016-06"),
            period.overlaps("2017-06"),
            period.overlaps("2018-01"),
        )

    def test_period_overlap_is_symmetric_and_three_valued(self) -> None:
        """Two periods overlap definitely, possibly or not, the same either way round."""
        a, b, c = Period("2014", "2016"), Period("2016", "2018"), Period("2019")
        assert (Certainty.POSSIBLY, Certainty.POSSIBLY) == (a.overlaps(b), b.overlaps(a))
        assert (Certainty.NOT, Certainty.NOT) == (a.overlaps(c), c.overlaps(a))
        assert Certainty.DEFINITELY == Period("2014", "2017").overlaps(Period("2015", "2016"))

    def test_a_start_is_never_after_the_end(self) -> None:
        """A period from "2017" to 2017-03-15 certainly contains 2017-03-15: it cannot start later."""
        assert (Certainty.DEFINITELY, Certainty.POSSIBLY) == (
            Period("2017", "2017-03-15").contains("2017-03-15"),
            Period("2017", "2017-03-15").contains("2017-03-14"),
        )
        assert Certainty.DEFINITELY == Period("2017-03-15", "2017").contains("2017-03-15")

    def test_end_before_start_is_refused(self) -> None:
        """A period whose end is certainly before its start raises ValueError."""
        with pytest.raises(ValueError, match="before"):
            Period("2017", "2016")

    def test_a_day_end_inside_a_year_start_is_allowed(self) -> None:
        """An end that may fall after the start ("2016" to 2016-03-01) is accepted."""
        assert "2016..2016-03-01" == str(Period("2016", "2016-03-01"))

    def test_certainty_is_truthy_unless_not(self) -> None:
        """DEFINITELY and POSSIBLY are truthy; NOT is falsy."""
        assert [True, True, False] == [bool(c) for c in (Certainty.DEFINITELY, Certainty.POSSIBLY, Certainty.NOT)]

    def test_period_rejects_datetimes(self) -> None:
        """A datetime is refused where a date is wanted, so no time of day slips in."""
        with pytest.raises(TypeError):
            Period("2016").contains(dt.datetime(2016, 1, 1, 12))  # type: ignore[arg-type]
