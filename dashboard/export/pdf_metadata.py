"""A PDF export's document information: Chromium's printing sets only the title (from the page's),
so the title, subject, author and creation date are written here, as a report's PDF should carry."""

from __future__ import annotations

import datetime as dt
import io
from typing import Mapping


def pdf_date(moment: dt.datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+00'00' (UTC)."""
    return moment.astimezone(dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")


def with_document_info(pdf: bytes, info: Mapping[str, str] | None, created: dt.datetime | None = None) -> bytes:
    """The PDF with /Title, /Subject, /Author, /Creator and /CreationDate from `info` (the report
    figure's layout.meta.document); unchanged when there is none."""
    if not info:
        return pdf
    from pypdf import PdfReader, PdfWriter  # only PDF exports need it

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": info.get("title", ""), "/Subject": info.get("subject", ""),
                         "/Author": info.get("author", ""), "/Creator": info.get("author", ""),
                         "/CreationDate": pdf_date(created or dt.datetime.now(dt.timezone.utc))})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
