"""A generated corpus of news articles about the corridor, written into a seeds folder in the form
`seeds/` documents (NAME.txt + NAME.json beside the real topics.json): for the tests of filtering and
search, the browser test of paging and the benchmarks at 1, 10 and 100 articles. Test data only,
never shipped or shown.

Speakers, outlets, dates, places and routes vary from article to article, deterministically: article
`n` is always the same text. Every article has seven statements, as the seed article does, and its
own word (`ARTICLE_WORDS`) in one of them, so a search can be made to find exactly one article."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from dashboard.paths import PROJECT_ROOT

OUTLETS = ("TASS", "Reuters", "Kazinform", "Trend", "Eurasianet", "Interfax")
SPEAKERS = (
    ("Marat Karabayev", "Minister of Transport of Kazakhstan"),
    ("Talgat Lastayev", "chairman of Kazakhstan Temir Zholy"),
    ("Murat Nurtleu", "Foreign Minister of Kazakhstan"),
    ("Jeyhun Bayramov", "Foreign Minister of Azerbaijan"),
    ("Irakli Garibashvili", "Prime Minister of Georgia"),
    ("Ilham Aliyev", "President of Azerbaijan"),
    ("Kassym-Jomart Tokayev", "President of Kazakhstan"),
    ("Valdis Dombrovskis", "European Commissioner for Trade"),
)
# (what the statement names, so that it links to the registry's routes and places)
SUBJECTS = ("the Middle Corridor", "the port of Aktau", "the CPC pipeline", "BTC", "the port of Poti",
            "Khorgos", "TANAP", "the Baku-Tbilisi-Kars railway", "Kuryk", "Constanta")
VERBS = ("will carry more cargo next year", "needs new ferries across the Caspian",
         "is ready for higher volumes", "must be diversified away from a single route",
         "has doubled its throughput since the war began", "is our priority for export routes")
ARTICLE_WORDS = tuple(f"zephyr{n:03d}" for n in range(1000))  # one rare word per article, for search tests
STATEMENTS_PER_ARTICLE = 7  # the quotations and reported sentences of article_text
FIRST_DATE = dt.date(2022, 1, 3)


def article_name(n: int) -> str:
    return f"corridor-news-{n:03d}"


def article_date(n: int) -> dt.date:
    return FIRST_DATE + dt.timedelta(days=(n * 37) % 1400)


def article_speakers(n: int) -> tuple[tuple[str, str], tuple[str, str]]:
    return SPEAKERS[n % len(SPEAKERS)], SPEAKERS[(n * 3 + 1) % len(SPEAKERS)]


def article_outlet(n: int) -> str:
    return OUTLETS[n % len(OUTLETS)]


def upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def article_text(n: int) -> str:
    (first, first_role), (second, _) = article_speakers(n)
    subject = lambda k: SUBJECTS[(n + k) % len(SUBJECTS)]  # noqa: E731
    verb = lambda k: VERBS[(n * 5 + k) % len(VERBS)]  # noqa: E731
    surname = second.split()[-1]
    return "\n".join([
        f"{first} on {subject(0)} and the routes west",
        f'"{upper(subject(0))} {verb(0)}," said {first}, {first_role}.',
        f'"We spoke about {subject(1)} and {ARTICLE_WORDS[n]} in detail," he said.',
        f'{surname} added: "{upper(subject(2))} {verb(2)}. Trade grew by {10 + n % 40} percent."',
        f"According to {second}, {subject(3)} {verb(3)}.",
        f'"{upper(subject(4))} {verb(4)}," {second} said at a briefing.',
        f'"Investors are watching {subject(5)} closely," said {first}.',
        f'"{upper(subject(6))} {verb(6)}," {second} told reporters.',
    ]) + "\n"


def article_meta(n: int) -> dict:
    (first, first_role), (second, second_role) = article_speakers(n)
    return {"title": article_text(n).splitlines()[0], "outlet": article_outlet(n),
            "published": article_date(n).isoformat(), "place": "Astana", "occasion": "Briefing",
            "url_note": "Generated for the test suite: not a real article.",
            "speakers": [{"name": first, "role": first_role},
                         *([{"name": second, "role": second_role}] if second != first else [])]}


def write_corpus(seeds: Path, articles: int) -> Path:
    """A seeds folder holding `articles` generated articles and the real topics.json."""
    seeds.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "seeds" / "topics.json", seeds / "topics.json")
    for n in range(articles):
        (seeds / f"{article_name(n)}.txt").write_text(article_text(n), encoding="utf-8")
        (seeds / f"{article_name(n)}.json").write_text(json.dumps(article_meta(n)), encoding="utf-8")
    return seeds
