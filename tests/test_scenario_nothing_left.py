"""Every export route switched off: the Scenarios tab says one true thing (nothing can be exported),
not a range from 0 to 0 beside "nothing binds" and a share through Russia of nothing."""

from dataclasses import replace

from dashboard.ui.scenario_panel import scenario_result_view
from dashboard.view import View


def text_of(component) -> str:
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


def test_every_switch_off_says_nothing_can_be_exported(app_data):
    view = replace(View(), off=frozenset(app_data.oil.switches))
    text = " ".join(text_of(c) for c in scenario_result_view(app_data, view))
    assert "could export none of the" in text
    for contradiction in ("between 0.0", "What binds at the ceiling: nothing", "Share through Russia",
                          "Concentration"):
        assert contradiction not in text


def test_one_switch_off_still_gives_the_range(app_data):
    switch = sorted(app_data.oil.switches)[0]
    text = " ".join(text_of(c) for c in scenario_result_view(app_data, replace(View(), off=frozenset({switch}))))
    assert "could export between" in text and "What binds at the ceiling" in text
