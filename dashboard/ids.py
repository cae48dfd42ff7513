"""Component ids, in one place: callbacks, layout, tests and benchmarks all import them from here."""

import json

from dash import ALL

MAP = "route-map"
LAYER_TOGGLES = "layer-toggles"
STATUS_FILTER = "status-filter"
VIEW_STORE = "view-store"
DETAILS_PANEL = "details-panel"
STATEMENTS_PANEL = "statements-panel"
STATEMENT_CARD = "statement-card"  # pattern-matching type: {"type": STATEMENT_CARD, "id": statement_id}
ROUTE_LINK = "route-link"  # pattern-matching type: {"type": ROUTE_LINK, "id": route_id}
CLEAR_SELECTION = "clear-selection"
LEGEND = "legend"
NOTICE = "notice"
URL = "url"
APP_ROOT = "app-root"
PANEL_TAB = "panel-tab"  # pattern-matching type: {"type": PANEL_TAB, "id": panel}
SHARE_LINK = "share-link"
SHARE_OPEN = "share-open"  # the Share control's summary: its clicks load the embed preview
EMBED_CODE = "embed-code"
COPY_LINK = "copy-link"
COPY_EMBED = "copy-embed"
MAP_POSITION = "map-position"
SEARCH = "search"
STATEMENT_LINK = "statement-link"  # a route or place a statement concerns: selects it
DETAILS_STATEMENT = "details-statement"  # a statement listed in route details: shows it
TIMELINE_PLAY = "timeline-play"
TIMELINE_TICK = "timeline-tick"
EMBED_PANEL_PICK = "embed-panel-pick"
EMBED_SIZE_PICK = "embed-size-pick"
EMBED_PREVIEW = "embed-preview"
EMBED_OPEN_FULL = "embed-open-full"
DATA_GEOJSON = "data-geojson"
DATA_CSV = "data-csv"
DATA_DOWNLOAD = "data-download"
RUSSIA_FILTER = "russia-filter"
NAMED_VIEWS = "named-views"
MAP_CLICK = "map-click"  # a click on the map that was not the end of a drag (page.js tells them apart)
EXPORT_FORMAT = "export-format"
EXPORT_PRESET = "export-preset"
EXPORT_WIDTH = "export-width"
EXPORT_HEIGHT = "export-height"
EXPORT_SCALE = "export-scale"
EXPORT_QUOTE = "export-quote"
EXPORT_BUTTON = "export-button"
EXPORT_PROGRESS = "export-progress"
EXPORT_STEP = "export-step"
EXPORT_STATUS = "export-status"
EXPORT_DOWNLOAD = "export-download"
SCENARIO_OFF = "scenario-off"  # in a tab built when opened: in_tab(SCENARIO_OFF)
SCENARIO_CAP = "scenario-cap"  # pattern-matching type: {"type": SCENARIO_CAP, "id": edge_id}
EVENT_SLIDER = "event-slider"  # in a tab built when opened: in_tab(EVENT_SLIDER)
EVENT_DETAIL = "event-detail"  # in a tab built when opened: in_tab(EVENT_DETAIL)
SCENARIO_RESULT = "scenario-result"  # in a tab built when opened: in_tab(SCENARIO_RESULT)
SCENARIO_RESET = "scenario-reset"  # in a tab built when opened: in_tab(SCENARIO_RESET)
COMPARE_TABLE = "compare-table"  # in a tab built when opened: in_tab(COMPARE_TABLE)
COMPARE_CHART = "compare-chart"  # in a tab built when opened: in_tab(COMPARE_CHART)
SORT_BUTTON = "sort-button"  # pattern-matching type: {"type": SORT_BUTTON, "id": column}
COMPARE_ROW = "compare-row"  # pattern-matching type: {"type": COMPARE_ROW, "id": route_id}
COMPARE_CSV = "compare-csv"  # in a tab built when opened: in_tab(COMPARE_CSV)
COMPARE_DOWNLOAD = "compare-download"
MAP_STYLE = "map-style"  # the restyles a view change asks of the drawn map, applied in the browser
MAP_APPLIED = "map-applied"  # written by the browser-side callbacks: a place for their output
DETAILS_ROUTE = "details-route"
COMPARE_KEY = "compare-key"  # which rows and order the comparison table shows now
SCENARIO_SECTION = "scenario-section"  # the Scenarios tab, built when first opened
SCENARIO_BUILT = "scenario-built"  # True once the Scenarios tab is built
COMPARE_SECTION = "compare-section"  # the Compare tab, built when first opened (COMPARE_KEY set)
STATEMENT_FILTER = "statement-filter"  # pattern-matching type: {"type": STATEMENT_FILTER, "id": View field}
STATEMENT_ACTION = "statement-action"  # pattern-matching type: id "first", "prev", "next", "last" or "clear"
STATEMENT_LIST = "statement-list"  # the cards of the page shown
# The page's cards after the first screen, and the button that asks for them: pattern-matching ids
# (callbacks match every(type)), as they are on the page only while the list shows its first screen.
STATEMENT_LIST_REST = "statement-list-rest"
STATEMENT_MORE = "statement-more"
REST_OF_PAGE = {"type": STATEMENT_LIST_REST, "id": "page"}
MORE_BUTTON = {"type": STATEMENT_MORE, "id": "page"}
STATEMENT_SUMMARY = "statement-summary"
STATEMENT_PAGER = "statement-pager"  # "page 2 of 47"
STATEMENT_TIMELINE = "statement-timeline"
STATEMENT_LIST_KEY = "statement-list-key"  # which cards the list shows now (rebuilt only when it changes)
SKIP_LINKS = "skip-links"
MAP_SUMMARY = "map-summary"  # the map's text alternative: what the view shows, announced when it changes
ROUTE_LIST = "route-list"  # where "Skip to the routes" lands
# Set by the page (assets/page.js) once the map has first drawn: what the page is served without, so
# that the map draws first, comes then (ui/callbacks/deferred.py). Until it has come, its place holds
# an element of class DEFERRED.
MAP_DRAWN = "map-drawn"
DEFERRED = "deferred"
ROUTE_BUTTONS = "route-buttons"  # in ROUTE_LIST: the buttons, once the map has drawn
# Parts the page is served without (the Export tab, the statements' filter dropdowns, the legend on
# the map): they come once the map has drawn (ui/layout.deferred_parts). The app's validation layout
# holds their ids, so that Dash accepts the callbacks that listen to them before they have come.
EXPORT_SECTION = "export-section"
FILTER_DROPDOWNS = "filter-dropdowns"
LEGEND_SLOT = "legend-slot"  # in the map's legend box: the legend (LEGEND), once the map has drawn
MAP_REGION = "map-region"  # the map and its legend: where "Skip to the map" lands
TIMELINE_LABEL = "scenario-timeline-label"  # names the Scenarios timeline's slider (assets/page.js)


# The Compare and Scenarios tabs are built when first opened, not with the page: they are half its
# components. A callback with a plain-id input that is not on the page never fires (Dash 4), so the
# controls inside them have pattern-matching ids, which every(kind) matches whether or not the tab
# is built yet.
def in_tab(kind: str) -> dict:
    """The id of the one component of this kind inside a tab built when opened."""
    return {"type": kind, "id": "tab"}


def every(kind: str) -> dict:
    """Matches every component of this kind: none before its tab is built, one after."""
    return {"type": kind, "id": ALL}


def capacity_label(edge_id: str) -> str:
    """The id of the text naming a Scenarios leg's capacity slider (assets/page.js names the slider by it)."""
    return f"capacity-label-{edge_id}"


def css(component_id: str | dict) -> str:
    """A CSS selector for a component id, as Dash writes it into the page (tests and benchmarks)."""
    if isinstance(component_id, str):
        return f"#{component_id}"
    # Dash writes a dict id as JSON with sorted keys and no spaces.
    text = "{" + ",".join(f"{json.dumps(k)}:{json.dumps(component_id[k])}" for k in sorted(component_id)) + "}"
    return f"[id='{text}']"


# The ids assets/page.js looks for, handed to it in a <meta name="route-map-ids"> of the page (the app
# factory writes it), so the script never restates an id.
PAGE_SCRIPT_META = "route-map-ids"


def page_script_ids() -> dict[str, str]:
    return {"map": MAP, "root": APP_ROOT, "drawn": MAP_DRAWN}

