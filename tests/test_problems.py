from dashboard.registry.problems import DataError, Problem, ProblemLog


def test_problem_names_file_feature_and_field():
    assert str(Problem("a.geojson", "cpc", "mode", "bad")) == "a.geojson: feature 'cpc': field 'mode': bad"


def test_problem_without_feature_or_field():
    assert str(Problem("a.geojson", "", "", "file is missing")) == "a.geojson: file is missing"


def test_data_error_lists_every_problem_and_counts_them():
    error = DataError([Problem("a", "", "", "one"), Problem("b", "", "", "two")])
    text = str(error)
    assert text.startswith("2 problems")
    assert "a: one" in text and "b: two" in text


def test_single_problem_is_not_plural():
    assert str(DataError([Problem("a", "", "", "x")])).startswith("1 problem in")


def test_log_raises_only_when_there_are_problems():
    log = ProblemLog()
    log.raise_if_any()
    log.add("f", "", "", "broken")
    try:
        log.raise_if_any()
    except DataError as exc:
        assert exc.problems == [Problem("f", "", "", "broken")]
    else:
        raise AssertionError("expected DataError")
