"""The offline schema store: PTB's DCC / D-SI XSDs, checked against pinned SHA-256 values, compiled per version.

The XSDs are PTB's files (LGPL-3.0) and are not part of this repository. They are installed into the store from a
folder laid out like PTB's schema set (``coomet-lab schemas install DIR``) or downloaded when online
(``coomet-lab schemas fetch``); every file must match its pin in ``schemas/dcc-pins.json``. Compilation resolves the
schemas' absolute ``https://`` imports to the pinned local files with an lxml ``Resolver``; any other remote
location is an error, so validation can never reach the network.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from coomet_lab.kernel.atomic import write_bytes_atomic
from coomet_lab.kernel.errors import SchemaStoreError, UnsupportedVersionError
from coomet_lab.kernel.paths import schema_store_dir, shipped_dir

SCHEMAS_ENV = "COOMET_LAB_SCHEMAS"
INSTALL_HINT = "install a schema set with 'coomet-lab schemas install DIR' (or, online, 'coomet-lab schemas fetch')"


@dataclass(frozen=True)
class FilePin:
    path: str
    sha256: str
    fetch: str | None
    locations: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class VersionPin:
    version: str
    dsi: str
    entry: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class Pins:
    versions: dict[str, VersionPin]
    files: dict[str, FilePin]

    def location_map(self) -> dict[str, list[str]]:
        """Remote schemaLocation URL → pinned relative paths that can answer for it."""
        mapping: dict[str, list[str]] = {}
        for pin in self.files.values():
            for url in pin.locations:
                mapping.setdefault(url, []).append(pin.path)
        return mapping


@functools.cache
def load_pins() -> Pins:
    data = json.loads((shipped_dir("schemas") / "dcc-pins.json").read_text(encoding="utf-8"))
    versions = {
        v: VersionPin(v, info["dsi"], info["entry"], tuple(info["files"])) for v, info in data["versions"].items()
    }
    files = {
        path: FilePin(path, info["sha256"], info.get("fetch"), tuple(info.get("locations", ())),
                      info.get("optional", False))
        for path, info in data["files"].items()
    }
    return Pins(versions, files)


def supported_versions() -> list[str]:
    return list(load_pins().versions)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class InstallResult:
    installed_versions: list[str] = field(default_factory=list)
    files_written: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class VersionStatus:
    version: str
    dsi: str
    complete: bool
    missing: tuple[str, ...]
    location: Path | None


_DEFAULT_STORES: dict[tuple[str, ...], SchemaStore] = {}


class SchemaStore:
    """One or more schema folders (the user's store first, then a bundled read-only set), checked against pins."""

    def __init__(self, roots: Iterable[Path]):
        self.roots = [Path(r) for r in roots]
        self._pins = load_pins()
        self._found: dict[str, Path] = {}

    @classmethod
    def default(cls) -> SchemaStore:
        """The store of the current home (or of ``COOMET_LAB_SCHEMAS``), then the installer's bundled set."""
        roots = [Path(os.environ[SCHEMAS_ENV])] if os.environ.get(SCHEMAS_ENV) else [schema_store_dir()]
        bundled = _bundled_schema_dir()
        if bundled is not None:
            roots.append(bundled)
        key = tuple(str(r) for r in roots)
        store = _DEFAULT_STORES.get(key)
        if store is None:
            store = _DEFAULT_STORES[key] = cls(roots)
        return store

    @property
    def writable_root(self) -> Path:
        return self.roots[0]

    # ------------------------------------------------------------------ status

    def status(self) -> list[VersionStatus]:
        out = []
        for version, pin in self._pins.versions.items():
            root = self._root_with(pin)
            missing = () if root else tuple(p for p in pin.files if not (self.writable_root / p).is_file())
            out.append(VersionStatus(version, pin.dsi, root is not None, missing, root))
        return out

    def installed_versions(self) -> list[str]:
        return [s.version for s in self.status() if s.complete]

    def _root_with(self, pin: VersionPin) -> Path | None:
        for root in self.roots:
            if all((root / p).is_file() for p in pin.files):
                return root
        return None

    # ------------------------------------------------------------------ compiled schemas

    def schema(self, version: str) -> etree.XMLSchema:
        """The compiled XSD for a DCC version (cached), after checking every file against its pin."""
        pin = self._pins.versions.get(version)
        if pin is None:
            raise UnsupportedVersionError(version=version, supported=", ".join(self._pins.versions))
        root = self._found.get(version) or self._root_with(pin)
        if root is None:
            raise SchemaStoreError(
                f"no complete schema set for DCC {version} in the schema store ({self.writable_root}); {INSTALL_HINT}"
            )
        schema = _compile(str(root.resolve()), version)
        self._found[version] = root
        return schema

    # ------------------------------------------------------------------ installing

    def install_from(self, folder: str | os.PathLike[str]) -> InstallResult:
        """Copy every pinned file found in ``folder`` into the store; refuse everything if any file mismatches."""
        source = Path(folder)
        if not source.is_dir():
            raise SchemaStoreError(f"{source} is not a folder")
        offered = {}
        for path, pin in self._pins.files.items():
            candidate = source / path
            if candidate.is_file():
                data = candidate.read_bytes()
                _check_pin(pin, data, str(candidate))
                offered[path] = data
        result = self._install(offered)
        result.ignored = sorted(
            str(p.relative_to(source)) for p in source.rglob("*") if p.is_file()
            and str(p.relative_to(source)).replace(os.sep, "/") not in self._pins.files
        )
        return result

    def fetch(self, download: Callable[[str], bytes] | None = None) -> InstallResult:
        """Download every pinned file from its official location, check it, then install the set."""
        get = download or _download
        offered = {}
        for path, pin in self._pins.files.items():
            if not pin.fetch:
                continue
            data = get(pin.fetch)
            _check_pin(pin, data, pin.fetch)
            offered[path] = data
        return self._install(offered)

    def _install(self, offered: dict[str, bytes]) -> InstallResult:
        complete = [
            v for v, pin in self._pins.versions.items() if all(p in offered for p in pin.files)
        ]
        if not complete:
            raise SchemaStoreError(
                "the folder holds no complete schema set for any DCC version "
                f"(expected for example {', '.join(self._pins.versions['3.3.0'].files)})"
            )
        result = InstallResult(installed_versions=complete)
        for path, data in sorted(offered.items()):
            target = self.writable_root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.is_file() or target.read_bytes() != data:
                write_bytes_atomic(target, data)
                result.files_written.append(path)
        _compile.cache_clear()
        for store in (self, *_DEFAULT_STORES.values()):
            store._found.clear()
        return result


def _check_pin(pin: FilePin, data: bytes, where: str) -> None:
    actual = sha256_of(data)
    if actual != pin.sha256:
        raise SchemaStoreError(
            f"refused {where}: its SHA-256 {actual} does not match the pinned {pin.sha256} for {pin.path}; "
            "nothing was installed"
        )


def _download(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (fixed https URLs from the pins)
        return response.read()


def _bundled_schema_dir() -> Path | None:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root and (Path(frozen_root) / "schema-store" / "dcc").is_dir():
        return Path(frozen_root) / "schema-store" / "dcc"
    return None


class _PinnedResolver(etree.Resolver):
    """Maps the schemas' remote imports to pinned local files; records any location it cannot map."""

    def __init__(self, root: Path, locations: dict[str, list[str]]):
        super().__init__()
        self.root = root
        self.locations = locations
        self.unmapped: list[str] = []

    def resolve(self, url, pubid, context):  # noqa: ANN001 (lxml's signature)
        for relative in self.locations.get(url, ()):
            path = self.root / relative
            if path.is_file():
                return self.resolve_filename(str(path), context)
        if "://" in url and not url.startswith("file:"):
            self.unmapped.append(url)
            return self.resolve_string("<fail/>", context)
        return None


_compile_lock = threading.Lock()


@functools.cache
def _compile(root_text: str, version: str) -> etree.XMLSchema:
    pins = load_pins()
    root = Path(root_text)
    for path in pins.versions[version].files:
        data = (root / path).read_bytes()
        actual = sha256_of(data)
        if actual != pins.files[path].sha256:
            raise SchemaStoreError(
                f"{root / path} does not match its pinned SHA-256 (changed since it was installed); {INSTALL_HINT}"
            )
    resolver = _PinnedResolver(root, pins.location_map())
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(resolver)
    with _compile_lock:
        try:
            document = etree.parse(str(root / pins.versions[version].entry), parser)
            schema = etree.XMLSchema(document)
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
            detail = f"; unmapped remote locations: {resolver.unmapped}" if resolver.unmapped else ""
            raise SchemaStoreError(f"the DCC {version} schema does not compile: {exc}{detail}") from None
    if resolver.unmapped:
        raise SchemaStoreError(f"the DCC {version} schema refers to unpinned remote files: {resolver.unmapped}")
    return schema
