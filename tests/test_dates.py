"""Tests for nato_ukraine.dates: partial dates, periods and certainty."""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import operator
import re
import warnings
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


# The tests below close the gaps mutation testing found (make mutate, docs/testing.md).


class TestCalendar:
    @pytest.mark.parametrize(
        ("year", "leap"), [(1900, False), (2000, True), (2016, True), (2017, False), (2100, False), (2400, True)]
    )
    def test_february_has_29_days_in_leap_years_only(self, year: int, leap: bool) -> None:
        """A year divisible by 4 is a leap year unless it is a century not divisible by 400 (1900 no, 2000 yes)."""
        assert (29 if leap else 28) == PartialDate(year, 2).latest.day
        assert (365 + leap) == (PartialDate(year).latest - PartialDate(year).earliest).days + 1
        if leap:
            assert PartialDate(year, 2, 29) == D(f"{year:04d}-02-29") == D(f"29 February {year}")
        else:
            for text in (f"{year:04d}-02-29", f"29 February {year}"):
                with pytest.raises(ValueError, match="not a date"):
                    D(text)
            with pytest.raises(ValueError, match=f"day 29 is out of range for {year:04d}-02"):
                PartialDate(year, 2, 29)

    @pytest.mark.parametrize(("month", "days"), [(1, 31), (4, 30), (6, 30), (7, 31), (9, 30), (11, 30), (12, 31)])
    def test_each_month_ends_on_its_last_day(self, month: int, days: int) -> None:
        """A month runs to its own last day: the 30th or the 31st."""
        assert days == PartialDate(2017, month).latest.day
        assert PartialDate(2017, month, days).day == days
        with pytest.raises(ValueError, match=f"day {days + 1} is out of range for 2017-{month:02d}"):
            PartialDate(2017, month, days + 1)

    @pytest.mark.parametrize(
        ("parts", "message"),
        [
            ((0,), "year 0 is out of range 1..9999"),
            ((10000,), "year 10000 is out of range 1..9999"),
            ((2017, 0), "month 0 is out of range 1..12"),
            ((2017, 13), "month 13 is out of range 1..12"),
            ((2017, 6, 0), "day 0 is out of range for 2017-06"),
            ((2017, None, 1), "a day needs a month"),
        ],
    )
    def test_parts_just_out_of_range_are_refused_by_name(self, parts: tuple[int | None, ...], message: str) -> None:
        """A year, month or day one past its range raises ValueError saying which part and its range."""
        with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
            PartialDate(*parts)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "parts", [(1,), (9999,), (2017, 1), (2017, 12), (2017, 6, 1), (2017, 6, 30), (1, 1, 1), (9999, 12, 31)]
    )
    def test_parts_at_the_ends_of_their_ranges_are_accepted(self, parts: tuple[int, ...]) -> None:
        """The first and the last year, month and day of each range make a date, built or parsed from its ISO form."""
        date = PartialDate(*parts)
        assert parts == tuple(part for part in (date.year, date.month, date.day) if part is not None)
        assert date == D(str(date))

    @pytest.mark.parametrize(
        "text", ["0000", "0000-01", "2017-00", "2017-13", "2017-06-00", "2017-06-31", "2017-02-29"]
    )
    def test_iso_texts_just_out_of_range_are_refused(self, text: str) -> None:
        """An ISO text with a part one past its range is refused with ValueError naming the text."""
        with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a date")):
            D(text)


class TestConstruction:
    def test_from_date_keeps_the_day(self) -> None:
        """PartialDate.from_date makes a day-precision date of a datetime.date."""
        assert PartialDate(2016, 7, 9) == PartialDate.from_date(dt.date(2016, 7, 9))
        assert Precision.DAY == PartialDate.from_date(dt.date(2016, 7, 9)).precision

    def test_str_pads_each_part_to_its_iso_width(self) -> None:
        """str() writes the year in four digits and the month and day in two, however small they are."""
        assert ["0097", "0097-01", "0097-01-05"] == [
            str(PartialDate(97)),
            str(PartialDate(97, 1)),
            str(PartialDate(97, 1, 5)),
        ]

    def test_precision_names_itself_in_lower_case(self) -> None:
        """str() of a precision is its name in lower case."""
        assert ["year", "month", "day"] == [str(p) for p in (Precision.YEAR, Precision.MONTH, Precision.DAY)]

    @pytest.mark.parametrize(
        ("parts", "message"),
        [
            (("2017",), "the year must be a whole number, not str; PartialDate.parse reads a text"),
            ((2017, 6.0), "the month must be a whole number, not float"),
            ((2017, 6, 1.5), "the day must be a whole number, not float"),
            ((2017, "6"), "the month must be a whole number, not str; PartialDate.parse reads a text"),
        ],
    )
    def test_a_part_that_is_not_a_whole_number_is_named_with_its_type(
        self, parts: tuple[object, ...], message: str
    ) -> None:
        """A part that is not a whole number raises TypeError naming the part and its type; a text points to parse."""
        with pytest.raises(TypeError, match="^" + re.escape(message) + "$"):
            PartialDate(*parts)  # type: ignore[arg-type]

    def test_parse_names_the_type_it_refuses(self) -> None:
        """PartialDate.parse of something that is not a string raises TypeError naming its type."""
        with pytest.raises(TypeError, match=r"^expected a string, not int$"):
            PartialDate.parse(2017)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^expected a string, not bytes$"):
            PartialDate.parse(b"2016-07-09")  # type: ignore[arg-type]


class TestWrittenForms:
    @pytest.mark.parametrize("text", ["2016 AD", "2016.", "AD 2016"])
    def test_a_written_year_alone_is_a_year(self, text: str) -> None:
        """A written text that states a year and nothing else reads as that year, with no month or day made up."""
        assert PartialDate(2016) == D(text)

    @pytest.mark.parametrize("text", ["9 July 2016 30s", "9 July 2016 5m", "9 July 2016 10h", "July 2016 10:30:15"])
    def test_a_time_in_any_one_unit_is_refused(self, text: str) -> None:
        """A time of day is refused whether it states the hour, the minute or only the second."""
        with pytest.raises(ValueError, match=re.escape(f"{text!r} has a time of day")):
            D(text)

    @pytest.mark.parametrize("text", ["9 July 2016 10:00 PST", "9 July 2016 10:00 EEST", "9 July 2016 10:00 +0200"])
    def test_a_time_zone_is_refused_without_a_warning(self, text: str) -> None:
        """A time with a zone, named (known or not) or an offset, is refused; python-dateutil warns of no zone."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(ValueError, match=re.escape(f"{text!r} has ")):
                D(text)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("June +2017", "has a sign: write the date alone"),
            ("Saturday 9 July 2016 10:00", "has a time of day; give a date only"),
            ("Saturday July 2016", "has a weekday but no day: give the day of the month"),
            ("2016-W27-6", "is not a date"),
            ("2016-07-09T00", "has a time of day"),
        ],
    )
    def test_a_refusal_names_the_whole_text(self, text: str, reason: str) -> None:
        """A refused text, a weekday and all, is named whole in the message, with the reason."""
        with pytest.raises(ValueError, match="^" + re.escape(f"{text!r} {reason}")):
            D(text)

    @pytest.mark.parametrize("text", ["9\u00a0July\u00a02016", "9\u2009July 2016"])
    def test_white_space_past_ascii_is_white_space(self, text: str) -> None:
        """A written date spaced with a no-break or thin space reads as the date: only digits must be ASCII."""
        assert PartialDate(2016, 7, 9) == D(text)


class Anniversary(PartialDate):
    """A subclass of PartialDate, as a user may make one."""


class TestSubclass:
    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("1997", (1997, None, None)),
            ("2017-06", (2017, 6, None)),
            ("2016-07-25", (2016, 7, 25)),
            (" 2016-07-25 ", (2016, 7, 25)),
            ("June 2017", (2017, 6, None)),
            ("25 July 2016", (2016, 7, 25)),
        ],
    )
    def test_parse_on_a_subclass_makes_the_subclass(self, text: str, parts: tuple[int | None, ...]) -> None:
        """parse on a subclass of PartialDate returns an instance of the subclass, read as PartialDate reads it."""
        date = Anniversary.parse(text)
        assert Anniversary is type(date)
        assert parts == (date.year, date.month, date.day)

    @pytest.mark.parametrize("text", ["2017-02-30", "2017-13", "2016-W27-6", "0000"])
    def test_a_subclass_refuses_what_partial_date_refuses(self, text: str) -> None:
        """parse on a subclass refuses, with ValueError naming the text, each text that PartialDate.parse refuses."""
        with pytest.raises(ValueError, match=re.escape(repr(text))):
            Anniversary.parse(text)

    def test_from_date_on_a_subclass_makes_the_subclass(self) -> None:
        """from_date called on a subclass returns an instance of the subclass."""
        assert Anniversary is type(Anniversary.from_date(dt.date(2016, 7, 9)))


#: Dates of every precision, in their order: coarser first on the same first day.
IN_ORDER = ("1997", "1997-01", "1997-01-01", "1997-01-02", "1997-02", "1998")


class TestComparisons:
    @pytest.mark.parametrize(("a", "b"), list(itertools.combinations(IN_ORDER, 2)))
    def test_each_operator_agrees_with_the_order(self, a: str, b: str) -> None:
        """<, <=, > and >= give the sorted order, both ways round, for dates of any two precisions."""
        x, y = D(a), D(b)
        assert (True, True, False, False) == (x < y, x <= y, x > y, x >= y)
        assert (False, False, True, True) == (y < x, y <= x, y > x, y >= x)

    @pytest.mark.parametrize("text", IN_ORDER)
    def test_a_date_is_equal_to_itself_in_the_order(self, text: str) -> None:
        """A date is <= and >= an equal date, and neither < nor > it."""
        x, y = D(text), D(text)
        assert (False, True, False, True) == (x < y, x <= y, x > y, x >= y)

    @pytest.mark.parametrize("other", ["2018", 2018, dt.date(2018, 1, 1), None])
    def test_every_operator_refuses_other_types(self, other: object) -> None:
        """Each of <, <=, > and >= between a partial date and something else raises TypeError."""
        date = D("2017")
        for compare in (operator.lt, operator.le, operator.gt, operator.ge):
            with pytest.raises(TypeError):
                compare(date, other)  # type: ignore[arg-type]


class TestPeriodEdges:
    def test_str_leaves_an_open_end_empty(self) -> None:
        """str() of a period writes an open start or end as nothing on its side of the two dots."""
        assert ["2016..", "..2014", "..", "2014..2016-03"] == [
            str(Period("2016")),
            str(Period(None, "2014")),
            str(Period()),
            str(Period("2014", "2016-03")),
        ]

    def test_an_int_is_a_year(self) -> None:
        """A period's ends and the dates it is asked about may be given as ints: years."""
        assert Period("2014", "2016") == Period(2014, 2016)
        assert (Certainty.DEFINITELY, Certainty.POSSIBLY, Certainty.NOT) == (
            Period(2014, 2016).contains(2015),
            Period(2014, 2016).contains(2016),
            Period(2014, 2016).contains(2017),
        )

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (dt.datetime(2016, 1, 1, 12), "expected a date, not a datetime"),
            (1.5, "not float"),
            (True, "not bool"),
            (b"2016", "not bytes"),
        ],
    )
    def test_what_is_not_a_date_is_refused_by_its_type(self, value: object, message: str) -> None:
        """A datetime, a float, a bool or bytes where a date is wanted raises TypeError naming what it is."""
        with pytest.raises(TypeError, match=re.escape(message) + "$"):
            Period("2016").contains(value)  # type: ignore[arg-type]
