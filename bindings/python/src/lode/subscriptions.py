"""Live subscriptions and checkpoints (docs/subscriptions.md, S-SUB-*, S-CP-*).

A :class:`Subscription` delivers every committed event after a position that matches its
filter, in log order, each once: first the stored history, a page at a time, then live events
as they commit (also those of other processes). It is pull style: the library never calls back
into Python; each page is fetched on the iterating thread, with the GIL released while the
library waits. Use it in a ``for`` loop (it blocks for new events until :meth:`Subscription.stop`
is called from another thread, or until nothing arrives for ``timeout``) and as a context
manager::

    with provider.subscribe(after=checkpoint, aggregate_type="BankAccount") as events:
        for record in events:
            ...

A projection that survives a restart stores its output and its checkpoint in one append
(:meth:`lode.EventStore.add_with_checkpoint`) and resumes after :meth:`checkpoint`'s position.
"""

from __future__ import annotations

import json
import math
import time
from collections import deque
from ctypes import byref, c_bool, c_int64, c_size_t, c_void_p, string_at
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Type, Union

from . import _check
from ._native import Native
from .errors import ObjectDisposedError, argument_error

if TYPE_CHECKING:  # pragma: no cover
    from .store import LogRecord

__all__ = ["Checkpoint", "EventTypeLike", "Subscription", "DEFAULT_PAGE_SIZE", "MAX_PAGE_SIZE"]

#: ``LODE_DEFAULT_PAGE_SIZE`` and ``LODE_MAX_PAGE_SIZE`` (include/lode-manifest.json).
DEFAULT_PAGE_SIZE = 256
MAX_PAGE_SIZE = 100_000

#: An event type a subscription asks for: its name (any event version), or (name, version).
EventTypeLike = Union[str, Tuple[str, int]]

_FROM_NOW = -1  # LODE_FROM_NOW
# The longest single wait of one library call: a wait "forever" is made of these, so that
# Ctrl-C (KeyboardInterrupt) is seen between them.
_SLICE_MS = 250
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _closed_error() -> ObjectDisposedError:
    return ObjectDisposedError(
        "The subscription was closed; open a new one to go on.", {"kind": "Closed", "object": "subscription"}, 13
    )


@dataclass(frozen=True)
class Checkpoint:
    """A consumer's position (S-CP-1): it has processed the log up to ``position`` and resumes
    after it; ``stored_at`` is when the store recorded it (its own UTC clock)."""

    position: int
    stored_at: datetime


def _filter_json(
    func: str,
    stream: Optional[Sequence[str]],
    aggregate_type: Optional[str],
    event_types: Optional[Iterable[EventTypeLike]],
    correlation_id: Optional[str],
) -> bytes:
    f: Dict[str, Any] = {}
    if stream is not None:
        if isinstance(stream, (str, bytes)) or not isinstance(stream, Sequence) or len(stream) not in (2, 3):
            raise TypeError(f"{func}() argument 'stream' must be a (name, id) or (database, name, id) tuple")
        parts = [_check.string(p, func, "stream") for p in stream]
        f["stream"] = dict(zip(("name", "id"), parts)) if len(parts) == 2 else dict(zip(("database", "name", "id"), parts))
    if aggregate_type is not None:
        f["aggregate_type"] = _check.string(aggregate_type, func, "aggregate_type")
    if event_types is not None:
        if isinstance(event_types, (str, bytes)) or not isinstance(event_types, Iterable):
            raise TypeError(f"{func}() argument 'event_types' must be a list of event types, not {type(event_types).__name__}")
        types: List[Dict[str, Any]] = []
        for t in event_types:
            if isinstance(t, str):
                types.append({"type": t})
            elif isinstance(t, tuple) and len(t) == 2:
                types.append({"type": _check.string(t[0], func, "event_types"), "version": _check.integer(t[1], func, "event_types")})
            else:
                raise TypeError(f"{func}() argument 'event_types' takes names or (name, version) tuples, not {t!r}")
        f["event_types"] = types
    if correlation_id is not None:
        f["correlation_id"] = _check.string(correlation_id, func, "correlation_id")
    return json.dumps(f).encode("utf-8")


class Subscription:
    """A live subscription to the global log (S-SUB-1 .. S-SUB-8). Made by
    :meth:`lode.EventStoreProvider.subscribe`.

    Iterating gives :class:`lode.LogRecord` objects, one page held at a time. The iteration
    ends when :meth:`stop` (or :meth:`close`) is called, from any thread, or when nothing
    arrives for the subscription's ``timeout``. One thread at a time iterates or calls
    :meth:`next_page`; :meth:`stop` and :meth:`wake` may come from any thread.
    """

    def __init__(self, native: Native, handle: int, timeout_ms: Optional[int]) -> None:
        """Wraps an open subscription handle (use :meth:`lode.EventStoreProvider.subscribe`)."""
        self._native = native
        self._handle = handle
        self._timeout_ms = timeout_ms
        self._page: Deque["LogRecord"] = deque()
        self._closed = False
        self._ended = False
        # wake() calls so far: a wait that sees it move was woken, however long its slice ran.
        self._wakes = 0
        position = c_int64()
        native.call("lode_subscription_position", handle, byref(position))
        self._position = position.value

    @property
    def position(self) -> int:
        """The log position the subscription has seen up to (S-SUB-4): every matching event at
        or below it has been fetched. Store it as the checkpoint once those are processed."""
        return self._position

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> "Subscription":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"Subscription(position={self._position}, closed={self._closed})"

    def close(self) -> None:
        """Ends the subscription (S-SUB-8); a wait in another thread ends at once and its
        ``for`` loop stops. Idempotent."""
        if getattr(self, "_closed", True):
            return
        self._closed = True
        self._native.call("lode_subscription_close", self._handle)

    def stop(self) -> None:
        """Stops the iteration (from any thread): the same as :meth:`close`."""
        self.close()

    def wake(self) -> None:
        """Makes a :meth:`next_page` waiting in another thread return now with what it has
        (nothing); the subscription goes on."""
        if not self._closed:
            self._wakes += 1  # before the library wakes the waiting slice, which then sees it
            self._native.call("lode_subscription_wake", self._handle)

    def _next(self, wait_ms: int) -> List["LogRecord"]:
        from .store import _records

        buf = c_void_p()
        position = c_int64()
        try:
            self._native.call("lode_subscription_next", self._handle, wait_ms, byref(buf), byref(position))
            lib = self._native.lib
            size = int(lib.lode_buffer_len(buf))
            data = string_at(lib.lode_buffer_data(buf), size) if size else b""
            count = int(lib.lode_buffer_count(buf))
            offsets = lib.lode_buffer_message_offsets(buf)
            spans: List[Tuple[int, int]] = []
            if count and offsets:
                flat = (c_size_t * (2 * count)).from_address(offsets)
                spans = list(zip(flat[0::2], flat[1::2]))
        finally:
            self._native.lib.lode_buffer_free(buf)
        self._position = position.value
        return _records(data, spans, f"a subscription page after position {self._position}") if count else []

    def next_page(self, timeout: Optional[Union[timedelta, float, int]] = None) -> List["LogRecord"]:
        """The next page: the matching events after :attr:`position`, at most the page size,
        as soon as there is one; waits at most ``timeout`` (seconds or ``timedelta``; 0: no
        wait; ``None``: until there is one, or :meth:`wake` or :meth:`stop`). An empty list
        means the wait ended first. Raises ObjectDisposedError once closed."""
        if self._closed:
            raise _closed_error()
        deadline = None
        if timeout is not None:
            deadline = time.monotonic() + _check.timeout_ms(timeout, "next_page", "timeout") / 1000
        wakes = self._wakes
        while True:
            slice_ms = _SLICE_MS
            if deadline is not None:
                slice_ms = max(0, min(_SLICE_MS, math.ceil((deadline - time.monotonic()) * 1000)))
            started = time.monotonic()
            try:
                records = self._next(slice_ms)
            except ObjectDisposedError:
                self._closed = True
                raise
            now = time.monotonic()
            if records or (deadline is not None and now >= deadline) or slice_ms == 0:
                return records
            if self._wakes != wakes:
                return records  # woken (wake() from another thread), whenever in the slice
            if now - started < slice_ms / 1000 * 0.9:
                return records  # returned before its time with nothing: woken before this call
            if self._closed:
                raise _closed_error()

    def pages(self) -> Iterator[List["LogRecord"]]:
        """The records a page at a time (each non-empty; :attr:`position` is where the page
        ends): what a consumer that stores its checkpoint per page iterates. Ends like the
        iteration over records: on :meth:`stop`, or when nothing arrives for ``timeout``."""
        if self._page:
            yield list(self._page)
            self._page.clear()
        while not (self._ended or self._closed):
            try:
                records = self.next_page(None if self._timeout_ms is None else timedelta(milliseconds=self._timeout_ms))
            except ObjectDisposedError:
                if self._closed:
                    return
                raise
            if records:
                yield records
            elif self._timeout_ms is not None:
                self._ended = True

    def __iter__(self) -> Iterator["LogRecord"]:
        return self

    def __next__(self) -> "LogRecord":
        while not self._page:
            if self._ended or self._closed:
                raise StopIteration
            try:
                records = self.next_page(None if self._timeout_ms is None else timedelta(milliseconds=self._timeout_ms))
            except ObjectDisposedError:
                if self._closed:  # stopped, also while waiting in another thread's stop()
                    raise StopIteration from None
                raise
            if not records and self._timeout_ms is not None:
                self._ended = True
                raise StopIteration
            self._page.extend(records)
        return self._page.popleft()


# -- what EventStoreProvider and EventStore call (store.py) ------------------------------------


def subscribe(
    native: Native,
    provider: int,
    after: int,
    from_now: bool,
    stream: Optional[Sequence[str]],
    aggregate_type: Optional[str],
    event_types: Optional[Iterable[EventTypeLike]],
    correlation_id: Optional[str],
    page_size: Optional[int],
    timeout: Optional[Union[timedelta, float, int]],
) -> Subscription:
    func = "subscribe"
    start = _check.integer(after, func, "after")
    if _check.flag(from_now, func, "from_now"):
        if start != 0:
            raise argument_error("from_now", "cannot be combined with after")
        start = _FROM_NOW
    elif start < 0:
        raise argument_error("after", "must not be negative")
    size = -1 if page_size is None else _check.integer(page_size, func, "page_size")
    if page_size is not None and size < 1:
        raise argument_error("page_size", f"must be 1 to {MAX_PAGE_SIZE}")
    idle = None if timeout is None else _check.timeout_ms(timeout, func, "timeout")
    filter_json = _filter_json(func, stream, aggregate_type, event_types, correlation_id)
    out = c_void_p()
    native.call("lode_subscription_open", provider, start, filter_json, len(filter_json), size, byref(out))
    try:
        return Subscription(native, out.value or 0, idle)
    except BaseException:
        native.call("lode_subscription_close", out.value or 0)
        raise


def wait_for_position(native: Native, provider: int, position: int, timeout: Union[timedelta, float, int]) -> bool:
    p = _check.integer(position, "wait_for_position", "position")
    ms = _check.timeout_ms(timeout, "wait_for_position", "timeout")
    reached = c_bool()
    # In slices, so that Ctrl-C is seen between them; the GIL is released during each.
    waited = 0
    while True:
        step = min(_SLICE_MS, ms - waited)
        native.call("lode_provider_wait_for_position", provider, p, step, byref(reached))
        waited += step
        if reached.value or waited >= ms:
            return bool(reached.value)


def head_position(native: Native, provider: int) -> int:
    out = c_int64()
    native.call("lode_provider_head_position", provider, byref(out))
    return out.value


def checkpoint(native: Native, provider: int, name: str) -> Optional[Checkpoint]:
    raw = _check.text(name, "checkpoint", "name")
    found = c_bool()
    position = c_int64()
    stored_at = c_int64()
    native.call("lode_provider_checkpoint", provider, raw, len(raw), byref(found), byref(position), byref(stored_at))
    if not found.value:
        return None
    return Checkpoint(position.value, _EPOCH + timedelta(microseconds=stored_at.value))


def store_checkpoint(native: Native, provider: int, name: str, position: int, reset: bool) -> None:
    func = "reset_checkpoint" if reset else "store_checkpoint"
    raw = _check.text(name, func, "name")
    native.call("lode_provider_store_checkpoint", provider, raw, len(raw), _check.integer(position, func, "position"), reset)
