"""The README's corridor table, computed from the model: `python -m tools.corridor_table` prints it,
`--write` puts it in README.md between its markers. tests/test_corridor_table.py holds the README to it."""

from __future__ import annotations

import sys

from dashboard.appdata import AppData
from dashboard.corridor.model import corridor_result
from dashboard.corridor.network import CorridorNetwork
from dashboard.corridor.summary import amount, branch_text, cut_text, days, northern_text, what_if_text
from dashboard.corridor.whatif import CorridorWhatIf
from tools.readme_block import main, markers, with_block

START, END = markers("corridor-table")


def what_ifs(network: CorridorNetwork) -> list[CorridorWhatIf]:
    data = network.what_ifs
    rows = [CorridorWhatIf(), CorridorWhatIf(ferries=data.ferries_suggested), CorridorWhatIf(ports=True),
            CorridorWhatIf(ferries=data.ferries_suggested, ports=True)]
    rows += [CorridorWhatIf(btk=s.value) for s in data.btk_stated]
    rows += [CorridorWhatIf(dwell=data.dwell_suggested), CorridorWhatIf(anaklia=True), CorridorWhatIf(northern=True)]
    return rows


def table(data: AppData) -> str:
    network = data.corridor
    lines = ["| what-if | Mt/y (what binds) | TEU/y (what binds) | Black Sea branch, Altynkol–Constanța | "
             "BTK branch, Altynkol–Istanbul |", "|---|---|---|---|---|"]
    for what_if in what_ifs(network):
        result = corridor_result(network, what_if)
        black_sea, turkey = result.branch("black_sea"), result.branch("turkey")
        title = what_if_text(network, what_if)
        if result.northern:
            title += f": {northern_text(result)}"
        sea = branch_text(black_sea)
        if result.branch("anaklia"):
            sea += f"; through Anaklia {branch_text(result.branch('anaklia'))}"
        lines.append(f"| {title} | {cut_text(network, result.cut('Mt/y'))} | {cut_text(network, result.cut('TEU/y'))} | "
                     f"{sea} | {branch_text(turkey)} |")
    today = corridor_result(network)
    marks = "; ".join(f"{t.label}" for t in network.targets)
    lines += ["", "Utilisation today: " + "; ".join(
        f"{amount(c.unit, c.volume.value).removesuffix('/y')} in {c.volume.year} ({c.volume.scope}) is "
        f"{c.utilisation:.0%} of its {amount(c.unit, c.capacity)}"
        for c in today.cuts if c.utilisation is not None) + ".",
        f"Targets, marked for comparison and never applied: {marks}. From China's coast add "
        f"{days((network.china_leg.low, network.china_leg.high))} to the Kazakh border."]
    return "\n".join(lines)


def with_table(readme: str, text: str) -> str:
    return with_block(readme, text, START, END)


if __name__ == "__main__":
    main(sys.argv[1:], table, START, END)
