"""Online backup, verify and the check of a backup against its source (docs/backup.md, K-BAK-*).

:meth:`EventStoreProvider.backup` writes a consistent point-in-time copy of a live store into a
new directory while other threads and processes go on appending, reporting progress to a
callback that may cancel it; :func:`verify` (a directory) and
:meth:`EventStoreProvider.verify` check every invariant of a store and return a
:class:`VerifyReport`; :meth:`EventStoreProvider.check_backup` proves a backup against its
source. Restoring is opening the backup directory with :class:`EventStoreProvider`.
"""

from __future__ import annotations

import ctypes
import json
from ctypes import POINTER, byref, c_char_p, c_int32, c_int64, c_size_t, c_void_p
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple

from . import _check
from ._native import Native, StrPath, library_for
from .errors import argument_error, serialization_error

if TYPE_CHECKING:  # pragma: no cover
    from .store import EventStoreProvider

__all__ = ["BackupInfo", "BackupProgress", "BackupCheck", "VerifyProblem", "VerifyReport", "verify"]

#: ``lode_progress_fn``: ``int32_t (*)(void *user_data, int64_t done, int64_t total)``.
PROGRESS_FN = ctypes.CFUNCTYPE(c_int32, c_void_p, c_int64, c_int64)

_OUT = POINTER(c_void_p)
_SIGNATURES: Dict[str, Tuple[Any, List[Any]]] = {
    "lode_provider_backup": (
        c_int32,
        [c_void_p, c_char_p, c_size_t, c_char_p, c_size_t, PROGRESS_FN, c_void_p, _OUT, _OUT],
    ),
    "lode_provider_verify": (c_int32, [c_void_p, _OUT, _OUT]),
    "lode_verify": (c_int32, [c_char_p, c_size_t, _OUT, _OUT]),
    "lode_provider_check_backup": (c_int32, [c_void_p, c_char_p, c_size_t, _OUT, _OUT]),
}

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _declare(native: Native) -> Native:
    """Declares the backup functions' signatures on ``native`` (once per loaded library)."""
    if not getattr(native, "_backup_declared", False):
        for name, (restype, argtypes) in _SIGNATURES.items():
            function = getattr(native.lib, name)
            function.restype = restype
            function.argtypes = argtypes
        setattr(native, "_backup_declared", True)
    return native


@dataclass(frozen=True)
class BackupProgress:
    """Progress of a backup: ``done`` bytes copied of ``total`` (the data's size when the copy
    started; for a compacted copy an estimate; ``done == total`` in the last report)."""

    done: int
    total: int

    @property
    def fraction(self) -> float:
        """``done / total`` (1.0 for an empty total)."""
        return self.done / self.total if self.total else 1.0


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds (``backup.json``): exactly the events at positions
    ``1..position`` of its source."""

    path: str
    source: str
    position: int
    bytes: int
    compacted: bool
    verified: bool
    created_at: datetime
    library_version: str
    backend: str
    format_version: int


@dataclass(frozen=True)
class VerifyProblem:
    """One broken invariant and where: ``kind`` (``"Damaged"``, ``"Stream"``, ``"Log"``,
    ``"MissingIndexEntry"``, ``"ExtraIndexEntry"``, ``"Command"``, ``"Snapshot"``,
    ``"Mismatch"``), ``place`` and ``detail`` (sentences), and the stream (``store_id``),
    ``version`` and log ``position`` when the problem names them."""

    kind: str
    place: str
    detail: str
    store_id: Optional[str]
    version: Optional[int]
    position: Optional[int]

    def __str__(self) -> str:
        return f"{self.kind} at {self.place}: {self.detail}"


@dataclass(frozen=True)
class VerifyReport:
    """What verify checked (the counts) and found: ``ok`` when every invariant holds, else
    ``problems`` lists the first 100 of ``problem_count``. ``position`` is the log position of
    the snapshot that was checked."""

    ok: bool
    streams: int
    events: int
    log_entries: int
    index_entries: int
    commands: int
    leases: int
    snapshots: int
    position: int
    problem_count: int
    problems: List[VerifyProblem]

    def __bool__(self) -> bool:
        return self.ok


@dataclass(frozen=True)
class BackupCheck:
    """What :meth:`EventStoreProvider.check_backup` found: ``ok`` when the copy verifies
    (``backup``) and agrees with its source up to ``position`` (``events_compared`` events and
    ``commands_compared`` command records compared byte for byte); ``recorded`` is its
    ``backup.json``; ``problems`` are the disagreements."""

    ok: bool
    path: str
    position: int
    recorded: Optional[BackupInfo]
    source_position: int
    events_compared: int
    commands_compared: int
    backup: VerifyReport
    problem_count: int
    problems: List[VerifyProblem]

    def __bool__(self) -> bool:
        return self.ok


def _int(d: Dict[str, Any], key: str) -> int:
    value = d[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{key} must be a JSON integer")
    return value


def _opt_int(d: Dict[str, Any], key: str) -> Optional[int]:
    return None if d.get(key) is None else _int(d, key)


def _str(d: Dict[str, Any], key: str) -> str:
    value = d[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a JSON string")
    return value


def _bool(d: Dict[str, Any], key: str) -> bool:
    value = d[key]
    if not isinstance(value, bool):
        raise TypeError(f"{key} must be a JSON boolean")
    return value


def _decode(data: bytes, what: str, build: Callable[[Dict[str, Any]], Any]) -> Any:
    value = _check.decode_json(data, what)
    try:
        if not isinstance(value, dict):
            raise TypeError("it is not a JSON object")
        return build(value)
    except (KeyError, TypeError, OverflowError) as e:
        raise serialization_error(what, f"missing field {e}" if isinstance(e, KeyError) else str(e)) from e


def _info(d: Dict[str, Any]) -> BackupInfo:
    return BackupInfo(
        path=_str(d, "path"),
        source=_str(d, "source"),
        position=_int(d, "position"),
        bytes=_int(d, "bytes"),
        compacted=_bool(d, "compacted"),
        verified=_bool(d, "verified"),
        created_at=_EPOCH + timedelta(microseconds=_int(d, "created_at_us")),
        library_version=_str(d, "library_version"),
        backend=_str(d, "backend"),
        format_version=_int(d, "format_version"),
    )


def _problems(d: Dict[str, Any]) -> List[VerifyProblem]:
    items = d["problems"]
    if not isinstance(items, list):
        raise TypeError("problems must be a JSON array")
    out = []
    for p in items:
        if not isinstance(p, dict):
            raise TypeError("a problem must be a JSON object")
        store_id = p.get("store_id")
        if store_id is not None and not isinstance(store_id, str):
            raise TypeError("store_id must be a JSON string or null")
        out.append(
            VerifyProblem(
                kind=_str(p, "kind"),
                place=_str(p, "place"),
                detail=_str(p, "detail"),
                store_id=store_id,
                version=_opt_int(p, "version"),
                position=_opt_int(p, "position"),
            )
        )
    return out


def _report(d: Dict[str, Any]) -> VerifyReport:
    return VerifyReport(
        ok=_bool(d, "ok"),
        streams=_int(d, "streams"),
        events=_int(d, "events"),
        log_entries=_int(d, "log_entries"),
        index_entries=_int(d, "index_entries"),
        commands=_int(d, "commands"),
        leases=_int(d, "leases"),
        snapshots=_int(d, "snapshots"),
        position=_int(d, "position"),
        problem_count=_int(d, "problem_count"),
        problems=_problems(d),
    )


def _check_report(d: Dict[str, Any]) -> BackupCheck:
    backup = d["backup"]
    recorded = d.get("recorded")
    if not isinstance(backup, dict) or not (recorded is None or isinstance(recorded, dict)):
        raise TypeError("backup and recorded must be JSON objects")
    return BackupCheck(
        ok=_bool(d, "ok"),
        path=_str(d, "path"),
        position=_int(d, "position"),
        recorded=None if recorded is None else _info(recorded),
        source_position=_int(d, "source_position"),
        events_compared=_int(d, "events_compared"),
        commands_compared=_int(d, "commands_compared"),
        backup=_report(backup),
        problem_count=_int(d, "problem_count"),
        problems=_problems(d),
    )


def verify(path: StrPath, *, library: Optional[StrPath] = None) -> VerifyReport:
    """Checks every invariant of the store in the directory ``path``, whether or not a process
    has it open (``lode_verify``): every record's CRC, every stream gap-free, the log and every
    index agreeing with the streams, command records agreeing, leases and snapshots well
    formed. Damage is reported, never repaired. Nothing is created: a directory without a
    store raises :class:`EventStoreStorageError`. ``library`` as for
    :class:`EventStoreProvider`."""
    func = "verify"
    directory = _check.path(path, func, "path")
    native = _declare(library_for(library))
    raw = _check.text(directory, func, "path")
    data = native.call_buffer("lode_verify", raw, len(raw))
    report: VerifyReport = _decode(data, f"the verify report of '{directory}'", _report)
    return report


def provider_verify(provider: "EventStoreProvider") -> VerifyReport:
    native = _declare(provider._native)
    data = native.call_buffer("lode_provider_verify", provider._handle)
    report: VerifyReport = _decode(data, f"the verify report of '{provider.path}'", _report)
    return report


def provider_check_backup(provider: "EventStoreProvider", path: StrPath) -> BackupCheck:
    func = "check_backup"
    directory = _check.path(path, func, "path")
    raw = _check.text(directory, func, "path")
    native = _declare(provider._native)
    data = native.call_buffer("lode_provider_check_backup", provider._handle, raw, len(raw))
    check: BackupCheck = _decode(data, f"the check of backup '{directory}'", _check_report)
    return check


def provider_backup(
    provider: "EventStoreProvider",
    path: StrPath,
    compact: bool,
    verify: bool,
    max_bytes_per_second: Optional[int],
    progress: Optional[Callable[[BackupProgress], Optional[bool]]],
) -> BackupInfo:
    func = "backup"
    directory = _check.path(path, func, "path")
    options: Dict[str, Any] = {
        "compact": _check.flag(compact, func, "compact"),
        "verify": _check.flag(verify, func, "verify"),
    }
    rate = _check.optional_integer(max_bytes_per_second, func, "max_bytes_per_second")
    if rate is not None:
        if rate <= 0:
            raise argument_error("max_bytes_per_second", "must be a positive number of bytes")
        options["max_bytes_per_second"] = rate
    fn = None if progress is None else _check.function(progress, func, "progress")
    raw = _check.text(directory, func, "path")
    options_json = json.dumps(options).encode("utf-8")
    native = _declare(provider._native)
    failures: List[BaseException] = []

    def callback(_user: Optional[int], done: int, total: int) -> int:
        # Runs on this thread inside the library's call, every 100 ms at least: it must never
        # raise into C. A KeyboardInterrupt pending since the last call is raised here, when
        # Python code runs again, and cancels the backup like any exception.
        try:
            if fn is not None and fn(BackupProgress(done, total)) is False:
                return 1
            return 0
        except BaseException as e:  # noqa: B036 - handed back to the caller below
            failures.append(e)
            return 1

    c_callback = PROGRESS_FN(callback)  # alive until the call returns
    buf = c_void_p()
    err = c_void_p()
    try:
        status = native.lib.lode_provider_backup(
            provider._handle, raw, len(raw), options_json, len(options_json), c_callback, None, byref(buf), byref(err)
        )
        if status != 0:
            error = native.error(status, err)
            if not failures:
                raise error
        size = int(native.lib.lode_buffer_len(buf)) if buf.value else 0
        data = ctypes.string_at(native.lib.lode_buffer_data(buf), size) if size else b""
    finally:
        native.lib.lode_buffer_free(buf)
    if failures:
        # The callback's own exception (a KeyboardInterrupt too), raised outside the except
        # block so that its __context__ stays its own; the partial copy is already removed.
        raise failures[0]
    info: BackupInfo = _decode(data, f"the info of backup '{directory}'", _info)
    return info

