"""The exceptions of lode: one class per C ABI status code, named like the .NET exceptions.

Every exception derives from :class:`EventStoreError`, which carries the status ``code``, the
error ``kind`` (e.g. ``"VersionMismatch"``), the full-sentence ``message`` and the ``details``
(the error's fields as returned by ``lode_error_details``). Subclasses expose those fields as
properties named like the .NET exception's properties in snake_case (``ExpectedVersion`` is
``expected_version``, ``StoreId`` is ``store_id``, ``Timeout`` is ``timeout``, ...); the
names this binding used before stay as aliases.

A storage error (:class:`EventStoreStorageError`) has the LMDB or operating-system error it
wraps as its ``__cause__`` (also :attr:`EventStoreError.inner_exception`, .NET's
``InnerException``): a :class:`StorageCause` with its code and text.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Optional, Tuple, Type

__all__ = [
    "EventStoreError",
    "StoreVersionMismatchException",
    "StoreNotOpenException",
    "StoreSessionExpiredException",
    "InvalidStoreSessionException",
    "OpenStoreFailedException",
    "StreamVersionNotFoundException",
    "StreamSnapshotVersionNotFoundException",
    "StreamIdempotencyIdNotFoundException",
    "DuplicateEventStoreIdempotencyIdException",
    "EventStoreArgumentError",
    "EventStoreSerializationError",
    "EventStoreStorageError",
    "ObjectDisposedError",
    "EventStoreInternalError",
    "EventStoreCancelledError",
    "StorageCause",
    "error_from_status",
    "argument_error",
    "serialization_error",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _from_micros(value: Any) -> Optional[datetime]:
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    try:
        return _EPOCH + timedelta(microseconds=value)
    except OverflowError:
        return None


class StorageCause(OSError):
    """The LMDB or operating-system error behind an :class:`EventStoreStorageError`: its
    ``__cause__``, like .NET's ``InnerException``.

    Attributes:
        backend: what failed: ``"lmdb"``, or ``"os"`` for a file-system call of the library.
        code: the backend's number for the failure (LMDB's return code, ``errno``), or ``None``
            when it has none (e.g. a provider inherited across ``fork()``).
        code_name: the backend's name for it: ``"MDB_MAP_FULL"``, ``"ENOSPC"``, ...
        text: the backend's own message.

    As an ``OSError``: ``errno`` is ``code`` for an operating-system error (else ``None``),
    ``strerror`` is ``text``.
    """

    def __init__(self, backend: str, code: Optional[int], code_name: str, text: str) -> None:
        if backend == "os" and code is not None:
            super().__init__(code, text)  # errno, strerror
        else:
            super().__init__(text)
            self.strerror = text
        self.backend: str = backend
        self.code: Optional[int] = code
        self.code_name: str = code_name
        self.text: str = text

    def __str__(self) -> str:
        number = "" if self.code is None else f", code {self.code}"
        return f"{self.text} ({self.backend} {self.code_name}{number})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.backend, self.code, self.code_name, self.text))


class EventStoreError(Exception):
    """Base class of every error the lode library reports.

    Attributes:
        code: the C ABI status code (``LODE_*``).
        kind: the error kind, e.g. ``"VersionMismatch"``.
        message: the library's message, a full sentence.
        details: the error's fields (always ``"kind"``, plus the fields of that kind).
    """

    #: The status code this class stands for (0 for the base class).
    status_code: int = 0

    def __init__(self, message: str, details: Optional[Dict[str, Any]] = None, code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message: str = message
        self.details: Dict[str, Any] = dict(details or {})
        self.code: int = self.status_code if code is None else code
        self.kind: str = str(self.details.get("kind", type(self).__name__))

    def __reduce__(self) -> Tuple[Any, ...]:
        # Keeps the fields when the exception crosses a process boundary (multiprocessing).
        return (type(self), (self.message, self.details, self.code), self.__dict__)

    def _field(self, name: str) -> Any:
        return self.details.get(name)

    def _str(self, name: str) -> Optional[str]:
        value = self.details.get(name)
        return value if isinstance(value, str) else None

    def _int(self, name: str) -> Optional[int]:
        value = self.details.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def store_id(self) -> Optional[str]:
        """The store id ``database/name/id`` the error is about, when it names one (B-ID-3;
        .NET ``StoreId``)."""
        return self._str("store_id")

    @property
    def inner_exception(self) -> Optional[BaseException]:
        """The error this one wraps (``__cause__``; .NET ``InnerException``): the
        :class:`StorageCause` of a storage error, else usually ``None``."""
        return self.__cause__


class StoreVersionMismatchException(EventStoreError):
    """A message's SequenceNumber is not the version the stream expected it to carry
    (B-APP-3); nothing of the batch was written."""

    status_code = 1

    @property
    def expected_version(self) -> int:
        """The version the stream expected the message to carry: the stream's version before
        the batch plus the message's position in it (current + k). .NET ``ExpectedVersion``,
        "the stream next item expected version"."""
        return self._int("expected_version") or 0

    @property
    def actual_version(self) -> int:
        """The ``SequenceNumber`` the message carried (.NET ``ActualVersion``)."""
        return self._int("actual_version") or 0

    @property
    def message_id(self) -> Optional[str]:
        """The id (``Metadata.Message.Id``) of the refused message."""
        return self._str("message_id")

    @property
    def metadata(self) -> Optional[Dict[str, Any]]:
        """The ``Metadata`` of the refused message (.NET ``Metadata``), when the binding has it:
        set by :meth:`EventStore.add` from the batch it sent."""
        value = self.__dict__.get("_metadata")
        return value if isinstance(value, dict) else None


class StoreNotOpenException(EventStoreError):
    """The store was never opened, or was closed (B-SES-4)."""

    status_code = 2

    @property
    def session_id(self) -> Optional[str]:
        """The session the store had, when the library names one (.NET ``SessionId``)."""
        return self._str("session_id")

    @property
    def operation(self) -> Optional[str]:
        """The operation that was attempted."""
        return self._str("operation")


class StoreSessionExpiredException(EventStoreError):
    """The session's lease expired (B-SES-4)."""

    status_code = 3

    @property
    def session_id(self) -> Optional[str]:
        """The expired session (.NET ``SessionId``)."""
        return self._str("session_id")

    @property
    def expiration(self) -> Optional[datetime]:
        """When the session expired, UTC (.NET ``Expiration``)."""
        return _from_micros(self._field("expired_at_us"))


class InvalidStoreSessionException(EventStoreError):
    """Another session holds the stream's lease now (B-SES-4)."""

    status_code = 4

    @property
    def session_id(self) -> Optional[str]:
        """This (stale) session (.NET ``SessionId``)."""
        return self._str("session_id")

    @property
    def expected_session(self) -> Optional[str]:
        """The session the stream's lease belongs to now (.NET ``ExpectedSession``)."""
        return self._str("holder_session_id")

    @property
    def holder_session_id(self) -> Optional[str]:
        """Alias of :attr:`expected_session`."""
        return self.expected_session


class OpenStoreFailedException(EventStoreError):
    """The lease stayed taken for the whole open timeout (B-SES-3)."""

    status_code = 5

    @property
    def timeout(self) -> Optional[timedelta]:
        """The open timeout that elapsed (.NET ``Timeout``)."""
        ms = self._int("timeout_ms")
        return None if ms is None else timedelta(milliseconds=ms)

    @property
    def holder_session_id(self) -> Optional[str]:
        """The session holding the lease."""
        return self._str("holder_session_id")

    @property
    def holder_pid(self) -> Optional[int]:
        """The process id of the lease holder."""
        return self._int("holder_pid")

    @property
    def holder_expires_at(self) -> Optional[datetime]:
        """When the holder's lease expires unless renewed (UTC)."""
        return _from_micros(self._field("holder_expires_at_us"))


class StreamVersionNotFoundException(EventStoreError):
    """A version past the stream's end (B-RD-3, B-SNP-1)."""

    status_code = 6

    @property
    def stream_id(self) -> Optional[str]:
        """The stream, ``database/name/id`` (.NET ``StreamId``; the same as ``store_id``)."""
        return self.store_id

    @property
    def version(self) -> int:
        """The version asked for (.NET ``Version``)."""
        return self._int("version") or 0

    @property
    def current_version(self) -> Optional[int]:
        """The stream's current version."""
        return self._int("current_version")


class StreamSnapshotVersionNotFoundException(EventStoreError):
    """No snapshot at that version (B-SNP-3)."""

    status_code = 7

    @property
    def stream_id(self) -> Optional[str]:
        """The stream, ``database/name/id`` (.NET ``StreamId``; the same as ``store_id``)."""
        return self.store_id

    @property
    def version(self) -> int:
        """The version asked for (.NET ``Version``)."""
        return self._int("version") or 0


class StreamIdempotencyIdNotFoundException(EventStoreError):
    """No record of that command id (Q-CMD-2)."""

    status_code = 8

    @property
    def idempotency_id(self) -> Optional[str]:
        """The unknown command id (.NET ``IdempotencyId``)."""
        return self._str("id")

    @property
    def id(self) -> Optional[str]:
        """Alias of :attr:`idempotency_id`."""
        return self.idempotency_id

    @property
    def stream_id(self) -> Optional[str]:
        """The stream, when the library names one (.NET ``StreamId``); command ids belong to the
        whole event store, so usually ``None``."""
        return self.store_id


class DuplicateEventStoreIdempotencyIdException(EventStoreError):
    """An event or command id used before, outside an exact retry (B-APP-6, Q-CMD-1)."""

    status_code = 9

    @property
    def scope(self) -> Optional[str]:
        """Where the id was already used (the stream's ``database/name/id``, or the command table)."""
        return self._str("scope")

    @property
    def id(self) -> Optional[str]:
        """The reused id."""
        return self._str("id")

    @property
    def idempotency_id(self) -> Optional[str]:
        """Alias of :attr:`id`."""
        return self.id

    @property
    def event(self) -> Any:
        """The refused message (an :class:`lode.EventMessage`; .NET ``Event``), when the binding
        has it: set by :meth:`EventStore.add` from the batch it sent."""
        return self.__dict__.get("_event")


class EventStoreArgumentError(EventStoreError, ValueError):
    """A bad argument: empty, too long, out of range, not UTF-8 (.NET ArgumentException).
    Also a ``ValueError``. A wrong *type* is a ``TypeError`` instead."""

    status_code = 10

    @property
    def param_name(self) -> Optional[str]:
        """The name of the bad argument (.NET ``ParamName``)."""
        return self._str("argument")

    @property
    def argument(self) -> Optional[str]:
        """Alias of :attr:`param_name`."""
        return self.param_name

    @property
    def reason(self) -> Optional[str]:
        """Why it was refused."""
        return self._str("reason")


class EventStoreSerializationError(EventStoreError):
    """Bytes that are not what they must be: a message that is not JSON, a damaged record, or
    JSON from the library this binding cannot decode (then ``__cause__`` is the decoder's
    error)."""

    status_code = 11

    @property
    def key(self) -> Optional[str]:
        """What could not be decoded (e.g. ``store 'EventStores/A/1' version 7``)."""
        return self._str("key")

    @property
    def version(self) -> Optional[int]:
        """The version concerned, when there is one."""
        return self._int("version")

    @property
    def reason(self) -> Optional[str]:
        """What is wrong with it."""
        return self._str("reason")


class EventStoreStorageError(EventStoreError):
    """LMDB or the operating system failed (disk full, map full, permissions), or a handle was
    used in a process it was not opened in (after ``fork()``). ``__cause__`` is the
    :class:`StorageCause`."""

    status_code = 12

    @property
    def operation(self) -> Optional[str]:
        """The storage operation that failed."""
        return self._str("operation")

    @property
    def backend(self) -> Optional[str]:
        """What failed: ``"lmdb"`` or ``"os"`` (also ``__cause__.backend``)."""
        return self._str("backend")

    @property
    def storage_code(self) -> Optional[int]:
        """The LMDB or OS error number, when there is one (also ``__cause__.code``)."""
        return self._int("storage_code")

    @property
    def storage_code_name(self) -> Optional[str]:
        """The LMDB or OS error name, e.g. ``"ENOSPC"`` (also ``__cause__.code_name``)."""
        return self._str("storage_code_name")

    @property
    def storage_text(self) -> Optional[str]:
        """The LMDB or OS error text (also ``__cause__.text``)."""
        return self._str("storage_text")


class ObjectDisposedError(EventStoreError):
    """The handle was closed and released (.NET ObjectDisposedException)."""

    status_code = 13

    @property
    def object_name(self) -> Optional[str]:
        """What was released, e.g. ``"store handle"`` (.NET ``ObjectName``)."""
        return self._str("object")


class EventStoreInternalError(EventStoreError):
    """A bug in the library (a caught panic); the process keeps running."""

    status_code = 14

    @property
    def detail(self) -> Optional[str]:
        """What went wrong inside."""
        return self._str("detail")


class EventStoreCancelledError(EventStoreError):
    """A long call (a backup) was cancelled by its caller's progress callback; what it had
    written was removed (.NET OperationCanceledException)."""

    status_code = 15

    @property
    def operation(self) -> Optional[str]:
        """What was cancelled, e.g. ``"backup to '/backups/b1'"``."""
        return self._str("operation")


_BY_CODE: Dict[int, Type[EventStoreError]] = {
    cls.status_code: cls
    for cls in (
        StoreVersionMismatchException,
        StoreNotOpenException,
        StoreSessionExpiredException,
        InvalidStoreSessionException,
        OpenStoreFailedException,
        StreamVersionNotFoundException,
        StreamSnapshotVersionNotFoundException,
        StreamIdempotencyIdNotFoundException,
        DuplicateEventStoreIdempotencyIdException,
        EventStoreArgumentError,
        EventStoreSerializationError,
        EventStoreStorageError,
        ObjectDisposedError,
        EventStoreInternalError,
        EventStoreCancelledError,
    )
}


def error_from_status(code: int, message: str, details: Optional[Dict[str, Any]] = None) -> EventStoreError:
    """Builds the exception for a status code (the base class for an unknown code). A storage
    error gets its :class:`StorageCause` as ``__cause__``."""
    error = _BY_CODE.get(code, EventStoreError)(message, details, code)
    if isinstance(error, EventStoreStorageError) and (error.storage_text is not None or error.storage_code is not None):
        error.__cause__ = StorageCause(
            error.backend or "storage", error.storage_code, error.storage_code_name or "", error.storage_text or ""
        )
    return error


def argument_error(argument: str, reason: str) -> EventStoreArgumentError:
    """An :class:`EventStoreArgumentError` raised by the binding itself, worded like the
    library's (``Invalid argument 'version': ...``)."""
    return EventStoreArgumentError(
        f"Invalid argument '{argument}': {reason}.", {"kind": "InvalidArgument", "argument": argument, "reason": reason}
    )


def serialization_error(key: str, reason: str, version: Optional[int] = None) -> EventStoreSerializationError:
    """An :class:`EventStoreSerializationError` raised by the binding itself (JSON from the
    library it could not decode), worded like the library's."""
    return EventStoreSerializationError(
        f"Serialization error in {key}: {reason}.",
        {"kind": "Serialization", "key": key, "version": version, "reason": reason},
    )
