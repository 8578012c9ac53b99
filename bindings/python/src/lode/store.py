"""The provider (an open store directory) and the event store (one stream, through a session)."""

from __future__ import annotations

import json
import os
from ctypes import byref, c_bool, c_int64, c_void_p, string_at
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Type, Union

from ._native import SNAPSHOT_FN, LodeBytes, Native, StrPath, library_for
from .errors import EventStoreError
from .messages import EventMessage, MessageLike, encode_message, parse_message_array

__all__ = ["EventStoreProvider", "EventStore", "LogRecord", "CommandRecord", "Timeout"]

#: A timeout: a ``timedelta`` or a number of seconds; ``None`` means the provider's default.
Timeout = Union[timedelta, float, int]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_DEFAULT = -1  # LODE_DEFAULT


def _ms(timeout: Optional[Timeout], name: str) -> int:
    if timeout is None:
        return _DEFAULT
    seconds = timeout.total_seconds() if isinstance(timeout, timedelta) else float(timeout)
    if seconds < 0:
        raise ValueError(f"{name} must not be negative")
    return round(seconds * 1000)


def _utf8(value: str) -> bytes:
    return value.encode("utf-8")


def _opt(value: Optional[str]) -> List[Any]:
    """An optional string argument as (pointer, length): NULL, 0 when not given."""
    if value is None:
        return [None, 0]
    data = _utf8(value)
    return [data, len(data)]


def _arg(value: str) -> List[Any]:
    data = _utf8(value)
    return [data, len(data)]


def _micros(moment: datetime) -> int:
    """UTC microseconds since the Unix epoch; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return (moment - _EPOCH) // timedelta(microseconds=1)


def _from_micros(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


@dataclass(frozen=True)
class LogRecord:
    """One event of the global log with its envelope (queries.md, Q-LOG-2)."""

    position: int
    recorded_at: datetime
    partition: str
    aggregate_type: str
    aggregate_id: str
    aggregate_version: int
    event_id: str
    event_type: str
    event_version: int
    actor: Optional[str]
    actor_type: Optional[str]
    source: Optional[str]
    correlation_id: Optional[str]
    causation_id: Optional[str]
    message: EventMessage

    @classmethod
    def _from_json(cls, r: Dict[str, Any], message: EventMessage) -> "LogRecord":
        return cls(
            position=r["Position"],
            recorded_at=_from_micros(r["RecordedAtUs"]),
            partition=r["Partition"],
            aggregate_type=r["AggregateType"],
            aggregate_id=r["AggregateId"],
            aggregate_version=r["AggregateVersion"],
            event_id=r["EventId"],
            event_type=r["EventType"],
            event_version=r["EventVersion"],
            actor=r.get("Actor"),
            actor_type=r.get("ActorType"),
            source=r.get("Source"),
            correlation_id=r.get("CorrelationId"),
            causation_id=r.get("CausationId"),
            message=message,
        )


@dataclass(frozen=True)
class CommandRecord:
    """What the store recorded of a processed command (Q-CMD-2): when, by whom, and which
    stream versions ``first_version..last_version`` it produced."""

    command_id: str
    command_type: Optional[str]
    processed_at: datetime
    actor: Optional[str]
    partition: str
    aggregate_type: str
    aggregate_id: str
    first_version: int
    last_version: int


def _record_items(result: Tuple[bytes, List[Tuple[int, int]]]) -> List[LogRecord]:
    data, spans = result
    records: List[Dict[str, Any]] = json.loads(data) if data else []
    return [
        LogRecord._from_json(value, EventMessage(data[start:end], value["Message"]))
        for value, (start, end) in zip(records, spans)
    ]


def _messages(result: Tuple[bytes, List[Tuple[int, int]]]) -> List[EventMessage]:
    data, spans = result
    return [EventMessage._stored(data[start:end]) for start, end in spans]


class EventStore:
    """The event stream of one aggregate, used through a session (IEventStore).

    Returned open by :meth:`EventStoreProvider.open_store`. ``close()`` ends the session (the
    object stays usable through :meth:`reopen`); ``free()`` (or leaving the ``with`` block)
    ends it and releases the handle, after which calls raise :class:`ObjectDisposedError`.
    Safe to use from several threads at once.
    """

    def __init__(self, native: Native, handle: int, database: str, name: str, id: str) -> None:
        """Wraps an open store handle (use :meth:`EventStoreProvider.open_store`)."""
        self._native = native
        self._handle = handle
        self._freed = False
        self.database = database
        self.name = name
        self.id = id

    @property
    def store_id(self) -> str:
        """``database/name/id`` (B-ID-3)."""
        return f"{self.database}/{self.name}/{self.id}"

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        self.free()

    def __del__(self) -> None:
        try:
            self.free()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"EventStore({self.store_id!r})"

    # -- session ---------------------------------------------------------------------------

    def close(self) -> None:
        """Ends the session, releasing the lease if this session still holds it (B-SES-5).
        Idempotent; later calls raise StoreNotOpenException until :meth:`reopen`."""
        self._native.call("lode_store_close", self._handle)

    def reopen(self, session_timeout: Optional[Timeout] = None, open_timeout: Optional[Timeout] = None) -> None:
        """Opens a new session after :meth:`close` or an expiry (B-SES-1, B-SES-3)."""
        self._native.call(
            "lode_store_reopen", self._handle, _ms(session_timeout, "session_timeout"), _ms(open_timeout, "open_timeout")
        )

    def renew(self) -> None:
        """Extends the session by its timeout while it is still valid (B-SES-6)."""
        self._native.call("lode_store_renew", self._handle)

    def free(self) -> None:
        """Ends the session and releases the handle. Idempotent."""
        if not self._freed:
            self._freed = True
            self._native.call("lode_store_free", self._handle)

    # -- writes ----------------------------------------------------------------------------

    @staticmethod
    def _batch(messages: Sequence[MessageLike]) -> Any:
        if isinstance(messages, (str, bytes, bytearray, dict, EventMessage)):
            raise TypeError("add() takes a list of messages, not a single message")
        encoded = [encode_message(m) for m in messages]
        if not encoded:
            return None, 0
        return (LodeBytes * len(encoded))(*(LodeBytes(b, len(b)) for b in encoded)), len(encoded)

    def add(self, messages: Sequence[MessageLike]) -> int:
        """Appends a batch atomically and returns the new stream version (B-APP-1..8).

        Messages are dicts (serialized with ``json.dumps``), JSON str/bytes, or EventMessages.
        A message without ``SequenceNumber`` gets the next version; one with it must carry
        exactly that version (else StoreVersionMismatchException, nothing written). Re-adding
        the same batch is an idempotent retry that returns the same version."""
        array, count = self._batch(messages)
        version = c_int64()
        self._native.call("lode_store_append", self._handle, array, count, byref(version))
        return version.value

    def add_with_command(
        self,
        messages: Sequence[MessageLike],
        command_id: str,
        command_type: Optional[str] = None,
        actor: Optional[str] = None,
    ) -> int:
        """As :meth:`add`, recording ``command_id`` in the same transaction (Q-CMD-1); a
        command id recorded before raises DuplicateEventStoreIdempotencyIdException and
        nothing is written. The actor defaults to the first event's UserId."""
        array, count = self._batch(messages)
        version = c_int64()
        self._native.call(
            "lode_store_append_with_command",
            self._handle,
            array,
            count,
            *_arg(command_id),
            *_opt(command_type),
            *_opt(actor),
            byref(version),
        )
        return version.value

    # -- reads -----------------------------------------------------------------------------

    def get(self, use_snapshot: bool = True) -> List[EventMessage]:
        """The whole stream in version order (B-RD-1). With ``use_snapshot`` (the default) the
        latest snapshot comes first, then the events after it (B-RD-2)."""
        return _messages(self._native.call_messages("lode_store_read", self._handle, use_snapshot))

    def get_to(self, version: int, use_snapshot: bool = True) -> List[EventMessage]:
        """Events 1..``version``, or the latest snapshot at or below it then the events after
        (B-RD-2, B-RD-3). ``version`` 0 gives ``[]``; past the end raises
        StreamVersionNotFoundException."""
        return _messages(self._native.call_messages("lode_store_read_to", self._handle, version, use_snapshot))

    def get_slice(self, first: int, last: int) -> List[EventMessage]:
        """Events ``first..last`` inclusive; versions outside 1..current are simply absent
        (B-RD-4)."""
        return _messages(self._native.call_messages("lode_store_slice", self._handle, first, last))

    def version(self) -> int:
        """The current stream version, 0 for an empty stream (B-RD-5)."""
        out = c_int64()
        self._native.call("lode_store_version", self._handle, byref(out))
        return out.value

    # -- snapshots -------------------------------------------------------------------------

    def snapshot(self, version: int, message: MessageLike) -> None:
        """Stores ``message`` byte for byte as the snapshot at ``version`` (B-SNP-1)."""
        data = encode_message(message)
        self._native.call("lode_store_snapshot", self._handle, version, data, len(data))

    def clear_snapshot(self, version: int) -> None:
        """Removes the snapshot at ``version`` (B-SNP-3)."""
        self._native.call("lode_store_clear_snapshot", self._handle, version)

    def clear_snapshots(self) -> None:
        """Removes every snapshot of the stream; events are never touched (B-SNP-3)."""
        self._native.call("lode_store_clear_snapshots", self._handle)

    def snapshot_versions(self) -> List[int]:
        """The snapshot versions, ascending (B-SNP-2)."""
        versions: List[int] = json.loads(self._native.call_buffer("lode_store_snapshot_versions", self._handle))
        return versions

    def last_snapshot_version(self) -> int:
        """The last snapshot version, 0 when none (B-SNP-2)."""
        out = c_int64()
        self._native.call("lode_store_last_snapshot_version", self._handle, byref(out))
        return out.value

    def snapshot_all(self, chunk_size: int, fn: Callable[[List[EventMessage]], MessageLike]) -> None:
        """At every multiple of ``chunk_size`` without a snapshot, calls ``fn`` with what
        :meth:`get_to` with snapshot gives there and stores what it returns (B-SNP-4). An
        exception raised by ``fn`` stops the walk and is re-raised here."""
        failures: List[BaseException] = []
        write = self._native.lib.lode_buffer_write

        def callback(_user: Optional[int], _version: int, data: Optional[int], size: int, out: Optional[int]) -> int:
            try:
                messages = parse_message_array(string_at(data, size)) if data else []
                snapshot = encode_message(fn(messages))
                return int(write(out, snapshot, len(snapshot)))
            except BaseException as e:  # noqa: B036 - handed back to the caller below
                failures.append(e)
                return 1

        c_callback = SNAPSHOT_FN(callback)  # alive until the call returns
        try:
            self._native.call("lode_store_snapshot_all", self._handle, chunk_size, c_callback, None)
        except EventStoreError:
            if failures:
                raise failures[0] from None
            raise


class EventStoreProvider:
    """An open store directory (IEventStoreProvider): opens event stores and answers the
    cross-stream queries. A context manager; safe to use from any number of threads.

    Timeouts are ``timedelta`` or seconds. ``library`` is the path of the shared library to use
    (else :func:`lode.load_library`'s, ``LODE_LIBRARY``, or the copy shipped in the package).
    """

    def __init__(
        self,
        path: StrPath,
        *,
        default_database: Optional[str] = None,
        default_open_timeout: Optional[Timeout] = None,
        default_session_timeout: Optional[Timeout] = None,
        durability: Optional[str] = None,
        initial_map_size: Optional[int] = None,
        max_map_size: Optional[int] = None,
        file_mode: Optional[int] = None,
        directory_mode: Optional[int] = None,
        max_readers: Optional[int] = None,
        library: Optional[StrPath] = None,
    ) -> None:
        """Opens (creating if needed) the store directory at ``path``. ``durability`` is
        ``"full"`` (default), ``"no_meta_sync"`` or ``"no_sync"``; sizes are in bytes; modes
        are POSIX permission bits (e.g. ``0o600``); ``None`` keeps the library's default."""
        self._native = library_for(library)
        self._native.sync_log_level()
        settings: Dict[str, Any] = {
            "default_database": default_database,
            "default_open_timeout_ms": None if default_open_timeout is None else _ms(default_open_timeout, "default_open_timeout"),
            "default_session_timeout_ms": None
            if default_session_timeout is None
            else _ms(default_session_timeout, "default_session_timeout"),
            "durability": durability,
            "initial_map_size": initial_map_size,
            "max_map_size": max_map_size,
            "file_mode": file_mode,
            "directory_mode": directory_mode,
            "max_readers": max_readers,
        }
        settings_json = json.dumps({k: v for k, v in settings.items() if v is not None}).encode("utf-8")
        self.path = os.fspath(path)
        self.default_database = default_database or "EventStores"
        raw_path = _utf8(self.path)
        handle = c_void_p()
        self._native.call("lode_provider_open", raw_path, len(raw_path), settings_json, len(settings_json), byref(handle))
        self._handle: int = handle.value or 0
        self._closed = False

    @property
    def library_path(self) -> str:
        """The path of the shared library this provider runs on."""
        return self._native.path

    @property
    def library_version(self) -> str:
        """The shared library's version, e.g. ``"0.1.0"``."""
        return self._native.version

    def __enter__(self) -> "EventStoreProvider":
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"EventStoreProvider({self.path!r})"

    def close(self) -> None:
        """Releases the provider. Stores opened from it stay usable until freed. Idempotent;
        later calls on the provider raise ObjectDisposedError."""
        if not getattr(self, "_closed", True):
            self._closed = True
            self._native.call("lode_provider_close", self._handle)

    def open_store(
        self,
        name: str,
        id: str,
        database: Optional[str] = None,
        session_timeout: Optional[Timeout] = None,
        open_timeout: Optional[Timeout] = None,
    ) -> EventStore:
        """Opens the stream ``(database, name, id)`` (B-ID-1): takes its lease for
        ``session_timeout``, retrying while another live session holds it for up to
        ``open_timeout`` (0: try once), then raises OpenStoreFailedException (B-SES-3).
        ``None`` means the provider's default for each."""
        out = c_void_p()
        self._native.call(
            "lode_store_open",
            self._handle,
            *_opt(database),
            *_arg(name),
            *_arg(id),
            _ms(session_timeout, "session_timeout"),
            _ms(open_timeout, "open_timeout"),
            byref(out),
        )
        return EventStore(self._native, out.value or 0, database or self.default_database, name, id)

    # -- queries (no session needed) -------------------------------------------------------

    def read_log(self, from_position: int = 0, max: int = 1000) -> List[LogRecord]:
        """The global log from ``from_position`` (inclusive), at most ``max`` records,
        ascending (Q-LOG-1, Q-LOG-2)."""
        return _record_items(self._native.call_messages("lode_provider_read_log", self._handle, from_position, max))

    def events_by_type(
        self, event_type: str, event_version: Optional[int] = None, from_position: int = 0, max: int = 1000
    ) -> List[LogRecord]:
        """Events of type ``event_type`` (``Metadata.Message.Name``), optionally of one event
        version only (Q-Q-1)."""
        version = -1 if event_version is None else event_version
        return _record_items(
            self._native.call_messages(
                "lode_provider_events_by_type", self._handle, *_arg(event_type), version, from_position, max
            )
        )

    def events_by_time(self, start: datetime, end: datetime, max: int = 1000) -> List[LogRecord]:
        """Events recorded by the store in ``[start, end)`` (Q-Q-2). Naive datetimes are UTC."""
        return _record_items(
            self._native.call_messages("lode_provider_events_by_time", self._handle, _micros(start), _micros(end), max)
        )

    def events_by_correlation(self, correlation_id: str, from_position: int = 0, max: int = 1000) -> List[LogRecord]:
        """Events whose ``Metadata.Context.CorrelationId`` is ``correlation_id`` (Q-Q-3)."""
        return _record_items(
            self._native.call_messages(
                "lode_provider_events_by_correlation", self._handle, *_arg(correlation_id), from_position, max
            )
        )

    def stream_events_since(
        self, name: str, id: str, since_version: int, database: Optional[str] = None, max: int = 1000
    ) -> List[LogRecord]:
        """Events of stream ``(database, name, id)`` after ``since_version``, without a
        session (Q-Q-4)."""
        return _record_items(
            self._native.call_messages(
                "lode_provider_stream_events_since",
                self._handle,
                *_opt(database),
                *_arg(name),
                *_arg(id),
                since_version,
                max,
            )
        )

    def command_processed(self, command_id: str) -> bool:
        """Whether command ``command_id`` was recorded (Q-CMD-2)."""
        out = c_bool()
        self._native.call("lode_provider_command_processed", self._handle, *_arg(command_id), byref(out))
        return bool(out.value)

    def get_command(self, command_id: str) -> CommandRecord:
        """The record of command ``command_id`` (Q-CMD-2); an unknown id raises
        StreamIdempotencyIdNotFoundException."""
        r = json.loads(self._native.call_buffer("lode_provider_command_record", self._handle, *_arg(command_id)))
        return CommandRecord(
            command_id=r["CommandId"],
            command_type=r.get("CommandType"),
            processed_at=_from_micros(r["ProcessedAtUs"]),
            actor=r.get("Actor"),
            partition=r["Partition"],
            aggregate_type=r["AggregateType"],
            aggregate_id=r["AggregateId"],
            first_version=r["FirstVersion"],
            last_version=r["LastVersion"],
        )
