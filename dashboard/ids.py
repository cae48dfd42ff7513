"""Component ids, in one place: callbacks, layout, tests and benchmarks all import them from here."""

MAP = "route-map"
LAYER_TOGGLES = "layer-toggles"
STATUS_FILTER = "status-filter"
VIEW_STORE = "view-store"
DETAILS_PANEL = "details-panel"
STATEMENTS_PANEL = "statements-panel"
STATEMENT_CARD = "statement-card"  # pattern-matching type: {"type": STATEMENT_CARD, "id": statement_id}
ROUTE_LINK = "route-link"  # pattern-matching type: {"type": ROUTE_LINK, "id": route_id}
CLEAR_SELECTION = "clear-selection"
MAP_TABLE = "map-table"
LEGEND = "legend"
NOTICE = "notice"
URL = "url"
APP_ROOT = "app-root"
PANEL_TAB = "panel-tab"  # pattern-matching type: {"type": PANEL_TAB, "id": panel}
SHARE_LINK = "share-link"
EMBED_CODE = "embed-code"
COPY_LINK = "copy-link"
COPY_EMBED = "copy-embed"
MAP_POSITION = "map-position"
