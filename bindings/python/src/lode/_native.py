"""Loading the lode shared library with ctypes, its signatures, and the call helpers.

Which library is loaded: an explicit path (``EventStoreProvider(library=...)`` or
:func:`load_library`), else the ``LODE_LIBRARY`` environment variable, else the copy shipped
inside the package (``lode/_native/liblode.so``).
"""

from __future__ import annotations

import atexit
import ctypes
import json
import logging
import os
import sys
import threading
from ctypes import POINTER, byref, c_bool, c_char_p, c_int32, c_int64, c_size_t, c_uint32, c_void_p
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from . import _check
from .errors import EventStoreError, EventStoreSerializationError, error_from_status, serialization_error

__all__ = ["ABI_VERSION", "Native", "load_library", "library_for", "configure_logging"]

#: The C ABI version this binding was written against (``LODE_ABI_VERSION``).
ABI_VERSION = 1

StrPath = _check.StrPath


class LodeBytes(ctypes.Structure):
    """``lode_bytes``: one message of a batch."""

    _fields_ = [("ptr", c_char_p), ("len", c_size_t)]


LOG_FN = ctypes.CFUNCTYPE(None, c_void_p, c_int32, c_char_p, c_char_p, c_char_p)
SNAPSHOT_FN = ctypes.CFUNCTYPE(c_int32, c_void_p, c_int64, c_void_p, c_size_t, c_void_p)

_H = c_void_p  # lode_provider *, lode_store *, lode_buffer *, lode_error *
_OUT = POINTER(c_void_p)  # lode_buffer **, lode_error **, lode_store **, lode_provider **
_S = c_int32  # lode_status
_STR = [c_char_p, c_size_t]

_SIGNATURES: Dict[str, Any] = {
    "lode_buffer_data": (c_void_p, [_H]),
    "lode_buffer_len": (c_size_t, [_H]),
    "lode_buffer_count": (c_size_t, [_H]),
    "lode_buffer_write": (_S, [_H, c_char_p, c_size_t]),
    "lode_buffer_free": (None, [_H]),
    "lode_buffer_item": (_S, [_H, c_size_t, POINTER(c_void_p), POINTER(c_size_t)]),
    "lode_buffer_message": (_S, [_H, c_size_t, POINTER(c_void_p), POINTER(c_size_t)]),
    "lode_buffer_message_offsets": (c_void_p, [_H]),
    "lode_error_code": (_S, [_H]),
    "lode_error_message": (c_char_p, [_H]),
    "lode_error_details": (c_char_p, [_H]),
    "lode_error_free": (None, [_H]),
    "lode_status_name": (c_char_p, [_S]),
    "lode_set_log_callback": (_S, [LOG_FN, c_void_p, c_int32, _OUT]),
    "lode_version": (c_char_p, []),
    "lode_abi_version": (c_uint32, []),
    "lode_provider_open": (_S, [*_STR, *_STR, _OUT, _OUT]),
    "lode_upgrade_directory": (_S, [*_STR, *_STR, POINTER(c_uint32), _OUT]),
    "lode_provider_close": (_S, [_H, _OUT]),
    "lode_provider_read_log": (_S, [_H, c_int64, c_int64, _OUT, _OUT]),
    "lode_provider_events_by_type": (_S, [_H, *_STR, c_int64, c_int64, c_int64, _OUT, _OUT]),
    "lode_provider_events_by_time": (_S, [_H, c_int64, c_int64, c_int64, _OUT, _OUT]),
    "lode_provider_events_by_correlation": (_S, [_H, *_STR, c_int64, c_int64, _OUT, _OUT]),
    "lode_provider_stream_events_since": (_S, [_H, *_STR, *_STR, *_STR, c_int64, c_int64, _OUT, _OUT]),
    "lode_provider_command_processed": (_S, [_H, *_STR, POINTER(c_bool), _OUT]),
    "lode_provider_command_record": (_S, [_H, *_STR, _OUT, _OUT]),
    "lode_store_open": (_S, [_H, *_STR, *_STR, *_STR, c_int64, c_int64, _OUT, _OUT]),
    "lode_store_reopen": (_S, [_H, c_int64, c_int64, _OUT]),
    "lode_store_close": (_S, [_H, _OUT]),
    "lode_store_free": (_S, [_H, _OUT]),
    "lode_store_renew": (_S, [_H, _OUT]),
    "lode_store_append": (_S, [_H, POINTER(LodeBytes), c_size_t, POINTER(c_int64), _OUT]),
    "lode_store_append_with_command": (
        _S,
        [_H, POINTER(LodeBytes), c_size_t, *_STR, *_STR, *_STR, POINTER(c_int64), _OUT],
    ),
    "lode_store_read": (_S, [_H, c_bool, _OUT, _OUT]),
    "lode_store_read_to": (_S, [_H, c_int64, c_bool, _OUT, _OUT]),
    "lode_store_slice": (_S, [_H, c_int64, c_int64, _OUT, _OUT]),
    "lode_store_version": (_S, [_H, POINTER(c_int64), _OUT]),
    "lode_store_snapshot": (_S, [_H, c_int64, *_STR, _OUT]),
    "lode_store_clear_snapshot": (_S, [_H, c_int64, _OUT]),
    "lode_store_clear_snapshots": (_S, [_H, _OUT]),
    "lode_store_snapshot_versions": (_S, [_H, _OUT, _OUT]),
    "lode_store_last_snapshot_version": (_S, [_H, POINTER(c_int64), _OUT]),
    "lode_store_snapshot_all": (_S, [_H, c_int64, SNAPSHOT_FN, c_void_p, _OUT]),
    # Subscriptions and checkpoints (subscriptions.py).
    "lode_subscription_open": (_S, [_H, c_int64, c_char_p, c_size_t, c_int64, _OUT, _OUT]),
    "lode_subscription_next": (_S, [_H, c_int64, _OUT, POINTER(c_int64), _OUT]),
    "lode_subscription_position": (_S, [_H, POINTER(c_int64), _OUT]),
    "lode_subscription_wake": (_S, [_H, _OUT]),
    "lode_subscription_close": (_S, [_H, _OUT]),
    "lode_provider_head_position": (_S, [_H, POINTER(c_int64), _OUT]),
    "lode_provider_wait_for_position": (_S, [_H, c_int64, c_int64, POINTER(c_bool), _OUT]),
    "lode_provider_checkpoint": (_S, [_H, *_STR, POINTER(c_bool), POINTER(c_int64), POINTER(c_int64), _OUT]),
    "lode_provider_store_checkpoint": (_S, [_H, *_STR, c_int64, c_bool, _OUT]),
    "lode_store_append_with_checkpoint": (_S, [_H, POINTER(LodeBytes), c_size_t, *_STR, c_int64, POINTER(c_int64), _OUT]),
}

# Python logging levels of LODE_LOG_ERROR .. LODE_LOG_TRACE (TRACE is level 5).
TRACE = 5
_LEVELS = {1: logging.ERROR, 2: logging.WARNING, 3: logging.INFO, 4: logging.DEBUG, 5: TRACE}


def _lode_level(python_level: int) -> int:
    """The LODE_LOG_* filter that lets through the events ``python_level`` lets through."""
    for lode_level in (5, 4, 3, 2):
        if python_level <= _LEVELS[lode_level]:
            return lode_level
    return 1


def _on_log(_user_data: Optional[int], level: int, target: Optional[bytes], message: Optional[bytes], fields: Optional[bytes]) -> None:
    # Runs on whichever thread the library logs from; it must never raise into C.
    try:
        name = (target or b"lode").decode("utf-8", "replace").replace("::", ".")
        if name != "lode" and not name.startswith("lode."):
            name = "lode." + name
        logger = logging.getLogger(name)
        python_level = _LEVELS.get(level, logging.DEBUG)
        if logger.isEnabledFor(python_level):
            try:
                lode_fields = json.loads(fields) if fields else {}
            except (ValueError, RecursionError):  # still log the event, without its fields
                lode_fields = {"undecodable_fields": fields.decode("utf-8", "replace") if fields else ""}
            logger.log(python_level, (message or b"").decode("utf-8", "replace"), extra={"lode_fields": lode_fields})
    except Exception:  # pragma: no cover - logging must not break the library
        pass


# A library leaves handling to the application: without logging configured, nothing is printed.
logging.getLogger("lode").addHandler(logging.NullHandler())

# The callback object must outlive every call the library may make: keep it for the process.
_LOG_CALLBACK = LOG_FN(_on_log)


class Native:
    """One loaded copy of the library, with every function's signature declared."""

    def __init__(self, path: str) -> None:
        """Loads the library at ``path`` and checks its ABI version."""
        self.path = path
        self.lib = ctypes.CDLL(path)
        for name, (restype, argtypes) in _SIGNATURES.items():
            function = getattr(self.lib, name)
            function.restype = restype
            function.argtypes = argtypes
        abi = int(self.lib.lode_abi_version())
        if abi != ABI_VERSION:
            raise OSError(f"{path} implements lode C ABI version {abi}; this package needs version {ABI_VERSION}")
        self.version: str = self.lib.lode_version().decode("utf-8")
        self.sync_log_level()

    # -- logging ---------------------------------------------------------------------------

    def sync_log_level(self) -> None:
        """Registers the log callback with the current level filter (see
        :func:`configure_logging`)."""
        level = _log_level
        if level is None:
            level = logging.getLogger("lode").getEffectiveLevel()
        err = c_void_p()
        status = self.lib.lode_set_log_callback(_LOG_CALLBACK, None, _lode_level(level), byref(err))
        self.lib.lode_error_free(err)
        if status != 0:  # a Rust host installed its own subscriber: it keeps the events
            logging.getLogger("lode").debug("lode logs are not routed to Python logging (status %d)", status)

    def detach_logging(self) -> None:
        """Stops routing log events (at interpreter exit)."""
        self.lib.lode_set_log_callback(None, None, 1, None)

    # -- calls -----------------------------------------------------------------------------

    def error(self, status: int, err: c_void_p) -> EventStoreError:
        """Turns a failed call's status and ``lode_error`` into an exception; frees ``err``."""
        try:
            if err.value is None:
                name = self.lib.lode_status_name(status).decode("utf-8", "replace")
                return error_from_status(status, f"The lode call failed with {name}.", {})
            return error_from_parts(
                int(self.lib.lode_error_code(err)), self.lib.lode_error_message(err), self.lib.lode_error_details(err)
            )
        finally:
            self.lib.lode_error_free(err)

    def call(self, name: str, *args: Any) -> None:
        """Calls ``name(*args, &err)``, raising the matching exception on failure."""
        err = c_void_p()
        status = getattr(self.lib, name)(*args, byref(err))
        if status != 0:
            raise self.error(status, err)

    def call_buffer(self, name: str, *args: Any) -> bytes:
        """Calls ``name(*args, &buffer, &err)`` and returns a copy of the buffer's bytes; the
        buffer is always freed."""
        buf = c_void_p()
        try:
            self.call(name, *args, byref(buf))
            size = int(self.lib.lode_buffer_len(buf))
            return ctypes.string_at(self.lib.lode_buffer_data(buf), size) if size else b""
        finally:
            self.lib.lode_buffer_free(buf)


    def call_messages(self, name: str, *args: Any) -> Tuple[bytes, List[Tuple[int, int]]]:
        """Calls ``name(*args, &buffer, &err)`` for a buffer of messages or records and returns a
        copy of its bytes and the byte range of each stored message in them (the item itself
        for a read; the record's ``Message`` for a query). The buffer is always freed."""
        buf = c_void_p()
        try:
            self.call(name, *args, byref(buf))
            size = int(self.lib.lode_buffer_len(buf))
            data = ctypes.string_at(self.lib.lode_buffer_data(buf), size) if size else b""
            count = int(self.lib.lode_buffer_count(buf))
            offsets = self.lib.lode_buffer_message_offsets(buf)
            if count == 0 or not offsets:
                return data, []
            flat = (c_size_t * (2 * count)).from_address(offsets)
            return data, list(zip(flat[0::2], flat[1::2]))
        finally:
            self.lib.lode_buffer_free(buf)


def error_from_parts(code: int, message: Optional[bytes], details: Optional[bytes]) -> EventStoreError:
    """The exception of a ``lode_error``'s code, message and details JSON. Details that cannot
    be decoded give an EventStoreSerializationError (naming the error and keeping its message)
    chained to the decoder's error, never the decoder's error itself."""
    text = (message or b"").decode("utf-8", "replace")
    try:
        fields = _check.decode_json(details or b"{}", "the details of a lode error")
        if not isinstance(fields, dict):
            raise serialization_error("the details of a lode error", "they are not a JSON object")
    except EventStoreSerializationError as e:
        e.message = f"{e.message} The error was: {text}"
        e.args = (e.message,)
        e.details["error_code"] = code
        e.details["error_message"] = text
        return e
    return error_from_status(code, text, fields)


_lock = threading.Lock()
_loaded: Dict[str, Native] = {}
_default: Optional[Native] = None
_log_level: Optional[int] = None


def _shipped() -> Optional[Path]:
    names = {"win32": "lode.dll", "darwin": "liblode.dylib"}
    candidate = Path(__file__).resolve().parent / "_native" / names.get(sys.platform, "liblode.so")
    return candidate if candidate.is_file() else None


def _load(path: StrPath) -> Native:
    key = os.path.abspath(os.fspath(path))
    with _lock:
        native = _loaded.get(key)
        if native is None:
            native = _loaded[key] = Native(key)
        return native


def load_library(path: Optional[StrPath] = None) -> Native:
    """Loads the lode library and makes it the default for providers opened without
    ``library=``. Without ``path``: ``LODE_LIBRARY``, else the copy shipped in the package.
    Loading the same file again returns the already loaded copy."""
    global _default
    if path is not None:
        path = _check.path(path, "load_library", "path")
    native = _load(path) if path is not None else _resolve_default()
    _default = native
    return native


def _resolve_default() -> Native:
    env = os.environ.get("LODE_LIBRARY")
    if env:
        return _load(env)
    shipped = _shipped()
    if shipped is None:
        raise OSError(
            "the lode shared library was not found: pass library=..., call lode.load_library(path), "
            "set LODE_LIBRARY, or install a wheel that ships lode/_native/liblode.so"
        )
    return _load(shipped)


def library_for(path: Optional[StrPath]) -> Native:
    """The library a provider uses: ``path`` if given, else the default (see :func:`load_library`)."""
    if path is not None:
        return _load(_check.path(path, "EventStoreProvider", "library"))
    return _default if _default is not None else load_library()


def configure_logging(level: Optional[int] = None) -> None:
    """Sets which library log events reach ``logging`` (a ``logging`` level such as
    ``logging.DEBUG``; 5 is TRACE). ``None``: follow the ``lode`` logger's effective level,
    re-read whenever a provider is opened. Applies to every loaded copy of the library."""
    global _log_level
    _log_level = _check.optional_integer(level, "configure_logging", "level")
    with _lock:
        natives = list(_loaded.values())
    for native in natives:
        native.sync_log_level()


@atexit.register
def _detach_all() -> None:
    with _lock:
        natives: List[Native] = list(_loaded.values())
    for native in natives:
        try:
            native.detach_logging()
        except Exception:  # pragma: no cover
            pass
