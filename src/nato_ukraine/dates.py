"""Dates at the precision a source gives them, periods with open ends, and certainty.

A :class:`PartialDate` is a year, a month or a day: "1997", "June 2017", "9 July 2016". It never
invents the parts a source leaves out. Each one covers a span of days, from :attr:`PartialDate.earliest` to
:attr:`PartialDate.latest`, so the question "was it active then?" has three answers, given as a
:class:`Certainty`: a programme that started in "2016" was *definitely* running on 2016-12-31
(if it had not ended), but only *possibly* on 2016-03-01.

Ordering: partial dates sort by their earliest day; when two start on the same day, the coarser
one comes first (``1997 < 1997-01 < 1997-01-01 < 1997-01-02 < 1997-02``). The order is total
and never puts a date before one whose earliest day is earlier.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from typing import Union

import attrs

__all__ = ["Certainty", "DateLike", "PartialDate", "Period", "Precision"]


class Precision(enum.IntEnum):
    """How much of a date is known. Finer precisions compare greater."""

    YEAR = 1
    MONTH = 2
    DAY = 3

    def __str__(self) -> str:
        return self.name.lower()


class Certainty(enum.Enum):
    """A three-valued answer: DEFINITELY, POSSIBLY or NOT.

    ``bool(certainty)`` is True for DEFINITELY and POSSIBLY, so a certainty can stand where a
    yes/no answer that includes the possible cases is wanted.
    """

    NOT = 0
    POSSIBLY = 1
    DEFINITELY = 2

    def __bool__(self) -> bool:
        return self is not Certainty.NOT


# Two defaults that differ in every field: what a parse takes from the default, it differs in.
_DEFAULT_A = _dt.datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = _dt.datetime(2004, 2, 2, 1, 1, 1)

# What a written date is checked for besides what python-dateutil reads in it. (Patterns as
# strings: the re module compiles each on first use, and caches it, not on import.)
_NUMBERS = r"[0-9]+"
_WORDS = r"[A-Za-z]+"
# A hyphen without a letter or a digit on one side of it: "2017--06", "June -2017".
_LOOSE_HYPHEN = r"(?<![0-9A-Za-z])-|-(?![0-9A-Za-z])"
# Numbers and hyphens, year first, not in ISO form: "2017-6", "2016-7-9".
_SHORT_ISO = r"[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?"
#: A day written as an ordinal: the number of "9th", "1st", "22nd".
_ORDINAL = r"(?<![0-9])([0-9]{1,2})(?:st|nd|rd|th)(?![A-Za-z])"
#: A text that begins as an ISO year and month ("2016-07").
_ISO_MONTH_START = r"[0-9]{4}-[0-9]{1,2}(?![0-9])"
# At either end, a sign or the open end of a range: "-2017", "+2017", "2017-", "2017/", "/2017".
_OPEN_ENDS = "+-/"


# Days in each month of a common year (index 0 unused); calendar.monthrange gives the same, but
# importing calendar costs more than the two lines it would save.
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def _check_parts(year: int, month: int | None, day: int | None) -> None:
    """Raise ValueError unless the parts make a real year, month or day (TypeError unless they
    are whole numbers)."""
    parts: tuple[tuple[str, object], ...] = (("year", year), ("month", month), ("day", day))  # (as given, unchecked)
    for name, part in parts:
        if part is not None and not isinstance(part, int) and not hasattr(type(part), "__index__"):
            hint = "; PartialDate.parse reads a text" if isinstance(part, str) else ""
            raise TypeError(f"the {name} must be a whole number, not {type(part).__name__}{hint}")
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range 1..9999")
    if month is None:
        if day is not None:
            raise ValueError("a day needs a month")
        return
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is out of range 1..12")
    if day is not None and not 1 <= day <= _month_days(year, month):
        raise ValueError(f"day {day} is out of range for {year:04d}-{month:02d}")


_new = object.__new__
_fromisoformat = _dt.date.fromisoformat


def _make(year: int, month: int | None, day: int | None) -> PartialDate:
    """``PartialDate(year, month, day)`` at half the cost, for the parser.

    The parts are checked just as ``__attrs_post_init__`` checks them, and the three slots are
    set as attrs' generated ``__init__`` sets them on a frozen class.
    """
    # The common case in a few comparisons: a year in range, with no month, or a month and no
    # day, or a day from 1 to 28 (every month has those). Anything else gets the full check.
    if month is None:
        common = day is None and 1 <= year <= 9999
    else:
        common = 1 <= year <= 9999 and 1 <= month <= 12 and (day is None or 1 <= day <= 28)
    if not common:
        _check_parts(year, month, day)
    return _assemble(year, month, day)


def _assemble(year: int, month: int | None, day: int | None) -> PartialDate:
    """A PartialDate of parts already checked, its slots set as attrs' ``__init__`` sets them.

    Each slot is set by its own descriptor (``_set_year`` ...): ``object.__setattr__`` would
    first look the name up along the class's bases, which costs as much again.
    """
    date = _new(PartialDate)
    _set_year(date, year)
    _set_month(date, month)
    _set_day(date, day)
    return date


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Build one with :meth:`parse` (``PartialDate.parse("June 2017")``) or from its parts
    (``PartialDate(2017, 6)``). ``str()`` gives the ISO form at its own precision: ``"2017"``,
    ``"2017-06"`` or ``"2017-06-09"``.

    Attributes:
        year: The year (1 to 9999).
        month: The month (1 to 12), or None for a year.
        day: The day of the month, or None for a year or a month.

    Raises:
        ValueError: If the parts do not make a real date, or a day is given without a month.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_parts(self.year, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date as people write it, keeping the precision it has.

        Accepts ISO forms ("1997", "2017-06", "2016-07-09") and written forms that python-dateutil
        reads ("June 2017", "9 July 2016", "29th November 2023"), white space around them ignored.
        Refuses anything it would have to guess: a text is read only if it states its year in four
        digits 0-9 and every other part one way only (so not "Jan 97", "-2017", "03/04/2017", "9 July").

        Args:
            text: The date as written.

        Returns:
            The date, at the precision the text gives.

        Raises:
            ValueError: If the text is not a date, or not one that can be read without a guess.
        """
        # An ISO day, the commonest form, is read first, as it is: the C date parser checks the
        # digits and the calendar at once. (At this length and with these dashes it reads
        # nothing but YYYY-MM-DD, so it reads no white space to strip.) What it refuses is read
        # as any other text, below.
        if type(text) is str and len(text) == 10 and text[4] == "-" and text[7] == "-" and cls is PartialDate:
            try:
                parsed = _fromisoformat(text)
            except ValueError:
                pass
            else:
                date = _new(PartialDate)  # (as _assemble() makes it, written out)
                _set_year(date, parsed.year)
                _set_month(date, parsed.month)
                _set_day(date, parsed.day)
                return date
        if not isinstance(text, str):
            raise TypeError(f"expected a string, not {type(text).__name__}")
        text = text.strip()
        # The ISO forms, told apart by their length: "1997", "2017-06", "2016-07-09", each part
        # all decimal digits 0-9 (other scripts' digits are refused as written forms). (Slicing by
        # position is cheaper than a regular expression, and the forms are fixed.)
        size = len(text)
        if size == 10 and text[4] == "-" and text[7] == "-" and cls is PartialDate:
            try:
                parsed = _fromisoformat(text)
            except ValueError:
                _check_digits(text)
                raise ValueError(f"{text!r} is not a date") from None
            return _assemble(parsed.year, parsed.month, parsed.day)
        if size == 4 or (size == 7 and text[4] == "-") or (size == 10 and text[4] == "-" and text[7] == "-"):
            year, month, day = text[:4], text[5:7], text[8:]  # "" for a part that is not there
            if (
                text.isascii()
                and year.isdecimal()
                and (not month or month.isdecimal())
                and (not day or day.isdecimal())
            ):
                y, m, d = int(year), int(month) if month else None, int(day) if day else None
                try:
                    return _make(y, m, d) if cls is PartialDate else cls(y, m, d)
                except ValueError:
                    raise ValueError(f"{text!r} is not a date") from None
        return cls._parse_written(text)

    @classmethod
    def _parse_written(cls, text: str) -> PartialDate:
        """Read a date that is not in ISO form, refusing what would be a guess (see :meth:`parse`)."""
        _check_digits(text)
        if not any(c.isdigit() for c in text):
            raise ValueError(f"{text!r} is not a date")
        if text[0] in _OPEN_ENDS:
            raise ValueError(f"{text!r} starts with {text[0]!r}: a sign or an open range? write the date alone")
        if text[-1] in _OPEN_ENDS:
            raise ValueError(f"{text!r} ends with {text[-1]!r}: an open range or a part left out? write the date alone")
        if "+" in text:
            raise ValueError(f"{text!r} has a sign: write the date alone")
        if re.search(_LOOSE_HYPHEN, text):
            raise ValueError(f"{text!r} has a hyphen with nothing on one side: write the date alone")
        from dateutil import parser  # imported only for dates that are not ISO-shaped

        # python-dateutil moves a date with a weekday and no day to that weekday ("Monday June
        # 2017" to 2017-06-05). So a weekday is set aside, and must be that of the day the rest
        # of the text gives.
        info = parser.parserinfo()
        named = {info.weekday(word) for word in re.findall(_WORDS, text)} - {None}
        if not named:
            return cls(*_read_written(text, text))
        rest = re.sub(_WORDS, lambda word: " " if info.weekday(word[0]) is not None else word[0], text)
        year, month, day = _read_written(rest, text)
        if month is None or day is None:
            raise ValueError(f"{text!r} has a weekday but no day: give the day of the month")
        date = _dt.date(year, month, day)
        if named != {date.weekday()}:
            weekday = info.WEEKDAYS[date.weekday()][1]  # (in English, as the text is read, whatever the locale)
            raise ValueError(f"{text!r} has the wrong weekday: {date.isoformat()} is a {weekday}")
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """Make a day-precision partial date from a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    @property
    def earliest(self) -> _dt.date:
        """The first day the date can be."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        """The last day the date can be."""
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.day is None:
            return _dt.date(self.year, self.month, _month_days(self.year, self.month))
        return _dt.date(self.year, self.month, self.day)

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"


def _check_digits(text: str) -> None:
    """Raise ValueError if the text has digits other than 0-9 (Arabic-Indic, full-width ...)."""
    if not text.isascii() and any(c.isdigit() and not c.isascii() for c in text):
        raise ValueError(f"{text!r} has digits other than 0-9: write the date in ASCII digits")


def _any_zone(name: str | None, offset: int | None) -> _dt.tzinfo | None:
    """A time zone for python-dateutil to set on a text that names one (which is then refused as
    a time of day), so that it does not warn of a zone name it does not know (UTC for any)."""
    return None if name is None and offset is None else _dt.timezone.utc


def _read_written(text: str, said: str) -> tuple[int, int | None, int | None]:
    """The year, month and day python-dateutil reads in ``text``, each None where the text does not
    state it; ValueError, naming ``said`` (the text as given), where reading it would be a guess."""
    from dateutil import parser

    try:
        first = parser.parse(text, default=_DEFAULT_A, tzinfos=_any_zone)
        second = parser.parse(text, default=_DEFAULT_B, tzinfos=_any_zone)
        day_first = parser.parse(text, default=_DEFAULT_A, dayfirst=True, tzinfos=_any_zone)
    except (ValueError, OverflowError):
        raise ValueError(f"{said!r} is not a date") from None
    # The defaults differ in hour, minute and second: any of them both parses share came
    # from the text.
    shared_time = first.hour == second.hour or first.minute == second.minute or first.second == second.second
    if first.tzinfo is not None or shared_time:
        raise ValueError(f"{said!r} has a time of day; give a date only")
    stated = _stated_year(text, said)
    if first.year != second.year:
        raise ValueError(f"{said!r} has no year")
    if stated is None:
        raise ValueError(f"{said!r} has a two-digit year: write the year in full")
    if stated[0] == "0":
        raise ValueError(f"{said!r} has a year before 1000: write the date in ISO form (YYYY-MM-DD)")
    if first.year != int(stated):
        raise ValueError(f"{said!r} is not a date")
    if first != day_first:
        raise ValueError(f"{said!r} is ambiguous (day and month could be swapped)")
    if first.month != second.month:
        if first.day != second.day:
            return first.year, None, None
        raise ValueError(f"{said!r} has a day but no month")
    if re.match(_ISO_MONTH_START, text) and any(_is_month_name(word) for word in re.findall(_WORDS, text)):
        raise ValueError(f"{said!r} starts as an ISO month and names a month too: which is the month?")
    _check_ordinal(text, said, first.day if first.day == second.day else None)
    if first.day != second.day:
        return first.year, first.month, None
    return first.year, first.month, first.day


def _check_ordinal(text: str, said: str, day: int | None) -> None:
    """ValueError, naming ``said``, if an ordinal ("9th") is not the day read: python-dateutil
    takes "9th 2016" for September."""
    for number in re.findall(_ORDINAL, text):
        if day is None or int(number) != day:
            raise ValueError(f"{said!r} has a day ({number}) but no month: give the month")


def _is_month_name(word: str) -> bool:
    from dateutil import parser

    return parser.parserinfo().month(word) is not None


def _stated_year(text: str, said: str) -> str | None:
    """The year ``text`` writes in four digits, None if it has no four-digit number; ValueError,
    naming ``said``, if its numbers could not all be read one way."""
    numbers = re.findall(_NUMBERS, text)
    for number in numbers:
        if len(number) == 3 or len(number) > 4:
            raise ValueError(
                f"{said!r} has a number of {len(number)} digits: a year has four, a month and a day one or two"
            )
    years = [number for number in numbers if len(number) == 4]
    if len(years) > 1:
        raise ValueError(f"{said!r} has more than one four-digit number: which is the year?")
    if re.fullmatch(_SHORT_ISO, text):
        raise ValueError(f"{said!r} is not in ISO form: write the month and the day in two digits")
    return years[0] if years else None


#: The setters of PartialDate's slots, for :func:`_assemble`.
_set_year, _set_month, _set_day = (vars(PartialDate)[name].__set__ for name in ("year", "month", "day"))

#: What the date queries accept: a partial date, a date, a string :meth:`PartialDate.parse` reads,
#: or an int, a year.
DateLike = Union[PartialDate, _dt.date, str, int]


def as_partial_date(value: DateLike) -> PartialDate:
    """Turn a :data:`DateLike` into a :class:`PartialDate`: an int is a year (``2014``).

    Raises:
        ValueError: If a string is not a date, or an int not a year from 1 to 9999.
        TypeError: If the value is of another type (a bool, a float, a datetime).
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.datetime):
        raise TypeError("expected a date, not a datetime")
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    if type(value) is not int:  # (a bool is an int to Python, not a year)
        raise TypeError(f"expected a PartialDate, date, string or year (an int), not {type(value).__name__}")
    return PartialDate(value)


def _optional_date(value: DateLike | None) -> PartialDate | None:
    return None if value is None else as_partial_date(value)


_MIN = _dt.date.min
_MAX = _dt.date.max


@attrs.frozen
class Period:
    """A span of time whose ends are partial dates, either of which may be open (None).

    An open end is one the sources do not give: an open start means "since a time not known",
    an open end "until a time not known, or still". Because the ends are partial dates, a period
    has a *definite* core (from the latest its start can be to the earliest its end can be)
    inside a *possible* span (from the earliest start to the latest end); :meth:`contains` and
    :meth:`overlaps` answer with a :class:`Certainty` accordingly. A period with an open end has
    no definite core: what is not known can only ever give POSSIBLY.

    Attributes:
        start: When it began, or None.
        end: When it ended, or None.

    Raises:
        ValueError: If the end is certainly before the start.
    """

    start: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    end: PartialDate | None = attrs.field(default=None, converter=_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end.latest < self.start.earliest:
            raise ValueError(f"the end {self.end} is before the start {self.start}")

    @property
    def possible(self) -> tuple[_dt.date, _dt.date]:
        """The widest span the period can cover: earliest start to latest end."""
        return (
            _MIN if self.start is None else self.start.earliest,
            _MAX if self.end is None else self.end.latest,
        )

    @property
    def definite(self) -> tuple[_dt.date, _dt.date]:
        """The span the period certainly covers: latest start to earliest end (may be empty,
        the first later than the second).

        A period never starts after it ends, so its start is at the latest its end's latest day
        ("2017" to 2017-03-15 certainly covers 2017-03-15), and its end at the earliest its
        start's earliest day. A period with an open end certainly covers no day: it is empty.
        """
        if self.start is None or self.end is None:
            return _MAX, _MIN
        lo = self.start.latest
        hi = self.end.earliest
        if self.end.latest < lo:
            lo = self.end.latest
        if self.start.earliest > hi:
            hi = self.start.earliest
        return lo, hi

    def contains(self, when: DateLike) -> Certainty:
        """Whether the whole of ``when`` falls inside the period.

        A day is definitely inside when it lies in the definite core, possibly inside when it
        lies in the possible span. A month or a year must fit whole.

        Args:
            when: A date, at any precision.

        Returns:
            DEFINITELY, POSSIBLY or NOT.
        """
        day = as_partial_date(when)
        return _contains(self, day.earliest, day.latest)

    def overlaps(self, other: Period | DateLike) -> Certainty:
        """Whether the period and ``other`` share at least one day.

        ``other`` may be another period (both sides uncertain) or a date at any precision (a
        fixed span of days). The answer is symmetric for two periods.

        Args:
            other: A period or a date.

        Returns:
            DEFINITELY, POSSIBLY or NOT.
        """
        if isinstance(other, Period):
            # Certain when the latest either can start is no later than the earliest the
            # other can end; possible when the widest spans meet.
            a_lo, a_hi = self.definite
            b_lo, b_hi = other.definite
            if a_lo <= b_hi and b_lo <= a_hi:
                return Certainty.DEFINITELY
            a_lo, a_hi = self.possible
            b_lo, b_hi = other.possible
            return Certainty.POSSIBLY if a_lo <= b_hi and b_lo <= a_hi else Certainty.NOT
        day = as_partial_date(other)
        return _overlaps(self, day.earliest, day.latest)

    def __str__(self) -> str:
        start = "" if self.start is None else str(self.start)
        end = "" if self.end is None else str(self.end)
        return f"{start}..{end}"


def _contains(period: Period, lo: _dt.date, hi: _dt.date) -> Certainty:
    d_lo, d_hi = period.definite
    if d_lo <= lo and hi <= d_hi:
        return Certainty.DEFINITELY
    p_lo, p_hi = period.possible
    return Certainty.POSSIBLY if p_lo <= lo and hi <= p_hi else Certainty.NOT


def _overlaps(period: Period, lo: _dt.date, hi: _dt.date) -> Certainty:
    # The period meets [lo, hi] when it starts by hi and ends no earlier than lo; it does so
    # whatever its ends turn out to be when even its latest start and earliest end do.
    d_lo, d_hi = period.definite
    if d_lo <= hi and lo <= d_hi:
        return Certainty.DEFINITELY
    p_lo, p_hi = period.possible
    return Certainty.POSSIBLY if p_lo <= hi and lo <= p_hi else Certainty.NOT
