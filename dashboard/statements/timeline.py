"""The statements timeline's marks: when statements were made, as periods of whole months, so that
the timeline has at most MAX_PERIODS marks however many articles the corpus holds (a mark per day
made it grow with every article; it is drawn with the page). Pure and independent of Dash."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

# About one mark per 5 px of the panel's narrowest timeline track: more could not be told apart.
MAX_PERIODS = 60
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Period:
    """Statements made within some whole months."""

    first_day: dt.date  # the first day a statement in the period was made: where its mark is drawn
    label: str  # "Mar 2023", or "Jan–Mar 2023", or "Nov 2023–Feb 2024"
    said: int  # statements made in the period
    found: int  # of which the filters found


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_text(month: int) -> tuple[str, int]:
    return MONTH_NAMES[month % 12], month // 12


def period_label(first_month: int, last_month: int) -> str:
    (start, start_year), (end, end_year) = _month_text(first_month), _month_text(last_month)
    if first_month == last_month:
        return f"{start} {start_year}"
    if start_year == end_year:
        return f"{start}–{end} {end_year}"
    return f"{start} {start_year}–{end} {end_year}"


def months_per_period(first: dt.date, last: dt.date, max_periods: int = MAX_PERIODS) -> int:
    """The fewest whole months a period must span for the months from `first` to `last` to fit in
    `max_periods` periods."""
    return max(1, math.ceil((_month(last) - _month(first) + 1) / max_periods))


def said_periods(said: Iterable[dt.date], found: Iterable[dt.date],
                 max_periods: int = MAX_PERIODS) -> tuple[Period, ...]:
    """The periods statements were made in, oldest first, each with how many of them were found:
    `said` has the day of every statement of the corpus, `found` of those the filters found."""
    said_days = Counter(said)
    if not said_days:
        return ()
    found_days = Counter(found)
    start = _month(min(said_days))
    width = months_per_period(min(said_days), max(said_days), max_periods)
    periods: dict[int, list] = {}
    for day in sorted(said_days):
        number = (_month(day) - start) // width
        first_day, count, matching = periods.get(number, (day, 0, 0))
        periods[number] = (first_day, count + said_days[day], matching + found_days[day])
    return tuple(Period(first_day=first_day, said=count, found=matching,
                        label=period_label(start + number * width, start + (number + 1) * width - 1))
                 for number, (first_day, count, matching) in sorted(periods.items()))
