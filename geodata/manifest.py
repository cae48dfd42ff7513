"""The manifest of shipped geodata: file, sha256, CRS, geometry type and feature count."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

CRS = "OGC:CRS84"  # RFC 7946: longitude, latitude on WGS 84
# Authored data the app reads that is not GeoJSON: listed with its hash and size (the "data" section).
DATA_FILES = ("corridor_network.json",)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def describe(path: Path, root: Path) -> dict:
    collection = json.loads(path.read_text(encoding="utf-8"))
    types = sorted({f["geometry"]["type"] for f in collection["features"] if f.get("geometry")})
    return {
        "file": path.relative_to(root).as_posix(),
        "sha256": sha256(path),
        "crs": CRS,
        "geometry_type": types[0] if len(types) == 1 else types,
        "features": len(collection["features"]),
        "bytes": path.stat().st_size,
    }


def describe_data(path: Path, root: Path) -> dict:
    return {"file": path.relative_to(root).as_posix(), "sha256": sha256(path), "bytes": path.stat().st_size}


def write_manifest(paths: list[Path], root: Path, sources: dict) -> Path:
    manifest = {"sources": sources, "files": [describe(p, root) for p in sorted(paths)],
                "data": [describe_data(root / name, root) for name in DATA_FILES]}
    out = root / "manifest.json"
    out.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out
