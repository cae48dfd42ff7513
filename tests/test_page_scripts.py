"""The page's script tags without Babel's polyfill and DataTable's bundle."""

from dashboard.page_scripts import without_polyfill

POLYFILL = '<script src="/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.12.1.min.js"></script>'
REACT = '<script src="/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js"></script>'


def test_drops_the_polyfill_tag_and_keeps_the_rest():
    assert without_polyfill(f"{POLYFILL}\n{REACT}") == REACT


def test_drops_data_table_s_bundle_which_no_component_of_the_page_uses(app_data):
    table = '<script src="/_dash-component-suites/dash/dash_table/bundle.v7_4_1m1.js"></script>'
    assert without_polyfill(f"{REACT}\n{table}") == f"{REACT}\n"
    from dash import dash_table

    from dashboard.app import create_app
    from dashboard.config import AppConfig
    app = create_app(AppConfig(), data=app_data)
    page = app.server.test_client().get("/").get_data(as_text=True)
    assert "dash_table/bundle" not in page and "polyfill@" not in page
    assert not any(isinstance(c, dash_table.DataTable) for c in app.layout._traverse())


def test_drops_it_under_a_url_prefix():
    assert without_polyfill(POLYFILL.replace('src="/', 'src="/portal/maps/') + REACT) == REACT


def test_leaves_scripts_without_a_polyfill_unchanged():
    assert without_polyfill(REACT) == REACT
    assert without_polyfill("") == ""


def test_does_not_drop_an_asset_that_only_mentions_polyfills():
    own = '<script src="/assets/polyfill-notes.js"></script>'
    assert without_polyfill(own) == own


def test_the_page_names_the_ids_its_script_looks_for_and_the_script_restates_none(app_data):
    """assets/page.js finds the map and the page's root by the ids the page's meta tag gives it:
    an id renamed in dashboard/ids.py cannot leave the script looking for the old one."""
    import html
    import json
    import re

    from dashboard import ids
    from dashboard.app import create_app
    from dashboard.config import AppConfig
    from dashboard.paths import PROJECT_ROOT

    page = create_app(AppConfig(), data=app_data).server.test_client().get("/").get_data(as_text=True)
    meta = re.search(rf'<meta name="{ids.PAGE_SCRIPT_META}" content="([^"]*)"', page)
    assert meta and json.loads(html.unescape(meta.group(1))) == {"map": ids.MAP, "root": ids.APP_ROOT,
                                                                  "drawn": ids.MAP_DRAWN}
    script = (PROJECT_ROOT / "assets" / "page.js").read_text()
    assert f'meta[name="{ids.PAGE_SCRIPT_META}"]' in script
    for name, value in ids.page_script_ids().items():
        assert f'"{value}"' not in script and f"#{value}" not in script, name


def test_statement_cards_carry_the_routes_the_page_draws_at_once_and_the_figure_lists_none(app_data):
    from dashboard.figure.map_figure import build_figure
    from dashboard.ui.panels import statement_card
    from dashboard.view import View

    statement = next(s for s in app_data.corpus.statements if s.route_ids)
    article = next(a for a in app_data.corpus.articles if a.id == statement.article_id)
    card = statement_card(statement, article, {}).to_plotly_json()["props"]
    assert card["data-statement"] == statement.id and card["data-routes"].split() == list(statement.route_ids)
    figure = build_figure(app_data.registry, app_data.corpus, View(), instant_selection=True)
    assert set(figure["layout"]["meta"]["selection"]) == {"dimmed"}


def test_the_head_preloads_what_the_renderer_asks_for_under_the_prefix(app_data):
    import re

    from dashboard.app import create_app
    from dashboard.config import AppConfig
    from dashboard.page_scripts import PRELOADED_FETCHES, PRELOADED_SCRIPTS

    for prefix in ("/", "/portal/routes/"):
        client = create_app(AppConfig(url_prefix=prefix), data=app_data).server.test_client()
        page = client.get(prefix).get_data(as_text=True)
        head = page[:page.index("</head>")]
        links = re.findall(r'<link rel="preload" href="([^"]+)" as="(\w+)"', head)
        assert links == [(prefix + p, "fetch") for p in PRELOADED_FETCHES] + \
            [(prefix + p, "script") for p in PRELOADED_SCRIPTS]
        for path in PRELOADED_FETCHES + PRELOADED_SCRIPTS:  # each is there to be had
            assert client.get(prefix + path).status_code == 200, path
