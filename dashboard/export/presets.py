"""Export sizes. A preset is a physical size at a resolution; from it follow the figure's layout size
(CSS pixels, 96 per inch, which is also the PDF page size) and, for PNG, the scale that turns that
layout into the preset's pixels."""

from __future__ import annotations

import math
from dataclasses import dataclass

CSS_DPI = 96
MM_PER_INCH = 25.4
FORMATS = ("png", "svg", "pdf")
MAX_LAYOUT_PX = 4000  # a page of about 1 m: beyond it, a mistake rather than a report
MIN_LAYOUT_PX = 240
MAX_SCALE = 8.0
MAX_OUTPUT_PIXELS = 60_000_000  # 60 MP: well past A3 at 600 dpi, well short of exhausting memory


class SizeError(ValueError):
    """A size no report needs, named with the limit it breaks."""


@dataclass(frozen=True)
class ExportSize:
    width: int  # layout width, CSS px; the PDF page is width/96 inches
    height: int
    scale: float  # PNG pixels per layout pixel
    label: str = "custom"

    @property
    def pixel_size(self) -> tuple[int, int]:
        """The PNG's pixel size: Plotly's canvas is width*scale truncated, as checked by the tests."""
        return math.floor(self.width * self.scale), math.floor(self.height * self.scale)

    @property
    def page_mm(self) -> tuple[float, float]:
        return self.width / CSS_DPI * MM_PER_INCH, self.height / CSS_DPI * MM_PER_INCH


def from_physical(width_mm: float, height_mm: float, dpi: int, label: str) -> ExportSize:
    width = round(width_mm / MM_PER_INCH * CSS_DPI)
    height = round(height_mm / MM_PER_INCH * CSS_DPI)
    target = round(width_mm / MM_PER_INCH * dpi)
    # A quarter pixel over the target, so truncation lands on it whatever the float rounding.
    return ExportSize(width, height, (target + 0.25) / width, label)


PRESETS: dict[str, ExportSize] = {
    "a4-landscape": from_physical(297, 210, 300, "A4 landscape, 300 dpi"),
    "slide-16x9": ExportSize(1280, 720, 1.5, "16:9 slide, 1920×1080"),
    "report-column": from_physical(180, 120, 300, "Report column, 180 mm at 300 dpi"),
}


def custom_size(width: float, height: float, scale: float) -> ExportSize:
    problems = []
    for name, value in (("width", width), ("height", height)):
        if not (isinstance(value, (int, float)) and math.isfinite(value)) or not MIN_LAYOUT_PX <= value <= MAX_LAYOUT_PX:
            problems.append(f"{name} {value} must be between {MIN_LAYOUT_PX} and {MAX_LAYOUT_PX} px")
    if not (isinstance(scale, (int, float)) and math.isfinite(scale)) or not 0.25 <= scale <= MAX_SCALE:
        problems.append(f"scale {scale} must be between 0.25 and {MAX_SCALE}")
    if problems:
        raise SizeError("; ".join(problems))
    size = ExportSize(int(width), int(height), float(scale))
    pixels = size.pixel_size[0] * size.pixel_size[1]
    if pixels > MAX_OUTPUT_PIXELS:
        raise SizeError(f"{size.pixel_size[0]}×{size.pixel_size[1]} px is {pixels / 1e6:.0f} MP, over the "
                        f"{MAX_OUTPUT_PIXELS / 1e6:.0f} MP limit")
    return size


def render_options(size: ExportSize, fmt: str) -> dict:
    """kaleido's options: PNG at the preset's scale; SVG and PDF at scale 1, so a PDF page is the preset's size."""
    if fmt not in FORMATS:
        raise SizeError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    return {"format": fmt, "width": size.width, "height": size.height, "scale": size.scale if fmt == "png" else 1}
