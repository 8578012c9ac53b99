"""lode: an embedded event store over LMDB (Python binding of the lode C ABI).

Quick start::

    import tempfile
    import lode

    with tempfile.TemporaryDirectory() as directory, lode.EventStoreProvider(directory) as provider:
        with provider.open_store("BankAccount", "42") as store:
            store.add([lode.create_message({"Amount": 10}, name="FundsDeposited",
                                           aggregate_name="BankAccount", aggregate_id="42")])
            for message in store.get():
                print(message.sequence_number, message.event)
"""

from ._native import ABI_VERSION, configure_logging, load_library
from .backup import BackupCheck, BackupInfo, BackupProgress, VerifyProblem, VerifyReport, verify
from .errors import (
    DuplicateEventStoreIdempotencyIdException,
    EventStoreArgumentError,
    EventStoreCancelledError,
    EventStoreError,
    EventStoreInternalError,
    EventStoreSerializationError,
    EventStoreStorageError,
    InvalidStoreSessionException,
    ObjectDisposedError,
    OpenStoreFailedException,
    StorageCause,
    StoreNotOpenException,
    StoreSessionExpiredException,
    StoreVersionMismatchException,
    StreamIdempotencyIdNotFoundException,
    StreamSnapshotVersionNotFoundException,
    StreamVersionNotFoundException,
)
from .messages import EventMessage, MessageLike, create_message, new_message_id, to_json_bytes
from .store import CommandRecord, EventStore, EventStoreProvider, LogRecord, MetadataLike, Timeout
from .subscriptions import Checkpoint, EventTypeLike, Subscription
from .upgrade import upgrade_directory

__version__ = "0.1.0"

__all__ = [
    "ABI_VERSION",
    "BackupCheck",
    "BackupInfo",
    "BackupProgress",
    "Checkpoint",
    "CommandRecord",
    "DuplicateEventStoreIdempotencyIdException",
    "EventMessage",
    "EventStore",
    "EventStoreArgumentError",
    "EventStoreCancelledError",
    "EventStoreError",
    "EventStoreInternalError",
    "EventStoreProvider",
    "EventStoreSerializationError",
    "EventStoreStorageError",
    "EventTypeLike",
    "InvalidStoreSessionException",
    "LogRecord",
    "MessageLike",
    "MetadataLike",
    "ObjectDisposedError",
    "OpenStoreFailedException",
    "StorageCause",
    "StoreNotOpenException",
    "StoreSessionExpiredException",
    "StoreVersionMismatchException",
    "StreamIdempotencyIdNotFoundException",
    "StreamSnapshotVersionNotFoundException",
    "StreamVersionNotFoundException",
    "Subscription",
    "Timeout",
    "VerifyProblem",
    "VerifyReport",
    "configure_logging",
    "create_message",
    "load_library",
    "new_message_id",
    "to_json_bytes",
    "upgrade_directory",
    "verify",
]
