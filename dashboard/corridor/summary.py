"""The corridor's results in words, shared by the Corridor tab, the README's table and an export's
subtitle: amounts with their unit, what binds by name, day ranges, and a what-if's assumptions."""

from __future__ import annotations

from dashboard.corridor.model import BranchTime, CorridorResult, Cut
from dashboard.corridor.network import CorridorNetwork
from dashboard.corridor.whatif import CorridorWhatIf


def amount(unit: str, value: float | None) -> str:
    if value is None:
        return "not limited by any sourced figure"
    if unit == "Mt/y":
        return f"{value:,.1f} Mt/y"
    return f"{value:,.0f} {unit}"


def days(pair: tuple[float, float]) -> str:
    low, high = pair
    return f"{low:.1f} days" if abs(high - low) < 0.05 else f"{low:.1f}–{high:.1f} days"


def binds_text(network: CorridorNetwork, cut: Cut) -> str:
    if cut.capacity is None:
        return "nothing sourced"
    return ", ".join(short_label(network, e) for e in cut.binds) or "nothing"


def short_label(network: CorridorNetwork, element_id: str) -> str:
    return network.elements[element_id].label.split(" (")[0]


def cut_text(network: CorridorNetwork, cut: Cut) -> str:
    text = amount(cut.unit, cut.capacity)
    if cut.capacity is not None:
        text += f" ({binds_text(network, cut)})"
    return text


def utilisation_text(cut: Cut) -> str:
    if cut.utilisation is None or cut.volume is None:
        return f"{cut.unit}: no utilisation can be said"
    return (f"{amount(cut.unit, cut.volume.value).removesuffix('/y')} in {cut.volume.year} "
            f"({cut.volume.scope}): {cut.utilisation:.0%} of {amount(cut.unit, cut.capacity)}")


def branch_text(branch: BranchTime) -> str:
    text = f"{days(branch.total)} ({days(branch.running)} running, {days(branch.waiting)} waiting)"
    if branch.missing:
        text += f"; at least: {len(branch.missing)} part{'s' if len(branch.missing) != 1 else ''} unsourced"
    return text


def what_if_text(network: CorridorNetwork, what_if: CorridorWhatIf) -> str:
    """The assumptions a what-if applies, in words (an export's subtitle states them)."""
    if what_if.is_today:
        return "today's network"
    data = network.what_ifs
    parts = []
    if what_if.ferries:
        parts.append(f"{what_if.ferries} more Caspian container vessels (fleet {data.fleet} to {data.fleet + what_if.ferries})")
    if what_if.ports:
        sizes = ", ".join(f"{short_label(network, s.element)} {amount(s.unit, s.value)}" for s in data.ports)
        parts.append(f"ports at their announced phases ({sizes})")
    if what_if.btk is not None:
        parts.append(f"Baku-Tbilisi-Kars at {what_if.btk:g} Mt/y")
    if what_if.dwell:
        parts.append(f"border and gauge-change waits cut by {what_if.dwell} %")
    if what_if.anaklia:
        parts.append("Anaklia deep-sea port, phase 1")
    if what_if.northern:
        parts.append("the Northern corridor closed")
    return "; ".join(parts)


def northern_text(result: CorridorResult) -> str:
    texts = []
    for fit in result.northern:
        if fit.offered is None:
            texts.append(f"{fit.unit}: no Northern-corridor volume is published in this unit")
        elif fit.fits is None:
            texts.append(f"{fit.unit}: the spare capacity cannot be said")
        else:
            texts.append(f"{amount(fit.unit, fit.fits).removesuffix('/y')} of its {amount(fit.unit, fit.offered.value).removesuffix('/y')} "
                         f"({fit.offered.year}) fits ({fit.fits / fit.offered.value:.0%})")
    return "; ".join(texts)


def subtitle_text(network: CorridorNetwork, result: CorridorResult) -> str:
    """One sentence for an export: the assumptions and what they give."""
    black_sea = result.branch("black_sea")
    text = (f"Corridor what-if ({what_if_text(network, result.what_if)}): capacity "
            + "; ".join(cut_text(network, cut) for cut in result.cuts))
    if black_sea:
        text += f"; Altynkol to Constanța {days(black_sea.total)}"
    if result.northern:
        text += f"; Northern corridor's cargo: {northern_text(result)}"
    return text
