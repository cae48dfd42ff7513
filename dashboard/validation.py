"""Reading and checking the data files, in one place. Every loader (the registry, the seeds, the oil
network and timeline, the corridor network, the cargo table) reads JSON with `read_json` or
`read_object`, GeoJSON with `read_feature_collection`, and each record's fields with `Fields`, so the
same error reads the same whichever file it is in.

Problems are collected into a ProblemLog (file, feature, field) and raised together as a DataError: an
analyst fixing a file wants the whole list at once. A file that cannot be read is reported once, and
the readers return None for it, so that a loader can leave out every check that depends on it rather
than report each of them as a problem of its own."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterator, Mapping

from dashboard.registry.model import Source, read_sources
from dashboard.registry.problems import DataError, Problem, ProblemLog

__all__ = ["DataError", "Fields", "Problem", "ProblemLog", "record_name", "read_feature_collection", "read_json",
           "read_object", "records", "feature_ids"]


def read_json(path: Path, label: str, log: ProblemLog) -> Any:
    """A JSON file's contents, or None with the reason (missing, unreadable, not UTF-8, not JSON) noted
    under `label`."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        log.add(label, "", "", "file is missing")
        return None
    except OSError as exc:
        log.add(label, "", "", f"cannot be read ({exc.strerror or exc})")
        return None
    except UnicodeDecodeError as exc:
        log.add(label, "", "", f"is not UTF-8 text (byte {exc.start})")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        log.add(label, "", "", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
        return None


def read_object(path: Path, label: str, log: ProblemLog) -> dict | None:
    """A JSON file holding one object, or None with the reason noted."""
    data = read_json(path, label, log)
    if data is not None and not isinstance(data, dict):
        log.add(label, "", "", "must be a JSON object")
    return data if isinstance(data, dict) else None


def record_name(raw: Any, index: int, key: str = "id") -> str:
    """What a record of a list is called in a problem: its id when it has one, else its place (#index)."""
    name = raw.get(key) if isinstance(raw, dict) else None
    if isinstance(raw, dict) and isinstance(raw.get("properties"), dict) and name is None:
        name = raw["properties"].get(key)  # a GeoJSON feature's id is a property
    return name if isinstance(name, str) and name.strip() else f"#{index}"


def read_feature_collection(path: Path, label: str, log: ProblemLog) -> list[dict] | None:
    """The features of a GeoJSON FeatureCollection; None when the file cannot be used at all (noted
    once). A feature without properties is noted by its place and left out; one whose geometry is
    missing or not an object is noted by its id and kept with geometry None, so that what refers to it
    by id still finds it (the loader draws nothing for it and notes nothing more)."""
    data = read_json(path, label, log)
    if data is None:
        return None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        log.add(label, "", "type", "is not a GeoJSON FeatureCollection")
        return None
    features = []
    for index, feat in enumerate(data["features"]):
        name = record_name(feat, index)
        if not isinstance(feat, dict) or not isinstance(feat.get("properties"), dict):
            log.add(label, name, "properties", "must be an object (a GeoJSON Feature's properties)")
            continue
        if not isinstance(feat.get("geometry"), dict):
            log.add(label, name, "geometry", "is missing" if feat.get("geometry") is None else "must be a GeoJSON geometry")
            feat = {**feat, "geometry": None}
        features.append(feat)
    return features


def feature_ids(features: list[dict] | None) -> frozenset[str] | None:
    """The ids the features of a file declare, valid or not; None for a file that could not be read."""
    if features is None:
        return None
    return frozenset(i for f in features if isinstance(i := f["properties"].get("id"), str))


def records(raw: Any, label: str, where: str, field_name: str, log: ProblemLog) -> Iterator[tuple[int, dict]]:
    """(index, record) for each object of a list field; anything else is noted once (not a list) or per
    item (not an object)."""
    if raw is None:
        return
    if not isinstance(raw, list):
        log.add(label, where, field_name, "must be a list")
        return
    for index, item in enumerate(raw):
        if isinstance(item, dict):
            yield index, item
        else:
            log.add(label, where, f"{field_name}[{index}]", f"must be an object, not {item!r}")


class Fields:
    """Typed reads of one record's fields that note, instead of raise, what is wrong: each returns a
    usable default after noting the problem, so one pass finds every problem of a file.

    `prefix` names a record inside another (`speakers[0].`), so a field reads `speakers[0].name`."""

    def __init__(self, log: ProblemLog, file: str, feature: str, props: Mapping[str, Any], prefix: str = ""):
        self.log, self.file, self.feature, self.props, self.prefix = log, file, feature, props, prefix

    def problem(self, name: str, message: str) -> None:
        self.log.add(self.file, self.feature, self.prefix + name, message)

    def text(self, name: str, required: bool = True) -> str:
        value = self.props.get(name)
        if isinstance(value, str) and (value.strip() or not required):
            return value
        if value is None and not required:
            return ""
        self.problem(name, "is missing" if value is None else "is empty" if isinstance(value, str)
                     else f"must be text, not {value!r}")
        return ""

    def identifier(self, seen: set[str], name: str = "id") -> str:
        """The record's id, noted if missing or already used by another record of the file."""
        value = self.text(name)
        if value and value in seen:
            self.problem(name, f"{value!r} is used twice")
        seen.add(value)
        return value

    def choice(self, name: str, allowed: tuple[str, ...]) -> str:
        value = self.props.get(name)
        if value in allowed:
            return value
        self.problem(name, f"{value!r} is not one of {', '.join(allowed)}")
        return allowed[0]

    def flag(self, name: str) -> bool:
        value = self.props.get(name, False)
        if isinstance(value, bool):
            return value
        self.problem(name, f"must be true or false, not {value!r}")
        return False

    def text_list(self, name: str, required: bool = True) -> tuple[str, ...]:
        value = self.props.get(name)
        if value is None and not required:
            return ()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.problem(name, "must be a list of text")
        return ()

    def number(self, name: str, required: bool = True, unit: str = "") -> float | None:
        """A finite number of zero or more; None when absent (noted if required) or malformed (noted)."""
        value = self.props.get(name)
        if value is None:
            if required:
                self.problem(name, "is missing")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
            return float(value)
        self.problem(name, f"{value!r} must be a non-negative number{f' ({unit})' if unit else ''}")
        return None

    def whole_number(self, name: str, what: str = "a whole number") -> int | None:
        value = self.props.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.problem(name, "is missing" if value is None else f"{value!r} must be {what}")
        return None

    def sources(self, name: str = "sources", required: bool = False, what: str = "it",
                blank_url_allowed: bool = False) -> tuple[Source, ...]:
        """The field's list of {title, url}; `required`: a record without one is noted ("… needs its sources")."""
        found = read_sources(self.props.get(name), self.prefix + name,
                             lambda field_name, message: self.log.add(self.file, self.feature, field_name, message),
                             blank_url_allowed=blank_url_allowed)
        if required and not found:
            self.problem(name, f"{what} needs its sources")
        return found
