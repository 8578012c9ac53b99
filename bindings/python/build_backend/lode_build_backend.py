"""The build backend of the lode Python package (PEP 517 and PEP 660), kept in the tree.

It needs nothing but the standard library: no setuptools and no wheel package, so
``pip install ./bindings/python`` works offline, with or without build isolation, on any
Python 3.9+ and any setuptools (or none).

What it builds:

- the wheel: ``lode/*.py``, ``py.typed`` and the shared library ``lode/_native/liblode.so``
  (``.dylib`` on macOS, ``lode.dll`` on Windows), tagged ``py3-none-<platform>`` (the library
  is loaded with ctypes, so any Python 3 works); without a library, a pure ``py3-none-any``
  wheel that loads the library from ``LODE_LIBRARY`` or an explicit path;
- the library: when the package sits in the lode repository (``../../Cargo.toml`` of the
  ``lode`` crate), every build runs ``cargo build --release -p liblode`` (incremental, offline from
  ``vendor/``) and copies the result into ``src/lode/_native/`` when it differs from the copy
  there, so a stale library is never shipped. ``LODE_PYTHON_NO_CARGO=1`` skips cargo and ships
  ``src/lode/_native/`` as it is (nothing there: a pure wheel). Outside the repository (an
  sdist), ``src/lode/_native/`` is shipped as it is. Cargo's progress goes to stderr, which
  ``pip -v`` shows; one line saying what is being built is also written to the terminal
  without ``-v``;
- the sdist: the Python sources, tests, example, README and this backend (not the library);
- the editable install (``pip install -e``): a ``.pth`` file naming ``src/``, after the same
  library build.
"""

from __future__ import annotations

import base64
import filecmp
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
    "build_wheel",
    "build_sdist",
    "build_editable",
    "get_requires_for_build_wheel",
    "get_requires_for_build_sdist",
    "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel",
    "prepare_metadata_for_build_editable",
]

NAME = "lode"
SUMMARY = "Python binding of lode, an embedded event store over LMDB"
REQUIRES_PYTHON = ">=3.9"
CLASSIFIERS = [
    "Programming Language :: Python :: 3",
    "Typing :: Typed",
]
LIBRARY = {"darwin": "liblode.dylib", "win32": "lode.dll"}.get(sys.platform, "liblode.so")
GENERATOR = "lode_build_backend"
# Zip entries and tar members get one fixed time (or SOURCE_DATE_EPOCH): reproducible archives.
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, the zip minimum


class BuildError(Exception):
    """A build step failed; the message says what to do."""


def _say(message: str, terminal: bool = False) -> None:
    """Prints a line to stderr (pip shows it with -v). With ``terminal``, also to the controlling
    terminal when pip captures stderr, so that a slow step is announced without -v."""
    line = f"lode build: {message}"
    print(line, file=sys.stderr, flush=True)
    if terminal and not sys.stderr.isatty() and os.name == "posix":
        try:
            with open("/dev/tty", "w") as tty:
                tty.write(line + "\n")
        except OSError:
            pass  # no terminal (CI): stderr is all there is


# -- the source tree -------------------------------------------------------------------------


def _root() -> Path:
    """The package's source directory: PEP 517 runs the hooks there."""
    return Path.cwd()


def _version(root: Path) -> str:
    text = (root / "src" / NAME / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    if match is None:
        raise BuildError(f"no __version__ = \"...\" line in {root / 'src' / NAME / '__init__.py'}")
    return match.group(1)


def _python_files(root: Path) -> List[Path]:
    """The package's files (sources and py.typed), without caches and without the library."""
    package = root / "src" / NAME
    files = [p for p in package.rglob("*") if p.is_file() and (p.suffix == ".py" or p.name == "py.typed")]
    return sorted(p for p in files if "__pycache__" not in p.parts and "_native" not in p.relative_to(package).parts)


def _metadata(root: Path) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {_version(root)}",
        f"Summary: {SUMMARY}",
        f"Requires-Python: {REQUIRES_PYTHON}",
        *(f"Classifier: {c}" for c in CLASSIFIERS),
        "Description-Content-Type: text/markdown",
    ]
    readme = root / "README.md"
    body = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    return "\n".join(lines) + "\n\n" + body


# -- the native library ----------------------------------------------------------------------


def _repository(root: Path) -> Optional[Path]:
    """The lode repository around the package, if it is there (the ``lode`` crate)."""
    repo = root.parent.parent
    manifest = repo / "crates" / "liblode" / "Cargo.toml"
    if manifest.is_file() and re.search(r'^name = "liblode"$', manifest.read_text(encoding="utf-8"), re.M):
        return repo
    return None


def _cargo_build(cargo: str, repo: Path) -> Path:
    """Runs ``cargo build --release -p liblode`` (progress on stderr) and returns the built library,
    as cargo reports it (so CARGO_TARGET_DIR and the platform's file name are honoured)."""
    command = [cargo, "build", "--release", "-p", "liblode", "--message-format=json-render-diagnostics"]
    _say(
        f"building the native library: cargo build --release -p liblode in {repo} (a first build takes a few "
        "minutes; pip -v shows cargo's progress)",
        terminal=True,
    )
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, text=True)
    built: List[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        try:
            event: Dict[str, Any] = json.loads(line)
        except ValueError:
            continue
        target = event.get("target") or {}
        if event.get("reason") == "compiler-artifact" and target.get("name") == NAME and "cdylib" in target.get("kind", []):
            built += [f for f in event.get("filenames", []) if Path(f).name == LIBRARY]
    status = process.wait()
    if status != 0:
        raise BuildError(
            f"cargo build --release -p liblode failed (exit status {status}); its errors are above (pip -v shows "
            "them). Set LODE_PYTHON_NO_CARGO=1 to build a package without the library."
        )
    if not built:
        raise BuildError(f"cargo built no {LIBRARY} (is the liblode crate's crate-type still cdylib?)")
    _say(f"cargo finished in {time.monotonic() - started:.0f} s: {built[-1]}")
    return Path(built[-1])


def stage_library(built: Path, native_dir: Path) -> bool:
    """Puts ``built`` into ``native_dir`` unless an identical copy is there; returns whether it
    copied. The copy replaces the old file atomically (a new inode), so a process that has the
    old library loaded keeps a valid mapping."""
    staged = native_dir / LIBRARY
    if staged.is_file() and filecmp.cmp(built, staged, shallow=False):
        _say(f"{staged} is up to date")
        return False
    native_dir.mkdir(parents=True, exist_ok=True)
    partial = staged.with_name(staged.name + ".partial")
    shutil.copyfile(built, partial)
    os.chmod(partial, 0o755)
    os.replace(partial, staged)
    _say(f"copied {built} to {staged}")
    return True


def _native_library(root: Path) -> Optional[Path]:
    """Builds and stages the library as the module docstring says; the library to ship, or
    None for a pure package."""
    native_dir = root / "src" / NAME / "_native"
    staged = native_dir / LIBRARY
    if os.environ.get("LODE_PYTHON_NO_CARGO", "") not in ("", "0"):
        what = f"shipping {staged}" if staged.is_file() else "no library in src/lode/_native: a pure package"
        _say(f"LODE_PYTHON_NO_CARGO is set: not running cargo; {what}")
        return staged if staged.is_file() else None
    repo = _repository(root)
    if repo is None:
        what = f"shipping {staged}" if staged.is_file() else "a pure package (no library in src/lode/_native)"
        _say(f"not inside the lode repository, so nothing to build: {what}")
        return staged if staged.is_file() else None
    cargo = os.environ.get("CARGO") or shutil.which("cargo")
    if cargo is None:
        raise BuildError(
            "cargo was not found on PATH: install a Rust toolchain (the crates are vendored, no network "
            "is needed), or set LODE_PYTHON_NO_CARGO=1 to ship src/lode/_native/ as it is"
        )
    stage_library(_cargo_build(cargo, repo), native_dir)
    return staged


# -- archives --------------------------------------------------------------------------------


def _platform_tag() -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", sysconfig.get_platform())


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{path},sha256={digest},{len(data)}"


def _write_wheel(wheel_directory: str, version: str, files: List[Tuple[str, bytes, int]], tag: str, pure: bool, metadata: str) -> str:
    dist_info = f"{NAME}-{version}.dist-info"
    wheel_text = f"Wheel-Version: 1.0\nGenerator: {GENERATOR} ({version})\nRoot-Is-Purelib: {'true' if pure else 'false'}\nTag: {tag}\n"
    entries = files + [
        (f"{dist_info}/METADATA", metadata.encode("utf-8"), 0o644),
        (f"{dist_info}/WHEEL", wheel_text.encode("utf-8"), 0o644),
        (f"{dist_info}/top_level.txt", f"{NAME}\n".encode("utf-8"), 0o644),
    ]
    record = "".join(_record_line(path, data) + "\n" for path, data, _ in entries) + f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode("utf-8"), 0o644))
    name = f"{NAME}-{version}-{tag}.whl"
    os.makedirs(wheel_directory, exist_ok=True)
    target = Path(wheel_directory) / name
    partial = target.with_name(name + ".partial")
    t = time.gmtime(max(EPOCH, 315532800))
    stamp = (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data, mode in entries:
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    os.replace(partial, target)
    _say(f"wrote {target}")
    return name


def _build(wheel_directory: str, editable: bool) -> str:
    root = _root()
    version = _version(root)
    library = _native_library(root)
    files: List[Tuple[str, bytes, int]] = []
    if editable:
        files.append((f"__editable__.{NAME}.pth", (str((root / "src").resolve()) + "\n").encode("utf-8"), 0o644))
    else:
        package = root / "src"
        files += [(p.relative_to(package).as_posix(), p.read_bytes(), 0o644) for p in _python_files(root)]
        if library is not None:
            files.append((f"{NAME}/_native/{LIBRARY}", library.read_bytes(), 0o755))
    ships_library = library is not None and not editable
    tag = f"py3-none-{_platform_tag()}" if ships_library else "py3-none-any"
    return _write_wheel(wheel_directory, version, files, tag, not ships_library, _metadata(root))


# -- PEP 517 / PEP 660 hooks -----------------------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    """Nothing beyond the standard library."""
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    """Nothing beyond the standard library."""
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    """Nothing beyond the standard library."""
    return []


def _prepare_metadata(metadata_directory: str) -> str:
    root = _root()
    dist_info = Path(metadata_directory) / f"{NAME}-{_version(root)}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(_metadata(root), encoding="utf-8")
    return dist_info.name


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    """Writes the dist-info's METADATA without building anything."""
    return _prepare_metadata(metadata_directory)


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    """Writes the dist-info's METADATA without building anything."""
    return _prepare_metadata(metadata_directory)


def build_wheel(
    wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None, metadata_directory: Optional[str] = None
) -> str:
    """Builds the wheel (with the library, see the module docstring) into ``wheel_directory``."""
    return _build(wheel_directory, editable=False)


def build_editable(
    wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None, metadata_directory: Optional[str] = None
) -> str:
    """Builds an editable wheel: a ``.pth`` naming ``src/`` (after building the library into it)."""
    return _build(wheel_directory, editable=True)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    """Builds ``lode-<version>.tar.gz``: sources, tests, example, README and this backend."""
    root = _root()
    version = _version(root)
    base = f"{NAME}-{version}"
    members: List[Path] = [root / "pyproject.toml", root / "README.md", *_python_files(root)]
    for folder in ("build_backend", "tests", "examples"):
        members += sorted(p for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts)
    os.makedirs(sdist_directory, exist_ok=True)
    name = f"{base}.tar.gz"
    target = Path(sdist_directory) / name
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT) as archive:

        def add(path: str, data: bytes) -> None:
            info = tarfile.TarInfo(f"{base}/{path}")
            info.size, info.mtime, info.mode = len(data), EPOCH, 0o644
            archive.addfile(info, io.BytesIO(data))

        for member in members:
            if member.is_file():
                add(member.relative_to(root).as_posix(), member.read_bytes())
        add("PKG-INFO", _metadata(root).encode("utf-8"))
    target.write_bytes(buffer.getvalue())
    _say(f"wrote {target}")
    return name
