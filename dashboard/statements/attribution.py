"""The attribution grammar of news copy: who said a quotation, read from the words beside it.

After the quotation:   "...," he said. / "...," a ministry spokesperson said at a briefing.
                       "...," said Talgat Lastayev, chairman of KTZ. / "...," according to Minister X.
                       "...," Lastayev, the chairman of KTZ, told reporters.
Before the quotation:  Lastayev added: "..." / In a statement, the ministry said: "..."
                       According to Transport Minister Marat Karabayev, "..."

The speaker may be a pronoun, a name with or without a title ("Transport Minister Marat
Karabayev", "Mr Lastayev"), or a description with or without an article ("a ministry spokesperson",
"the minister", "officials"). Who a pronoun or a description refers to is decided later, by the
extraction, which knows the article; this module only reads the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PRONOUN, NAME, DESCRIPTION = "pronoun", "name", "description"

SPEECH_VERBS = (
    "said", "says", "added", "adds", "noted", "stressed", "stated", "recalled", "continued", "explained", "told",
    "asked", "insisted", "argued", "warned", "declared", "announced", "remarked", "commented", "observed",
    "emphasised", "emphasized", "underlined", "underscored", "concluded", "wrote", "replied", "responded",
    "answered", "confirmed", "acknowledged", "admitted", "claimed", "predicted", "urged", "cautioned",
    "maintained", "agreed", "assured", "pointed out", "went on", "was quoted as saying", "adding", "saying",
)
_SPEECH = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
VERB = re.compile(rf"\b(?:{_SPEECH})\b")
ENDS_WITH_VERB = re.compile(rf"\b(?:{_SPEECH})$")
# Verbs that introduce a partial quotation inside the outlet's own sentence: He called it "a lifeline".
CHARACTERISING = re.compile(rf"\b(?:called|calling|described|describing|termed|dubbed|{_SPEECH})\b")
# What a sentence that reports speech without quoting it starts with: "He said the ferries ..."
REPORTING_VERB = re.compile(r"\b(?:said|says|told|added|stressed|noted|warned|insisted|argued|explained|stated)\b")

PRONOUNS = {"he", "she", "they", "we", "i", "him", "her", "them"}
ARTICLE = re.compile(r"^(?:a|an|the|one|another)\s+", re.IGNORECASE)
ADVERBS = re.compile(r"(?:\s+(?:also|later|then|further|again|earlier|once again|[a-z]+ly))+$")
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|it)\b", re.IGNORECASE)
CLAUSE = re.compile(r"^(?:who|which|that|whose|where|when)\b", re.IGNORECASE)
# Phrases that set the scene before the speaker: "In a statement, the ministry said:"
SCENE = re.compile(r"^(?:in|on|at|during|speaking|asked|later|earlier|after|before|meanwhile|however|separately|"
                   r"also|writing|addressing|responding|commenting|for his part|for her part)\b", re.IGNORECASE)
# Where the words after an inverted speaker ("said X at a briefing") stop naming them.
TRAILING_SCENE = re.compile(r"\s+(?:at|on|in|during|after|before|when|while|to|from|via|last|this|told|as)\b.*$")
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "prof", "professor", "minister", "ministry", "secretary",
    "president", "vice", "deputy", "prime", "chairman", "chairwoman", "chair", "chief", "executive", "ceo", "director",
    "general", "head", "ambassador", "spokesperson", "spokesman", "spokeswoman", "governor", "mayor", "senator",
    "commissioner", "envoy", "representative", "officer", "manager", "adviser", "advisor", "chancellor", "premier",
    "king", "queen", "prince", "sheikh", "emir", "akim", "speaker", "foreign", "office", "department", "agency",
    "government", "embassy", "company", "corporation",
}
QUOTE_MARKS = "\"\u201c\u201d\u2018\u00ab\u00bb"
SEPARATING = ",.!?\u2026\u2014\u2013-:;"


@dataclass(frozen=True)
class Who:
    kind: str  # PRONOUN, NAME or DESCRIPTION
    name: str  # the name without its title, the pronoun, or the description ("a ministry spokesperson")
    role: str = ""  # the title or the apposition ("chairman of KTZ"), if the article gives one


@dataclass(frozen=True)
class Attribution:
    text: str  # the attributing words, verbatim ("a ministry spokesperson said at a briefing")
    who: Who


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_title(word: str) -> bool:
    return word.strip(".,").lower() in TITLE_WORDS


def _lower_article(text: str) -> str:
    match = ARTICLE.match(text)
    return text[:match.end()].lower() + text[match.end():] if match else text


def _without_article(text: str) -> str:
    return ARTICLE.sub("", text, count=1)


def _is_plain_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and all(_capitalised(w) and not _is_title(w) for w in words) and not ARTICLE.match(text)


def _split_name(head: str) -> tuple[str, str]:
    """(name, title) of 'Transport Minister Marat Karabayev'; name is '' for a description such as
    'the Foreign Ministry' or 'the Kremlin'."""
    words = head.split()
    run = 0
    while run < len(words) and _capitalised(words[-1 - run]) and not _is_title(words[-1 - run]):
        run += 1
    rest = words[:len(words) - run]
    if run == 0 or (rest and ARTICLE.match(rest[0] + " ") and len(rest) == 1):
        return "", head  # "the Kremlin": an article and a proper noun describe a body, not a person
    if rest and rest[-1].lower() in ("of", "for", "the", "at") and run > 2:
        run = 2  # "Minister of the United Kingdom James Cleverley": the last two words are the name
    name = " ".join(words[len(words) - run:])
    title = _without_article(" ".join(words[:len(words) - run]))
    return name, title


def parse_who(phrase: str) -> Who | None:
    """The speaker a phrase names: 'he', 'a ministry spokesperson', 'Talgat Lastayev, chairman of KTZ',
    'the head of KTZ, Talgat Lastayev'; None when it is not a speaker ('it was', a clause)."""
    phrase = phrase.strip(" ,;:\u2014\u2013")
    if not phrase or len(phrase.split()) > 14 or any(mark in phrase for mark in QUOTE_MARKS):
        return None
    head, _, apposition = (part.strip(" ,") for part in phrase.partition(","))
    apposition = "" if CLAUSE.match(apposition) else _without_article(apposition.split(",")[0].strip())
    if not head or PASSIVE.search(head) or CLAUSE.match(head) or VERB.search(head):
        return None
    if head.lower() in PRONOUNS:
        return Who(PRONOUN, head.lower())
    if _is_plain_name(apposition) and not _is_plain_name(head):
        return Who(NAME, apposition, _without_article(head))
    if len(head.split()) > 8:
        return None
    name, title = _split_name(head)
    if name:
        return Who(NAME, name, apposition or title)
    if not (ARTICLE.match(head) or _capitalised(head) or len(head.split()) <= 3):
        return None
    return Who(DESCRIPTION, _lower_article(head), apposition)


def _cut_scene(text: str) -> str:
    return TRAILING_SCENE.sub("", text.strip())


def after_quote(fragment: str, quote_inner: str) -> Attribution | None:
    """The attribution in the words between a quotation and the end of its sentence (or the next
    quotation). It must be set off from the quotation by punctuation: in 'the "Middle Corridor"
    project, which officials said ...' nothing attributes the quoted name."""
    if not (quote_inner.rstrip()[-1:] in SEPARATING or fragment.lstrip()[:1] in ",\u2014\u2013"):
        return None
    body = fragment.strip().lstrip(",;\u2014\u2013 ").rstrip(" .,;:!?\u2014\u2013").strip()
    if not body:
        return None
    according = re.match(r"(?i)according to\s+(.+)$", body)
    if according:
        who = parse_who(_cut_scene(according.group(1).split(",")[0]) + _apposition(according.group(1)))
        return Attribution(body, who) if who else None
    verb = VERB.search(body)
    if verb is None:
        return None
    if verb.start() == 0:  # said Talgat Lastayev, chairman of KTZ
        rest = body[verb.end():].strip()
        head = _cut_scene(rest.split(",")[0])
        if not head or head.split()[0].lower() in ("that", "it", "in", "on", "at", "to", "so", "this"):
            return None
        who = parse_who(head + _apposition(rest))
    else:
        who = parse_who(ADVERBS.sub("", body[:verb.start()].rstrip()))
    return Attribution(body, who) if who else None


def _apposition(rest: str) -> str:
    """', chairman of KTZ' from 'Lastayev, chairman of KTZ, at a briefing'."""
    parts = rest.split(",")
    return f", {_cut_scene(parts[1])}" if len(parts) > 1 and _cut_scene(parts[1]) else ""


def before_quote(fragment: str) -> Attribution | None:
    """The attribution in the words of the sentence before a quotation: 'Lastayev added:',
    'He said,', 'According to the minister,', 'In a statement, the ministry said:'."""
    body = fragment.strip().lstrip(",;\u2014\u2013 ").strip()
    if not body:
        return None
    core = body.rstrip(" :,;\u2014\u2013").strip()
    according = re.match(r"(?i)^according to\s+(.+)$", core)
    if according and body[-1:] == ",":
        who = parse_who(according.group(1))
        return Attribution(core, who) if who else None
    if not core or (body[-1:] not in ":," and not ENDS_WITH_VERB.search(core)):
        return None
    verbs = list(VERB.finditer(core))
    for verb in reversed(verbs):
        tail = core[verb.end():].strip(" ,")
        if len(tail.split()) > 6 or (body[-1:] not in ":," and tail):
            continue
        before = ADVERBS.sub("", core[:verb.start()].rstrip())
        if SCENE.match(before) and "," in before:
            before = before.split(",", 1)[1]
        who = parse_who(before)
        if who:
            return Attribution(core, who)
    return None


def partial_quote_speaker(fragment: str) -> Who | None:
    """Who introduces a partial quotation in the outlet's own sentence: 'Nurtleu called the route'."""
    verbs = list(CHARACTERISING.finditer(fragment))
    if not verbs:
        return None
    before = fragment[:verbs[-1].start()].rstrip()
    if SCENE.match(before) and "," in before:
        before = before.split(",", 1)[1]
    return parse_who(ADVERBS.sub("", before))


def trailing_attribution(prose: str) -> Attribution | None:
    """The attribution closing a sentence that reports speech without quoting it: 'KTZ has ordered
    ferries, the company said on Monday.'"""
    head, comma, tail = prose.rstrip(" .").rpartition(",")
    return after_quote(tail, ",") if comma and head.strip() and VERB.search(tail) else None


def reporting_subject(prose: str) -> tuple[str, Who] | None:
    """('He said', who) for a sentence that reports speech without quoting it: 'He said the ferries
    were ordered.' The subject must open the sentence."""
    verb = REPORTING_VERB.search(prose)
    if verb is None or verb.start() == 0 or len(prose[:verb.start()].split()) > 8:
        return None
    subject = ADVERBS.sub("", prose[:verb.start()].rstrip())
    if "," in subject and not SCENE.match(subject):
        return None
    if SCENE.match(subject) and "," in subject:
        subject = subject.split(",", 1)[1]
    who = parse_who(subject)
    return (prose[:verb.end()].strip(), who) if who else None
