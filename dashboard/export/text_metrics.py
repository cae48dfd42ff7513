"""How wide a line of text is in the export's font, so the report's blocks can be measured before
the renderer draws them: lines wrapped to the width they really have, a legend's column as wide as its
longest name, a pull quote's height known before the map is placed beside or below it.

The export's font is Arial, drawn by headless Chromium as Liberation Sans, which is metric-compatible
with Arial and Helvetica: every glyph has Helvetica's advance width. The widths below are Helvetica's
(Adobe's Core 14 AFM, in thousandths of an em); a character not listed counts as a digit's width, and
bold text as a tenth wider (Helvetica-Bold's letters are 5–15 % wider).
"""

from __future__ import annotations

_ASCII = (  # space (32) to tilde (126)
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_OTHER = {"\u00a0": 278, "“": 333, "”": 333, "‘": 222, "’": 222, "—": 1000, "–": 556, "…": 1000, "·": 278,
          "→": 1000, "×": 584, "●": 604, "○": 604, "◆": 604, "✖": 604}
WIDTHS = {chr(32 + i): width for i, width in enumerate(_ASCII)} | _OTHER
DEFAULT_WIDTH = 556
BOLD_FACTOR = 1.1
LINE_SPACING = 1.3  # plotly.js draws a multi-line text's lines 1.3 font sizes apart (svg_text_utils LINE_SPACING)


def text_width(text: str, font_px: float, bold: bool = False) -> float:
    """The advance width of a line of text, in px."""
    ems = sum(WIDTHS.get(char, DEFAULT_WIDTH) for char in text) / 1000
    return ems * font_px * (BOLD_FACTOR if bold else 1)


def lines_height(count: int, font_px: float) -> float:
    """The height of `count` lines of one font size as plotly.js sets them."""
    return count * font_px * LINE_SPACING if count else 0.0


def wrap(text: str, width_px: float, font_px: float) -> list[str]:
    """Greedy word wrap to a width in px; a word longer than a line (a link) is cut where it fills one."""
    lines: list[str] = []
    line = ""
    for word in filter(None, text.split(" ")):  # not str.split(): a no-break space keeps a name whole
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font_px) <= width_px:
            line = candidate
            continue
        if line:
            lines.append(line)
        while text_width(word, font_px) > width_px:
            cut = max(1, _fits(word, width_px, font_px))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _fits(word: str, width_px: float, font_px: float) -> int:
    """How many of the word's first characters fit in the width."""
    used = 0.0
    for count, char in enumerate(word):
        used += WIDTHS.get(char, DEFAULT_WIDTH) / 1000 * font_px
        if used > width_px:
            return count
    return len(word)
