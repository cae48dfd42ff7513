"""axe-core in the test browser: the pinned npm copy (package.json) is injected into the page under
test with execute_script, so it is never fetched at run time and never served to users' pages."""

from __future__ import annotations

from functools import lru_cache

import pytest

from dashboard.paths import PROJECT_ROOT

AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA (WCAG 2.2 added no level-A rule to axe).
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Inside Dash's and Plotly's own components, only what cannot be fixed from outside is left out of
# the audit, exactly that element, each for its reason:
THIRD_PARTY_EXCLUDED = [
    # Dash 4's Dropdown: a hidden input that takes the Tab key's focus and hands it at once to the
    # dropdown's own button (Safari skips buttons in the Tab order). It is aria-hidden so a screen
    # reader never meets an unnamed text box; it is focusable or the dropdown leaves the Tab order.
    # The button it hands focus to is audited like everything else.
    ".dash-dropdown-focus-target",
]


@lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(PROJECT_ROOT)} is missing: `npm ci` installs the pinned axe-core "
                    "(`make test` runs it when needed)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


RUN_AXE = """
const [tags, exclude, done] = arguments;
axe.run({exclude: exclude}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(results => done(results.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                summary: n.failureSummary}))}))))
  .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
"""


def violations(driver, exclude: list | None = None) -> list[dict]:
    """axe-core's violations of WCAG 2.2 A and AA on the page as it is now."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    driver.set_script_timeout(180)  # a few seconds on an idle machine; bounds only a failure
    return driver.execute_async_script(RUN_AXE, WCAG_AA_TAGS, [[s] for s in THIRD_PARTY_EXCLUDED + (exclude or [])])


def report(found: list[dict]) -> str:
    """Each violation as its rule, impact and help, then every element with what to fix."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} "
                     f"— {len(violation['nodes'])} element(s)")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}  {node['html']}")
            if node.get("summary"):
                lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def table_row(found: list[dict]) -> str:
    """The issue's table cell: rule: impact, element count."""
    return "; ".join(f"{v['id']}: {v['impact']}, {len(v['nodes'])}" for v in found) or "none"
