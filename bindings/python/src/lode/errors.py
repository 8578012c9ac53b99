"""The exceptions of lode: one class per C ABI status code, named like the .NET exceptions.

Every exception derives from :class:`EventStoreError`, which carries the status ``code``, the
error ``kind`` (e.g. ``"VersionMismatch"``), the full-sentence ``message`` and the ``details``
(the error's fields as returned by ``lode_error_details``). Subclasses expose those fields as
properties with snake_case names.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Optional, Type

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
    "error_from_status",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _from_micros(value: Any) -> Optional[datetime]:
    return _EPOCH + timedelta(microseconds=value) if isinstance(value, int) else None


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
        """The store id ``database/name/id`` the error is about, when it names one (B-ID-3)."""
        return self._str("store_id")


class StoreVersionMismatchException(EventStoreError):
    """A message's SequenceNumber is not the version it would receive (B-APP-3)."""

    status_code = 1

    @property
    def expected_version(self) -> int:
        """The SequenceNumber the message carried."""
        return self._int("expected_version") or 0

    @property
    def actual_version(self) -> int:
        """The version the message would have received."""
        return self._int("actual_version") or 0

    @property
    def message_id(self) -> Optional[str]:
        """The id of the refused message."""
        return self._str("message_id")


class StoreNotOpenException(EventStoreError):
    """The store was never opened, or was closed (B-SES-4)."""

    status_code = 2

    @property
    def operation(self) -> Optional[str]:
        """The operation that was attempted."""
        return self._str("operation")


class StoreSessionExpiredException(EventStoreError):
    """The session's lease expired (B-SES-4)."""

    status_code = 3

    @property
    def session_id(self) -> Optional[str]:
        """The expired session."""
        return self._str("session_id")

    @property
    def expiration(self) -> Optional[datetime]:
        """When the session expired (UTC)."""
        return _from_micros(self._field("expired_at_us"))


class InvalidStoreSessionException(EventStoreError):
    """Another session holds the stream's lease now (B-SES-4)."""

    status_code = 4

    @property
    def session_id(self) -> Optional[str]:
        """This (stale) session."""
        return self._str("session_id")

    @property
    def holder_session_id(self) -> Optional[str]:
        """The session holding the lease now."""
        return self._str("holder_session_id")


class OpenStoreFailedException(EventStoreError):
    """The lease stayed taken for the whole open timeout (B-SES-3)."""

    status_code = 5

    @property
    def timeout(self) -> Optional[timedelta]:
        """The open timeout that elapsed."""
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
    def version(self) -> int:
        """The version asked for."""
        return self._int("version") or 0

    @property
    def current_version(self) -> Optional[int]:
        """The stream's current version."""
        return self._int("current_version")


class StreamSnapshotVersionNotFoundException(EventStoreError):
    """No snapshot at that version (B-SNP-3)."""

    status_code = 7

    @property
    def version(self) -> int:
        """The version asked for."""
        return self._int("version") or 0


class StreamIdempotencyIdNotFoundException(EventStoreError):
    """No record of that command id (Q-CMD-2)."""

    status_code = 8

    @property
    def id(self) -> Optional[str]:
        """The unknown command id."""
        return self._str("id")


class DuplicateEventStoreIdempotencyIdException(EventStoreError):
    """An event or command id used before, outside an exact retry (B-APP-6, Q-CMD-1)."""

    status_code = 9

    @property
    def scope(self) -> Optional[str]:
        """Where the id was already used (the stream, or the command table)."""
        return self._str("scope")

    @property
    def id(self) -> Optional[str]:
        """The reused id."""
        return self._str("id")


class EventStoreArgumentError(EventStoreError, ValueError):
    """A bad argument: empty, too long, out of range, not UTF-8 (.NET ArgumentException)."""

    status_code = 10

    @property
    def argument(self) -> Optional[str]:
        """The name of the bad argument."""
        return self._str("argument")

    @property
    def reason(self) -> Optional[str]:
        """Why it was refused."""
        return self._str("reason")


class EventStoreSerializationError(EventStoreError):
    """Bytes that are not what they must be: a message that is not JSON, a damaged record."""

    status_code = 11

    @property
    def key(self) -> Optional[str]:
        """What could not be decoded."""
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
    """LMDB or the operating system failed (disk full, map full, permissions)."""

    status_code = 12

    @property
    def operation(self) -> Optional[str]:
        """The storage operation that failed."""
        return self._str("operation")

    @property
    def storage_code(self) -> Optional[int]:
        """The LMDB or OS error code."""
        return self._int("storage_code")

    @property
    def storage_text(self) -> Optional[str]:
        """The LMDB or OS error text."""
        return self._str("storage_text")


class ObjectDisposedError(EventStoreError):
    """The handle was closed and released (.NET ObjectDisposedException)."""

    status_code = 13

    @property
    def object_name(self) -> Optional[str]:
        """What was released (e.g. ``"store handle"``)."""
        return self._str("object")


class EventStoreInternalError(EventStoreError):
    """A bug in the library (a caught panic); the process keeps running."""

    status_code = 14

    @property
    def detail(self) -> Optional[str]:
        """What went wrong inside."""
        return self._str("detail")


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
    )
}


def error_from_status(code: int, message: str, details: Optional[Dict[str, Any]] = None) -> EventStoreError:
    """Builds the exception for a status code (the base class for an unknown code)."""
    return _BY_CODE.get(code, EventStoreError)(message, details, code)
