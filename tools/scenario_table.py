"""The README's scenario table, computed from the model: `python -m tools.scenario_table` prints it,
`--write` puts it in README.md between its markers. tests/test_scenario_table.py holds the README to it."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from dashboard.appdata import AppData
from tools.readme_block import main, markers, with_block
from dashboard.scenario.flow import Scenario, export_capacity, scenario_for_event
from dashboard.scenario.summary import hhi_text, mt, share_text, short_label

START, END = markers("scenario-table")


@dataclass(frozen=True)
class Row:
    title: str
    scenario: Scenario


def rows(data: AppData) -> list[Row]:
    event = data.event
    cpc_out = Scenario(off=frozenset({"cpc_terminal"}))
    target = event("2022-11-20mt-target")
    return [
        Row(f"today ({data.oil.volume_year} volumes)", Scenario()),
        Row("CPC marine terminal out (Nov 2025)", scenario_for_event(event("2025-11-cpc-spm2-attack"))),
        Row("… and Aktau's port grown to the 20 Mt/y target (a what-if)",
            Scenario(off=cpc_out.off, capacities=target.what_if_capacities)),
        Row("one CPC mooring of three loading (Mar 2022, Aug 2022)", scenario_for_event(event("2022-03-cpc-storm"))),
        Row("Kropotkinskaya hit, Kazakh pumping −30 % (Feb 2025)", scenario_for_event(event("2025-02-kropotkinskaya"))),
        Row("BTC closed to Kazakh oil (Aug–Sep 2025)", scenario_for_event(event("2025-08-btc-contamination"))),
        Row("Novorossiysk court order (Jul 2022): changed nothing", scenario_for_event(event("2022-07-cpc-court"))),
    ]


def table(data: AppData) -> str:
    oil = data.oil
    year = oil.volume_year
    names = {edge_id: short_label(edge.label) for edge_id, edge in oil.edges.items()}
    lines = [f"| scenario | today / floor (Mt/y) | ceiling (Mt/y) | through Russia: floor · ceiling "
             f"| HHI: floor · ceiling | binds at the ceiling |", "|---|---|---|---|---|---|"]
    for row in rows(data):
        result = export_capacity(oil, row.scenario)
        floor, ceiling = result.floor, result.ceiling
        if ceiling.binds:
            binds = ", ".join(names[e] for e in ceiling.binds)
        else:
            binds = "nothing: the oil to move binds"
        if not ceiling.decided:
            binds += "; the split is open" if ceiling.binds else "; any split"
        lines.append(f"| {row.title} | {mt(floor.total)} | {mt(ceiling.total)} | {share_text(floor.russia)} · "
                     f"{share_text(ceiling.russia)} | {hhi_text(floor.hhi)} · {hhi_text(ceiling.hhi)} | {binds} |")
    lines.append("")
    lines.append(f"Of the {mt(oil.supply)} Mt exported in {year}, the sources put {mt(export_capacity(oil).today)} Mt "
                 f"on a route; the rest is within the stated tolerance ({oil.supply_tolerance:g} Mt).")
    return "\n".join(lines)


def with_table(readme: str, text: str) -> str:
    return with_block(readme, text, START, END)


if __name__ == "__main__":
    main(sys.argv[1:], table, START, END)
