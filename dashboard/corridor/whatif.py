"""The corridor's what-ifs as one frozen record, and how a link writes it (`corridor=ferries:6,btk:17`).

Each knob changes only what it names: more Caspian vessels, the ports at their announced phases, BTK at
a stated capacity, border and gauge-change waits cut, the Anaklia port, the Northern corridor closed.
What each applies (the figures and their sources) is in geodata/corridor_network.json; targets are
never a what-if's value: they are marked beside the results."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

FERRIES_RANGE = (0, 12)  # vessels added to today's fleet
DWELL_RANGE = (0, 90)  # percent of the border and gauge-change waits cut
BTK_RANGE = (0.5, 17.0)  # Mt/y: up to the highest stated capacity
SWITCHES = ("ports", "anaklia", "northern")


@dataclass(frozen=True)
class CorridorWhatIf:
    ferries: int = 0
    ports: bool = False
    btk: float | None = None  # Mt/y; None = as today
    dwell: int = 0
    anaklia: bool = False
    northern: bool = False

    @property
    def is_today(self) -> bool:
        return self == CorridorWhatIf()

    def pairs(self) -> tuple[tuple[str, float], ...]:
        """What differs from today, as (knob, number) sorted by knob: the view's and the URL's form."""
        found = []
        for field in fields(self):
            value = getattr(self, field.name)
            if value in (0, False, None):
                continue
            found.append((field.name, float(value)))
        return tuple(sorted(found))

    @classmethod
    def from_pairs(cls, pairs) -> "CorridorWhatIf":
        what_if, _ = parse(",".join(f"{k}:{_number(v)}" for k, v in pairs or ()))
        return what_if


def _number(value: float) -> str:
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def encode(what_if: CorridorWhatIf) -> str | None:
    """`ferries:6,btk:17`, or None for today (left out of the address)."""
    return ",".join(f"{knob}:{_number(value)}" for knob, value in what_if.pairs()) or None


def _clamped(knob: str, number: float, low: float, high: float, ignored: list[str]) -> float:
    clamped = min(high, max(low, number))
    if clamped != number:
        ignored.append(f"corridor: {knob} {_number(number)} is out of range {_number(low)}-{_number(high)}, "
                       f"set to {_number(clamped)}")
    return clamped


def parse(text: str) -> tuple[CorridorWhatIf, list[str]]:
    """The nearest valid what-if for `knob:number,...` and what was ignored; never raises. A '+' before
    a number (ferries:+4) is read as written, also when a query decoded it as a space."""
    ignored: list[str] = []
    what_if = CorridorWhatIf()
    for item in (x.strip() for x in (text or "").split(",") if x.strip()):
        knob, _, number_text = item.partition(":")
        try:
            number = float(number_text.strip().lstrip("+"))
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or knob not in {f.name for f in fields(CorridorWhatIf)}:
            ignored.append(f"corridor: {item[:40]!r} is not KNOB:NUMBER for ferries, ports, btk, dwell, anaklia or northern")
            continue
        if knob == "ferries":
            what_if = replace(what_if, ferries=int(round(_clamped(knob, number, *FERRIES_RANGE, ignored))))
        elif knob == "dwell":
            what_if = replace(what_if, dwell=int(round(_clamped(knob, number, *DWELL_RANGE, ignored))))
        elif knob == "btk":
            what_if = replace(what_if, btk=round(_clamped(knob, number, *BTK_RANGE, ignored), 2))
        else:
            what_if = replace(what_if, **{knob: number >= 0.5})
    return what_if, ignored


def decode_parameter(view, value: str, vocabulary, ignored: list[str]):
    """The URL table's decoder (dashboard/url_state.py PARAMETERS): the view with this what-if."""
    what_if, problems = parse(value)
    ignored.extend(problems)
    return replace(view, corridor=what_if.pairs())


def encode_parameter(view) -> str | None:
    return encode(CorridorWhatIf.from_pairs(view.corridor))
