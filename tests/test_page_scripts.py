"""The page's script tags without Babel's polyfill."""

from dashboard.page_scripts import without_polyfill

POLYFILL = '<script src="/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.12.1.min.js"></script>'
REACT = '<script src="/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js"></script>'


def test_drops_the_polyfill_tag_and_keeps_the_rest():
    assert without_polyfill(f"{POLYFILL}\n{REACT}") == REACT


def test_drops_it_under_a_url_prefix():
    assert without_polyfill(POLYFILL.replace('src="/', 'src="/portal/maps/') + REACT) == REACT


def test_leaves_scripts_without_a_polyfill_unchanged():
    assert without_polyfill(REACT) == REACT
    assert without_polyfill("") == ""


def test_does_not_drop_an_asset_that_only_mentions_polyfills():
    own = '<script src="/assets/polyfill-notes.js"></script>'
    assert without_polyfill(own) == own
