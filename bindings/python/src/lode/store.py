"""The provider (an open store directory) and the event store (one stream, through a session)."""

from __future__ import annotations

import json
from ctypes import byref, c_bool, c_int64, c_void_p, string_at
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Type, Union

from . import _check, subscriptions
from ._native import SNAPSHOT_FN, LodeBytes, Native, StrPath, library_for
from .errors import (
    DuplicateEventStoreIdempotencyIdException,
    EventStoreError,
    StoreVersionMismatchException,
    argument_error,
    serialization_error,
)
from .messages import EventMessage, MessageLike, encode_message, parse_message_array
from .subscriptions import Checkpoint, EventTypeLike, Subscription

if TYPE_CHECKING:  # pragma: no cover
    from .backup import BackupCheck, BackupInfo, BackupProgress, VerifyReport

__all__ = ["EventStoreProvider", "EventStore", "LogRecord", "CommandRecord", "MetadataLike", "Timeout"]

#: A timeout: a ``timedelta`` or a number of seconds; ``None`` means the provider's default.
Timeout = Union[timedelta, float, int]

#: What :meth:`EventStoreProvider.open_store_for` takes: an :class:`EventMessage`, a dict of
#: an EventMessage's JSON (with ``Metadata``), or a dict of the ``Metadata`` itself.
MetadataLike = Union[EventMessage, Mapping[str, Any]]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _arg(value: Any, func: str, name: str) -> List[Any]:
    """A required string argument as (pointer, length)."""
    data = _check.text(value, func, name)
    return [data, len(data)]


def _opt(value: Any, func: str, name: str) -> List[Any]:
    """An optional string argument as (pointer, length): NULL, 0 when not given."""
    data = _check.optional_text(value, func, name)
    return [None, 0] if data is None else [data, len(data)]


def _micros(value: Any, func: str, name: str) -> int:
    """UTC microseconds since the Unix epoch; a naive datetime is taken as UTC."""
    moment = _check.moment(value, func, name)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return _check.integer((moment - _EPOCH) // timedelta(microseconds=1), func, name)


def _from_micros(us: Any) -> datetime:
    if not isinstance(us, int) or isinstance(us, bool):
        raise TypeError(f"a time in microseconds must be an integer, not {type(us).__name__}")
    return _EPOCH + timedelta(microseconds=us)


def _optional_str(r: Dict[str, Any], key: str) -> Optional[str]:
    value = r.get(key)
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{key} must be a string or null")
    return value


def _required(r: Dict[str, Any], key: str, kind: type) -> Any:
    value = r[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"{key} must be a JSON {'string' if kind is str else 'integer'}")
    return value


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
            position=_required(r, "Position", int),
            recorded_at=_from_micros(r["RecordedAtUs"]),
            partition=_required(r, "Partition", str),
            aggregate_type=_required(r, "AggregateType", str),
            aggregate_id=_required(r, "AggregateId", str),
            aggregate_version=_required(r, "AggregateVersion", int),
            event_id=_required(r, "EventId", str),
            event_type=_required(r, "EventType", str),
            event_version=_required(r, "EventVersion", int),
            actor=_optional_str(r, "Actor"),
            actor_type=_optional_str(r, "ActorType"),
            source=_optional_str(r, "Source"),
            correlation_id=_optional_str(r, "CorrelationId"),
            causation_id=_optional_str(r, "CausationId"),
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


def _records(data: bytes, spans: List[Tuple[int, int]], where: str) -> List[LogRecord]:
    """The records of a query buffer. The envelopes are decoded with each record's message
    cut out (replaced by ``null``); the messages are the stored bytes, parsed lazily, so a
    message Python cannot decode spoils only itself (when it is used), never the query. Any
    inconsistency is an EventStoreSerializationError naming the record."""
    if not data:
        return []
    pieces: List[bytes] = []
    previous = 0
    for index, (start, end) in enumerate(spans):
        raw = data[start:end]
        if not (previous <= start < end <= len(data)) or raw[:1] != b"{" or raw.rstrip()[-1:] != b"}":
            raise serialization_error(
                f"record {index} of {where}", "the library's offsets of its message do not delimit a JSON object"
            )
        pieces += (data[previous:start], b"null")
        previous = end
    pieces.append(data[previous:])
    envelopes = _check.decode_json(b"".join(pieces), f"the records of {where}")
    if not isinstance(envelopes, list) or len(envelopes) != len(spans):
        raise serialization_error(f"the records of {where}", f"expected a JSON array of {len(spans)} records")
    out: List[LogRecord] = []
    for index, (r, (start, end)) in enumerate(zip(envelopes, spans)):
        key = f"record {index} of {where}"
        try:
            if not isinstance(r, dict) or "Message" not in r or r["Message"] is not None:
                raise TypeError("the record is not an object whose Message the library's offsets delimit")
            message = EventMessage._stored(data[start:end], f"{where} (log position {r.get('Position')})")
            out.append(LogRecord._from_json(r, message))
        except (KeyError, TypeError, OverflowError) as e:
            reason = f"missing field {e}" if isinstance(e, KeyError) else str(e)
            raise serialization_error(key, reason) from e
    return out


def _messages(data: bytes, spans: List[Tuple[int, int]], where: str) -> List[EventMessage]:
    return [EventMessage._stored(data[start:end], where, index) for index, (start, end) in enumerate(spans)]


def _command_record(data: bytes, command_id: str) -> CommandRecord:
    key = f"the record of command '{command_id}'"
    r = _check.decode_json(data, key)
    try:
        if not isinstance(r, dict):
            raise TypeError("it is not a JSON object")
        return CommandRecord(
            command_id=_required(r, "CommandId", str),
            command_type=_optional_str(r, "CommandType"),
            processed_at=_from_micros(r["ProcessedAtUs"]),
            actor=_optional_str(r, "Actor"),
            partition=_required(r, "Partition", str),
            aggregate_type=_required(r, "AggregateType", str),
            aggregate_id=_required(r, "AggregateId", str),
            first_version=_required(r, "FirstVersion", int),
            last_version=_required(r, "LastVersion", int),
        )
    except (KeyError, TypeError, OverflowError) as e:
        raise serialization_error(key, f"missing field {e}" if isinstance(e, KeyError) else str(e)) from e


def _versions(data: bytes, store_id: str) -> List[int]:
    key = f"the snapshot versions of store '{store_id}'"
    versions = _check.decode_json(data, key) if data else []
    if not isinstance(versions, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in versions):
        raise serialization_error(key, "expected a JSON array of integers")
    return versions


def _message_id(item: Any, encoded: bytes) -> Optional[str]:
    """The ``Metadata.Message.Id`` of a batch item, or None (only used on an error path)."""
    try:
        if isinstance(item, EventMessage):
            return item.message_id
        parsed = item if isinstance(item, Mapping) else json.loads(encoded)
        value = parsed["Metadata"]["Message"]["Id"]
        return value if isinstance(value, str) else None
    except Exception:
        return None


def _with_refused_message(error: EventStoreError, items: List[Any], encoded: List[bytes]) -> None:
    """Gives a version-mismatch or duplicate-id error the refused message of the batch, as
    .NET's exceptions carry it (``Metadata``, ``Event``)."""
    if isinstance(error, StoreVersionMismatchException):
        wanted = error.message_id
    elif isinstance(error, DuplicateEventStoreIdempotencyIdException):
        wanted = error.id
    else:
        return
    if wanted is None:
        return
    for item, data in zip(items, encoded):
        if _message_id(item, data) == wanted:
            try:
                message = item if isinstance(item, EventMessage) else EventMessage(data)
                if isinstance(error, StoreVersionMismatchException):
                    error.__dict__["_metadata"] = message.to_dict().get("Metadata")
                else:
                    error.__dict__["_event"] = message
            except Exception:
                pass
            return


class EventStore:
    """The event stream of one aggregate, used through a session (IEventStore).

    Returned open by :meth:`EventStoreProvider.open_store`. ``close()`` ends the session (the
    object stays usable through :meth:`reopen`); ``free()`` (or leaving the ``with`` block)
    ends it and releases the handle, after which calls raise :class:`ObjectDisposedError`.
    ``close()`` and ``free()`` are idempotent in any order (B-SES-5). Safe to use from several
    threads at once. A store inherited across ``fork()`` fails in the child with
    :class:`EventStoreStorageError` (R-PROC-1): open a new provider there.
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
        Idempotent, and does nothing after :meth:`free`; later calls raise
        StoreNotOpenException until :meth:`reopen`. A close that fails (a storage error) keeps
        the session, so it can be retried."""
        if self._freed:
            return
        self._native.call("lode_store_close", self._handle)

    def reopen(self, session_timeout: Optional[Timeout] = None, open_timeout: Optional[Timeout] = None) -> None:
        """Opens a new session after :meth:`close` or an expiry (B-SES-1, B-SES-3; .NET
        ``OpenAsync(sessionTimeout, openTimeout)``)."""
        self._native.call(
            "lode_store_reopen",
            self._handle,
            _check.timeout_ms(session_timeout, "reopen", "session_timeout"),
            _check.timeout_ms(open_timeout, "reopen", "open_timeout"),
        )

    def renew(self) -> None:
        """Extends the session by its timeout while it is still valid (B-SES-6)."""
        self._native.call("lode_store_renew", self._handle)

    def free(self) -> None:
        """Ends the session and releases the handle (.NET ``Dispose``). Idempotent, also after
        the provider was closed. If ending the session fails (a storage error), the handle is
        kept and the error raised, so ``free()`` can be retried."""
        if self._freed:
            return
        self._native.call("lode_store_free", self._handle)
        self._freed = True

    # -- writes ----------------------------------------------------------------------------

    @staticmethod
    def _batch(items: Any, func: str) -> Tuple[List[Any], List[bytes], Any, int]:
        if items is None or isinstance(items, (str, bytes, bytearray, Mapping, EventMessage)):
            what = "None" if items is None else "a single message"
            raise TypeError(f"{func}() argument 'items' must be a list of messages, not {what}")
        try:
            batch = list(items)
        except TypeError:
            raise TypeError(f"{func}() argument 'items' must be a list of messages, not {type(items).__name__}") from None
        encoded = [encode_message(m, func, f"items[{i}]") for i, m in enumerate(batch)]
        if not encoded:
            return batch, encoded, None, 0
        array = (LodeBytes * len(encoded))(*(LodeBytes(b, len(b)) for b in encoded))
        return batch, encoded, array, len(encoded)

    def add(self, items: Iterable[MessageLike]) -> int:
        """Appends a batch atomically and returns the new stream version (B-APP-1..8; .NET
        ``AddAsync(items)``).

        Items are dicts (serialized with ``json.dumps``), JSON str/bytes, or EventMessages.
        A message without ``SequenceNumber`` gets the next version; one with it must carry
        exactly that version (else StoreVersionMismatchException, with the refused message's
        ``metadata``; nothing written). Re-adding the same batch is an idempotent retry that
        returns the same version."""
        batch, encoded, array, count = self._batch(items, "add")
        version = c_int64()
        try:
            self._native.call("lode_store_append", self._handle, array, count, byref(version))
        except EventStoreError as e:
            _with_refused_message(e, batch, encoded)
            raise
        return version.value

    def add_with_command(
        self,
        items: Iterable[MessageLike],
        command_id: str,
        command_type: Optional[str] = None,
        actor: Optional[str] = None,
    ) -> int:
        """As :meth:`add`, recording ``command_id`` in the same transaction (Q-CMD-1); a
        command id recorded before raises DuplicateEventStoreIdempotencyIdException and
        nothing is written. The actor defaults to the first event's UserId."""
        func = "add_with_command"
        strings = [*_arg(command_id, func, "command_id"), *_opt(command_type, func, "command_type"), *_opt(actor, func, "actor")]
        batch, encoded, array, count = self._batch(items, func)
        version = c_int64()
        try:
            self._native.call("lode_store_append_with_command", self._handle, array, count, *strings, byref(version))
        except EventStoreError as e:
            _with_refused_message(e, batch, encoded)
            raise
        return version.value

    def add_with_checkpoint(self, items: Iterable[MessageLike], checkpoint_name: str, position: int) -> int:
        """As :meth:`add`, storing checkpoint ``checkpoint_name`` at ``position`` in the same
        transaction (S-CP-3): a consumer's output and "processed up to ``position``" commit
        together or not at all. The checkpoint only moves forward and may cover this batch's
        own events (else EventStoreArgumentError, nothing written). An empty batch stores the
        checkpoint alone; an exact retry of a stored batch still moves it."""
        func = "add_with_checkpoint"
        name = _arg(checkpoint_name, func, "checkpoint_name")
        at = _check.integer(position, func, "position")
        batch, encoded, array, count = self._batch(items, func)
        version = c_int64()
        try:
            self._native.call("lode_store_append_with_checkpoint", self._handle, array, count, *name, at, byref(version))
        except EventStoreError as e:
            _with_refused_message(e, batch, encoded)
            raise
        return version.value

    # -- reads -----------------------------------------------------------------------------

    def get(self, use_snapshot: bool = True) -> List[EventMessage]:
        """The whole stream in version order (B-RD-1; .NET ``GetAsync(useSnapshot)``). With
        ``use_snapshot`` (the default) the latest snapshot comes first, then the events after
        it (B-RD-2)."""
        flag = _check.flag(use_snapshot, "get", "use_snapshot")
        data, spans = self._native.call_messages("lode_store_read", self._handle, flag)
        return _messages(data, spans, f"get() of store '{self.store_id}'")

    def get_to(self, version: int, use_snapshot: bool = True) -> List[EventMessage]:
        """Events 1..``version``, or the latest snapshot at or below it then the events after
        (B-RD-2, B-RD-3; .NET ``GetAsync(version, useSnapshot)``). ``version`` 0 gives ``[]``;
        past the end raises StreamVersionNotFoundException."""
        v = _check.integer(version, "get_to", "version")
        flag = _check.flag(use_snapshot, "get_to", "use_snapshot")
        data, spans = self._native.call_messages("lode_store_read_to", self._handle, v, flag)
        return _messages(data, spans, f"get_to({v}) of store '{self.store_id}'")

    def get_slice(self, first: int, last: int) -> List[EventMessage]:
        """Events ``first..last`` inclusive; versions outside 1..current are simply absent
        (B-RD-4; .NET ``GetSliceAsync(first, last)``)."""
        a = _check.integer(first, "get_slice", "first")
        b = _check.integer(last, "get_slice", "last")
        data, spans = self._native.call_messages("lode_store_slice", self._handle, a, b)
        return _messages(data, spans, f"get_slice({a}, {b}) of store '{self.store_id}'")

    def version(self) -> int:
        """The current stream version, 0 for an empty stream (B-RD-5)."""
        out = c_int64()
        self._native.call("lode_store_version", self._handle, byref(out))
        return out.value

    # -- snapshots -------------------------------------------------------------------------

    def snapshot(self, version: int, snapshot: MessageLike) -> None:
        """Stores ``snapshot`` byte for byte as the snapshot at ``version`` (B-SNP-1; .NET
        ``SnapshotAsync(version, snapshot)``)."""
        v = _check.integer(version, "snapshot", "version")
        data = encode_message(snapshot, "snapshot", "snapshot")
        self._native.call("lode_store_snapshot", self._handle, v, data, len(data))

    def clear_snapshot(self, version: int) -> None:
        """Removes the snapshot at ``version`` (B-SNP-3)."""
        self._native.call("lode_store_clear_snapshot", self._handle, _check.integer(version, "clear_snapshot", "version"))

    def clear_snapshots(self) -> None:
        """Removes every snapshot of the stream; events are never touched (B-SNP-3)."""
        self._native.call("lode_store_clear_snapshots", self._handle)

    def snapshot_versions(self) -> List[int]:
        """The snapshot versions, ascending (B-SNP-2)."""
        return _versions(self._native.call_buffer("lode_store_snapshot_versions", self._handle), self.store_id)

    def last_snapshot_version(self) -> int:
        """The last snapshot version, 0 when none (B-SNP-2)."""
        out = c_int64()
        self._native.call("lode_store_last_snapshot_version", self._handle, byref(out))
        return out.value

    def snapshot_all(self, chunk_size: int, snapshot: Callable[[List[EventMessage]], MessageLike]) -> None:
        """At every multiple of ``chunk_size`` without a snapshot, calls ``snapshot`` with what
        :meth:`get_to` with snapshot gives there and stores what it returns (B-SNP-4; .NET
        ``SnapshotAllAsync(chunkSize, snapshot)``).

        An exception raised by ``snapshot`` stops the walk (snapshots stored before it stay)
        and reaches the caller unchanged: the same exception object, with its own cause and
        context."""
        func = "snapshot_all"
        chunk = _check.integer(chunk_size, func, "chunk_size")
        fn = _check.function(snapshot, func, "snapshot")
        failures: List[BaseException] = []
        write = self._native.lib.lode_buffer_write
        store_id = self.store_id

        def callback(_user: Optional[int], version: int, data: Optional[int], size: int, out: Optional[int]) -> int:
            # Runs inside the library's call: it must never raise into C.
            try:
                where = f"the read of store '{store_id}' at version {version} for snapshot_all"
                messages = parse_message_array(string_at(data, size), where, version) if data and size else []
                result = fn(messages)
                if not isinstance(result, (Mapping, str, bytes, bytearray, EventMessage)):
                    raise TypeError(
                        f"snapshot_all(): the snapshot function must return a message (a dict, str, bytes or "
                        f"EventMessage), not {type(result).__name__}"
                    )
                encoded = encode_message(result, func, "snapshot")
                return int(write(out, encoded, len(encoded)))
            except BaseException as e:  # noqa: B036 - handed back to the caller below
                failures.append(e)
                return 1

        c_callback = SNAPSHOT_FN(callback)  # alive until the call returns
        try:
            self._native.call("lode_store_snapshot_all", self._handle, chunk, c_callback, None)
        except EventStoreError:
            if not failures:
                raise
        if failures:
            # Raised here, outside the except block, so that its __context__ stays its own.
            raise failures[0]


def _stream_of(metadata: Any) -> Tuple[str, str, str]:
    """(database, name, id) of an EventMessage, its JSON dict, or a Metadata dict: the
    partition (``Context.PartitionId``), domain name and domain id, as .NET's
    ``OpenStoreAsync(Metadata)`` takes them."""
    if isinstance(metadata, EventMessage):
        md: Any = metadata.metadata
    elif isinstance(metadata, Mapping):
        if "Metadata" in metadata:
            md = metadata["Metadata"]
        elif "Message" in metadata or "Context" in metadata:
            md = metadata
        else:
            raise argument_error(
                "metadata", "is neither an EventMessage (with Metadata) nor a Metadata (with Message and Context)"
            )
    else:
        raise TypeError(
            f"open_store_for() argument 'metadata' must be an EventMessage or a dict, not {type(metadata).__name__}"
        )

    def field(*path: str) -> str:
        value: Any = md
        for part in path:
            value = value.get(part) if isinstance(value, Mapping) else None
        if not isinstance(value, str):
            raise argument_error("metadata", f"Metadata.{'.'.join(path)} is {'missing' if value is None else 'not a string'}")
        return value

    return field("Context", "PartitionId"), field("Message", "Domain", "Name"), field("Message", "Domain", "Id")


class EventStoreProvider:
    """An open store directory (IEventStoreProvider): opens event stores and answers the
    cross-stream queries. A context manager; safe to use from any number of threads. A
    provider inherited across ``fork()`` fails in the child with
    :class:`EventStoreStorageError` (R-PROC-1): the child opens its own provider on the same
    directory, which works alongside the parent's.

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
        index_lag: Optional[int] = None,
        library: Optional[StrPath] = None,
    ) -> None:
        """Opens (creating if needed) the store directory at ``path``. ``durability`` is
        ``"full"`` (default), ``"no_meta_sync"`` or ``"no_sync"``; sizes are in bytes; modes
        are POSIX permission bits (e.g. ``0o600``); ``index_lag`` is how many log positions
        the type, correlation and message-id indexes may lag the log (32; queries read that
        tail from the log, so answers stay exact; 0 indexes every append; at most 4096);
        ``None`` keeps the library's default."""
        func = "EventStoreProvider"
        directory = _check.path(path, func, "path")
        settings: Dict[str, Any] = {
            "default_database": None if default_database is None else _check.string(default_database, func, "default_database"),
        }
        for key, timeout in (("default_open_timeout", default_open_timeout), ("default_session_timeout", default_session_timeout)):
            if timeout is not None:
                settings[key + "_ms"] = _check.timeout_ms(timeout, func, key)
        settings.update(_check.file_settings(func, durability, initial_map_size, max_map_size, file_mode, directory_mode, max_readers))
        settings["index_lag"] = _check.optional_integer(index_lag, func, "index_lag")
        self._native = library_for(library)
        self._native.sync_log_level()
        settings_json = _check.settings_json(settings)
        self.path = directory
        self.default_database = default_database or "EventStores"
        raw_path = _check.text(directory, func, "path")
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
        if getattr(self, "_closed", True):
            return
        self._native.call("lode_provider_close", self._handle)
        self._closed = True

    def open_store(
        self,
        name: str,
        id: str,
        *,
        database: Optional[str] = None,
        session_timeout: Optional[Timeout] = None,
        open_timeout: Optional[Timeout] = None,
    ) -> EventStore:
        """Opens the stream ``(database, name, id)`` (B-ID-1; .NET ``OpenStoreAsync(name, id)``
        and, with ``database=``, ``OpenStoreAsync(database, name, id)``): takes its lease for
        ``session_timeout``, retrying while another live session holds it for up to
        ``open_timeout`` (0: try once), then raises OpenStoreFailedException (B-SES-3).
        ``None`` means the provider's default for each.

        ``database`` and the timeouts are keyword-only: a .NET-ordered
        ``open_store(database, name, id)`` is a TypeError, never another stream."""
        func = "open_store"
        out = c_void_p()
        self._native.call(
            "lode_store_open",
            self._handle,
            *_opt(database, func, "database"),
            *_arg(name, func, "name"),
            *_arg(id, func, "id"),
            _check.timeout_ms(session_timeout, func, "session_timeout"),
            _check.timeout_ms(open_timeout, func, "open_timeout"),
            byref(out),
        )
        return EventStore(self._native, out.value or 0, database or self.default_database, name, id)

    def open_store_for(
        self,
        metadata: MetadataLike,
        *,
        session_timeout: Optional[Timeout] = None,
        open_timeout: Optional[Timeout] = None,
    ) -> EventStore:
        """Opens the stream a message belongs to (.NET ``OpenStoreAsync(Metadata)``): database
        ``Metadata.Context.PartitionId``, name ``Metadata.Message.Domain.Name``, id
        ``Metadata.Message.Domain.Id``.

        ``metadata`` is an :class:`EventMessage`, a dict of an EventMessage's JSON (with a
        ``Metadata`` key, as :func:`lode.create_message` returns), or a dict of the
        ``Metadata`` object itself (with ``Message`` and ``Context``). A missing or non-string
        part raises EventStoreArgumentError naming it. Note that the partition is the
        database: a message made with ``create_message``'s default ``partition_id`` opens
        database ``"default"``, not the provider's default database."""
        database, name, id = _stream_of(metadata)
        return self.open_store(name, id, database=database, session_timeout=session_timeout, open_timeout=open_timeout)

    # -- queries (no session needed) -------------------------------------------------------

    def read_log(self, from_position: int = 0, max: int = 1000) -> List[LogRecord]:
        """The global log from ``from_position`` (inclusive), at most ``max`` records,
        ascending (Q-LOG-1, Q-LOG-2)."""
        start = _check.integer(from_position, "read_log", "from_position")
        count = _check.integer(max, "read_log", "max")
        data, spans = self._native.call_messages("lode_provider_read_log", self._handle, start, count)
        return _records(data, spans, f"read_log({start}, {count})")

    def events_by_type(
        self, event_type: str, event_version: Optional[int] = None, from_position: int = 0, max: int = 1000
    ) -> List[LogRecord]:
        """Events of type ``event_type`` (``Metadata.Message.Name``), optionally of one event
        version only (Q-Q-1)."""
        func = "events_by_type"
        version = _check.optional_integer(event_version, func, "event_version")
        data, spans = self._native.call_messages(
            "lode_provider_events_by_type",
            self._handle,
            *_arg(event_type, func, "event_type"),
            -1 if version is None else version,
            _check.integer(from_position, func, "from_position"),
            _check.integer(max, func, "max"),
        )
        return _records(data, spans, f"events_by_type({event_type!r})")

    def events_by_time(self, start: datetime, end: datetime, max: int = 1000) -> List[LogRecord]:
        """Events recorded by the store in ``[start, end)`` (Q-Q-2). Naive datetimes are UTC."""
        func = "events_by_time"
        data, spans = self._native.call_messages(
            "lode_provider_events_by_time",
            self._handle,
            _micros(start, func, "start"),
            _micros(end, func, "end"),
            _check.integer(max, func, "max"),
        )
        return _records(data, spans, "events_by_time()")

    def events_by_correlation(self, correlation_id: str, from_position: int = 0, max: int = 1000) -> List[LogRecord]:
        """Events whose ``Metadata.Context.CorrelationId`` is ``correlation_id`` (Q-Q-3)."""
        func = "events_by_correlation"
        data, spans = self._native.call_messages(
            "lode_provider_events_by_correlation",
            self._handle,
            *_arg(correlation_id, func, "correlation_id"),
            _check.integer(from_position, func, "from_position"),
            _check.integer(max, func, "max"),
        )
        return _records(data, spans, f"events_by_correlation({correlation_id!r})")

    def stream_events_since(
        self, name: str, id: str, since_version: int, *, database: Optional[str] = None, max: int = 1000
    ) -> List[LogRecord]:
        """Events of stream ``(database, name, id)`` after ``since_version``, without a
        session (Q-Q-4). ``database`` is keyword-only, as in :meth:`open_store`."""
        func = "stream_events_since"
        data, spans = self._native.call_messages(
            "lode_provider_stream_events_since",
            self._handle,
            *_opt(database, func, "database"),
            *_arg(name, func, "name"),
            *_arg(id, func, "id"),
            _check.integer(since_version, func, "since_version"),
            _check.integer(max, func, "max"),
        )
        return _records(data, spans, f"stream_events_since({name!r}, {id!r}, {since_version})")

    # -- subscriptions and checkpoints (subscriptions.py) ----------------------------------

    def subscribe(
        self,
        after: int = 0,
        *,
        from_now: bool = False,
        stream: Optional[Sequence[str]] = None,
        aggregate_type: Optional[str] = None,
        event_types: Optional[Iterable[EventTypeLike]] = None,
        correlation_id: Optional[str] = None,
        page_size: Optional[int] = None,
        timeout: Optional[Timeout] = None,
    ) -> Subscription:
        """A live subscription (S-SUB-1): every committed event after position ``after`` (0:
        the beginning; a checkpoint's position: resume after it; ``from_now=True``: only what
        commits from now on) that matches every filter given: ``stream`` ((name, id) or
        (database, name, id)), ``aggregate_type`` (the stream name), ``event_types`` (names or
        (name, version) tuples; any of them), ``correlation_id``. First the stored history, in
        pages of ``page_size`` (256), then live events as they commit, also those of other
        processes. Iterate it (a ``for`` loop ends on :meth:`Subscription.stop`, or when
        nothing arrives for ``timeout``); use it as a context manager."""
        return subscriptions.subscribe(
            self._native, self._handle, after, from_now, stream, aggregate_type, event_types, correlation_id, page_size, timeout
        )

    def head_position(self) -> int:
        """The global log's last position (0 while it is empty)."""
        return subscriptions.head_position(self._native, self._handle)

    def wait_for_position(self, position: int, timeout: Timeout) -> bool:
        """Read-your-writes (S-SUB-7): waits until the log has reached ``position``, at most
        ``timeout``; whether it did. Commits of other processes count."""
        return subscriptions.wait_for_position(self._native, self._handle, position, timeout)

    def checkpoint(self, name: str) -> Optional[Checkpoint]:
        """Checkpoint ``name`` (S-CP-1): its position and when it was stored, or ``None``."""
        return subscriptions.checkpoint(self._native, self._handle, name)

    def store_checkpoint(self, name: str, position: int) -> None:
        """Stores checkpoint ``name`` at ``position`` on its own (S-CP-2). It only moves forward
        (EventStoreArgumentError otherwise: another consumer of that name got further) and
        never past the log's end. :meth:`EventStore.add_with_checkpoint` stores one with an
        append."""
        subscriptions.store_checkpoint(self._native, self._handle, name, position, False)

    def reset_checkpoint(self, name: str, position: int) -> None:
        """Sets checkpoint ``name`` to ``position`` even backwards (S-CP-4: rebuild a read
        model)."""
        subscriptions.store_checkpoint(self._native, self._handle, name, position, True)

    def command_processed(self, command_id: str) -> bool:
        """Whether command ``command_id`` was recorded (Q-CMD-2)."""
        out = c_bool()
        self._native.call(
            "lode_provider_command_processed", self._handle, *_arg(command_id, "command_processed", "command_id"), byref(out)
        )
        return bool(out.value)

    # -- backup and verify (docs/backup.md) -------------------------------------------------

    def backup(
        self,
        path: StrPath,
        *,
        compact: bool = False,
        verify: bool = False,
        max_bytes_per_second: Optional[int] = None,
        progress: Optional[Callable[["BackupProgress"], Optional[bool]]] = None,
    ) -> "BackupInfo":
        """Writes a consistent point-in-time copy of this store into the new directory ``path``
        while other threads and processes go on appending (K-BAK-1), and returns what it holds
        (:class:`lode.BackupInfo`: the log ``position`` it holds, its size, ...).

        ``path`` must not exist (or be an empty directory), outside the store's directory; a
        backup never overwrites anything. ``compact`` leaves out free pages; ``verify`` checks
        the copy before it is renamed into place; ``max_bytes_per_second`` limits the copy's
        write rate. ``progress`` is called on this thread with a :class:`lode.BackupProgress`
        at the start, about every 100 ms and at the end; returning ``False`` cancels
        (:class:`lode.EventStoreCancelledError`), and an exception it raises (a
        ``KeyboardInterrupt`` too) cancels and is re-raised; either way nothing is left at
        ``path``. The call holds the GIL only while ``progress`` runs."""
        from .backup import provider_backup

        return provider_backup(self, path, compact, verify, max_bytes_per_second, progress)

    def verify(self) -> "VerifyReport":
        """Checks every invariant of this store in one read snapshot and returns a
        :class:`lode.VerifyReport` (counts checked, the first problems with their stream,
        version and position). Damage is reported, never repaired."""
        from .backup import provider_verify

        return provider_verify(self)

    def check_backup(self, path: StrPath) -> "BackupCheck":
        """Checks the backup in ``path`` against this store, its source (K-BAK-7): the copy
        verifies, its ``backup.json`` records the position it holds, and every event up to that
        position and every command record is this store's, byte for byte. Returns a
        :class:`lode.BackupCheck`."""
        from .backup import provider_check_backup

        return provider_check_backup(self, path)

    def get_command(self, command_id: str) -> CommandRecord:
        """The record of command ``command_id`` (Q-CMD-2); an unknown id raises
        StreamIdempotencyIdNotFoundException."""
        data = self._native.call_buffer("lode_provider_command_record", self._handle, *_arg(command_id, "get_command", "command_id"))
        return _command_record(data, command_id)
