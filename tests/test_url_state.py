"""The URL codec: round trips for every valid view, and no input that makes it raise."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.corridor.whatif import DWELL_RANGE, FERRIES_RANGE, CorridorWhatIf
from dashboard.registry.layers import LAYER_IDS
from dashboard.registry.model import STATUSES
from dashboard.url_state import MAX_QUERY_CHARS, Vocabulary, decode, encode
from dashboard.panels import PANELS
from dashboard.view import EMBED_PANELS, SCALE_RANGE, View
from dashboard.statements.query import MAX_SEARCH_CHARS, ORDERS, normal_search

ROUTES = ("cpc", "tap", "middle_corridor_black_sea")
STATEMENTS = ("uk-kazakhstan-export-routes-3", "uk-kazakhstan-export-routes-7")
SWITCHES = ("cpc_terminal", "btc")
RANGES = (("aktau_baku", 0.0, 20.0), ("cpc", 0.0, 72.5))
EVENTS = ("2022-03-cpc-storm",)
SPEAKERS, OUTLETS = ("james-cleverly", "speaker-not-identified"), ("tass", "reuters")
TOPICS, ABOUT = ("middle-corridor", "diversification"), ("cpc", "aktau")
VOCABULARY = Vocabulary(routes=frozenset(ROUTES), statements=frozenset(STATEMENTS), switches=frozenset(SWITCHES),
                        capacity_ranges=RANGES, events=frozenset(EVENTS), speakers=frozenset(SPEAKERS),
                        outlets=frozenset(OUTLETS), topics=frozenset(TOPICS), about=frozenset(ABOUT))

coordinates = st.tuples(st.floats(-180, 180), st.floats(-90, 90)).map(lambda c: (round(c[0], 4), round(c[1], 4)))
scales = st.floats(*SCALE_RANGE).map(lambda s: round(s, 4))


@st.composite
def views(draw):
    embed = draw(st.booleans())
    return View(
        layers=frozenset(draw(st.sets(st.sampled_from(LAYER_IDS)))),
        statuses=frozenset(draw(st.sets(st.sampled_from(STATUSES)))),
        route=draw(st.none() | st.sampled_from(ROUTES)),
        statement=draw(st.none() | st.sampled_from(STATEMENTS)),
        center=draw(st.none() | coordinates),
        rotation=draw(st.none() | coordinates),
        russia=draw(st.none() | st.sampled_from(["crosses", "avoids"])),
        compare_by=draw(st.none() | st.sampled_from(["capacity", "-route", "status"])),
        scale=draw(st.none() | scales),
        panel=draw(st.sampled_from(PANELS)),
        embed=embed,
        embed_panels=frozenset(draw(st.sets(st.sampled_from(EMBED_PANELS)))) if embed else frozenset(),
        off=frozenset(draw(st.sets(st.sampled_from(SWITCHES)))),
        capacities=tuple(sorted(draw(st.dictionaries(st.sampled_from(["aktau_baku", "cpc"]),
                                                     st.floats(0, 20).map(lambda v: round(v, 2)))).items())),
        event=draw(st.none() | st.sampled_from(EVENTS)),
        corridor=draw(corridor_what_ifs()),
        **draw(statement_filters()),
    )


@st.composite
def corridor_what_ifs(draw):
    """The corridor's what-if as the view holds it: only what differs from today, sorted."""
    return CorridorWhatIf(ferries=draw(st.integers(*FERRIES_RANGE)), ports=draw(st.booleans()),
                          btk=draw(st.none() | st.sampled_from([6.5, 15.0, 17.0])),
                          dwell=draw(st.integers(*DWELL_RANGE)), anaklia=draw(st.booleans()),
                          northern=draw(st.booleans())).pairs()


@st.composite
def statement_filters(draw):
    """The statements panel's part of a view: every filter, the order and the page."""
    dates = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
    return {"search": normal_search(draw(st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
                                                 max_size=40))),
            "speakers": frozenset(draw(st.sets(st.sampled_from(SPEAKERS)))),
            "outlets": frozenset(draw(st.sets(st.sampled_from(OUTLETS)))),
            "topics": frozenset(draw(st.sets(st.sampled_from(TOPICS)))),
            "about": frozenset(draw(st.sets(st.sampled_from(ABOUT)))),
            "date_from": draw(dates), "date_to": draw(dates), "order": draw(st.sampled_from(ORDERS)),
            "page": draw(st.integers(1, 500))}


def valid(view: View) -> bool:
    return (view.layers <= set(LAYER_IDS) and view.statuses <= set(STATUSES)
            and view.route in (None, *ROUTES) and view.statement in (None, *STATEMENTS)
            and (view.center is None or (-180 <= view.center[0] <= 180 and -90 <= view.center[1] <= 90))
            and view.russia in (None, "crosses", "avoids")
            and (view.rotation is None or (-180 <= view.rotation[0] <= 180 and -90 <= view.rotation[1] <= 90))
            and (view.scale is None or SCALE_RANGE[0] <= view.scale <= SCALE_RANGE[1])
            and view.panel in PANELS and (view.embed or not view.embed_panels)
            and view.off <= set(SWITCHES) and view.event in (None, *EVENTS)
            and all(lo <= dict(view.capacities).get(k, lo) <= hi for k, lo, hi in RANGES)
            and {k for k, _ in view.capacities} <= {k for k, _, _ in RANGES}
            and view.speakers <= set(SPEAKERS) and view.outlets <= set(OUTLETS) and view.topics <= set(TOPICS)
            and view.about <= set(ABOUT) and view.order in ORDERS and view.page >= 1
            and len(view.search) <= MAX_SEARCH_CHARS and view.search == normal_search(view.search))


@settings(max_examples=400)
@given(views())
def test_decode_inverts_encode(view):
    assert decode(encode(view), VOCABULARY) == (view, ())


@settings(max_examples=400)
@given(st.text(max_size=300))
def test_decode_never_raises_and_returns_a_valid_view(text):
    view, ignored = decode(text, VOCABULARY)
    assert valid(view) and isinstance(ignored, tuple)


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(["layers", "status", "russia", "route", "statement", "center", "rotate", "scale", "panel",
                                        "embed", "panels", "off", "cap", "event", "zzz"]), st.text(max_size=40),
                       max_size=12))
def test_decode_of_any_parameter_values_is_valid(params):
    from urllib.parse import urlencode
    view, _ = decode(urlencode(params), VOCABULARY)
    assert valid(view)


def test_default_view_encodes_to_nothing():
    assert encode(View()) == "" and decode("", VOCABULARY) == (View(), ())


def test_a_leading_question_mark_is_fine():
    assert decode("?route=cpc", VOCABULARY)[0].route == "cpc"


def test_readable_encoding():
    view = View(layers=frozenset({"china", "oil"}), route="cpc", center=(49.25, 41.3), scale=2.5, panel="details")
    assert encode(view) == "layers=china,oil&route=cpc&center=49.25,41.3&scale=2.5"
    assert encode(View(route="cpc", panel="table")).endswith("&panel=table")


@pytest.mark.parametrize("query, expected_notice", [
    ("route=teleport", "route: unknown 'teleport'"),
    ("statement=nope", "statement: unknown 'nope'"),
    ("layers=china,mars", "layers: unknown mars"),
    ("status=operating,imaginary", "status: unknown imaginary"),
    ("panel=sidebar", "panel: unknown 'sidebar'"),
    ("center=abc", "center: 'abc' is not 'longitude,latitude'"),
    ("center=500,10", "center: 500,10 is off the globe, moved to 180,10"),
    ("scale=9999", f"scale: 9999 is out of range {SCALE_RANGE[0]:g}-{SCALE_RANGE[1]:g}, set to {SCALE_RANGE[1]:g}"),
    ("scale=nan", "scale: 'nan' is not a number"),
    ("foo=1", "unknown parameter 'foo'"),
    ("route=cpc&route=tap", "route: given twice, the first one was used"),
    ("panels=legend", "panels: only used with embed=1"),
    ("embed=maybe", "embed: 'maybe' is not 1 or 0"),
    ("off=cpc_terminal,teleporter", "off: unknown teleporter"),
    ("cap=aktau_baku:500", "cap: aktau_baku 500 is out of range 0-20, set to 20"),
    ("cap=btc:3", "cap: 'btc:3' is not EDGE:Mt/y for a resizable leg"),
    ("event=1999-01-nothing", "event: unknown '1999-01-nothing'"),
])
def test_each_ignored_part_is_named(query, expected_notice):
    view, ignored = decode(query, VOCABULARY)
    assert expected_notice in ignored and valid(view)


def test_known_parts_survive_next_to_garbage():
    view, ignored = decode("route=cpc&layers=oil,<b>&scale=-4", VOCABULARY)
    assert view.route == "cpc" and view.layers == {"oil"} and view.scale == SCALE_RANGE[0] and len(ignored) == 2


def test_huge_query_is_cut_and_said():
    view, ignored = decode("route=cpc&" + "x=" + "a" * 50_000, VOCABULARY)
    assert view.route == "cpc"
    assert any(f"only the first {MAX_QUERY_CHARS:,}" in item for item in ignored)


def test_ignored_values_are_shortened_and_printable():
    _, ignored = decode("route=" + "%0A" + "<script>alert(1)</script>" * 10, VOCABULARY)
    (notice,) = ignored
    assert len(notice) < 80 and "\n" not in notice


def test_empty_layers_means_none_shown():
    assert decode("layers=", VOCABULARY)[0].layers == frozenset()


def test_scenario_round_trip_reads_well():
    view = View(off=frozenset({"cpc_terminal"}), capacities=(("aktau_baku", 20.0),), event=None)
    assert encode(view) == "off=cpc_terminal&cap=aktau_baku:20"
    assert decode("off=cpc_terminal&cap=aktau_baku:20", VOCABULARY) == (view, ())


@pytest.mark.parametrize("query, field, default", [("layers=mars,venus", "layers", View().layers),
                                                    ("status=imaginary", "statuses", View().statuses)])
def test_a_list_of_only_unknown_ids_keeps_the_default(query, field, default):
    view, ignored = decode(query, VOCABULARY)
    assert getattr(view, field) == default and "(the default kept)" in ignored[0]


def test_a_parameter_repeated_thousands_of_times_is_said_once():
    view, ignored = decode("&".join(["route=cpc"] * 3000)[:MAX_QUERY_CHARS], VOCABULARY)
    assert view.route == "cpc"
    assert [i for i in ignored if i.startswith("route:")] == [f"route: given {MAX_QUERY_CHARS // 10} times, "
                                                               "the first one was used"]


def test_many_unknown_parameters_are_named_up_to_five():
    _, ignored = decode("&".join(f"p{i}=1" for i in range(40)), VOCABULARY)
    assert len(ignored) == 6 and ignored[-1] == "and 35 more unknown parameters"


@pytest.mark.parametrize("lon, lat", [(1e308, 10), (float("inf"), float("-inf")), (float("nan"), 0), ("1", 2),
                                      (True, 1)])
def test_a_pan_off_the_globe_or_not_a_number_is_clamped_or_dropped(lon, lat):
    from dashboard.view import with_map_position
    view = with_map_position(View(), {"geo.center.lon": lon, "geo.center.lat": lat})
    assert view.center is None or (-180 <= view.center[0] <= 180 and -90 <= view.center[1] <= 90)
    assert "e+" not in encode(view) and "inf" not in encode(view)


def test_a_pan_turns_the_projection_and_the_link_keeps_it():
    from dashboard.view import with_map_position
    view = with_map_position(View(), {"geo.projection.rotation.lat": 6.65965, "geo.projection.rotation.lon": 54.93218})
    assert view.rotation == (54.9322, 6.6597)
    assert encode(view) == "rotate=54.9322,6.6597"
    assert decode("rotate=54.9322,6.6597", VOCABULARY) == (view, ())
    assert with_map_position(view, {"geo": {}}).rotation is None  # the reset button: back to the frame


def test_a_searched_place_is_a_link():
    vocabulary = Vocabulary(routes=VOCABULARY.routes, statements=VOCABULARY.statements, places=frozenset({"aktau"}))
    view = View(place="aktau", center=(51.15, 43.65), scale=9.0)
    assert decode(encode(view), vocabulary) == (view, ())
    assert decode("place=atlantis", vocabulary)[1] == ("place: unknown 'atlantis'",)
