"""Who an attribution means, read in the order of the article.

The speakers the article's metadata lists are recognised by name, surname, the spellings the text
uses, the descriptions it gives them ("the Minister") and their role. A pronoun means the person last
named or quoted, and before anyone is, the article's first listed speaker. Anyone else an attribution
names ("said Talgat Lastayev, chairman of KTZ", "a ministry spokesperson") becomes a speaker of the
article as printed, and is recognised again later ("Lastayev added", "the chairman said").
"""

from __future__ import annotations

import re

from dashboard.statements.attribution import DESCRIPTION, NAME, PRONOUN, Who
from dashboard.statements.model import Speaker

_ARTICLE = re.compile(r"^(?:a|an|the|one|another)\s+", re.IGNORECASE)


def _core(description: str) -> str:
    return _ARTICLE.sub("", description.strip()).lower()


def _names(speaker: Speaker) -> tuple[str, ...]:
    return tuple(n for n in (speaker.name, speaker.name.split()[-1], *speaker.spellings_in_text) if n)


class SpeakerResolver:
    """Resolves attributions to speakers; one per article, used paragraph by paragraph in order."""

    def __init__(self, listed: tuple[Speaker, ...]):
        self.listed = listed
        self.met: list[Speaker] = []  # speakers the text introduced that the metadata does not list
        self.last: Speaker | None = listed[0] if listed else None

    def named_in(self, text: str) -> Speaker | None:
        """A listed speaker whose name, surname or printed spelling the text contains."""
        for speaker in self.listed:
            if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in _names(speaker)):
                return speaker
        return None

    def notice(self, prose: str) -> None:
        """Prose that names a listed speaker makes them who a following 'he' means."""
        self.last = self.named_in(prose) or self.last

    def resolve(self, who: Who, printed: str) -> Speaker | None:
        speaker = self.named_in(printed) or self._resolve(who)
        if speaker is not None:
            self.last = speaker
        return speaker

    def _resolve(self, who: Who) -> Speaker | None:
        if who.kind == PRONOUN:
            return self.last
        if who.kind == NAME:
            surname = who.name.split()[-1]
            for speaker in self.met:
                if who.name == speaker.name or surname == speaker.name.split()[-1]:
                    return speaker
            return self._meet(Speaker(who.name, who.role))
        assert who.kind == DESCRIPTION
        core = _core(who.name)
        for speaker in (*self.listed, *self.met):
            descriptions = (*speaker.referred_to_as, speaker.role, speaker.name)
            if any(core == _core(d) for d in descriptions if d):
                return speaker
            if speaker.role and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", speaker.role.lower()):
                return speaker
        return self._meet(Speaker(who.name, who.role))

    def _meet(self, speaker: Speaker) -> Speaker:
        self.met.append(speaker)
        return speaker
