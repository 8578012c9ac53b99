namespace Lode;

/// <summary>
/// The status codes of the C ABI (<c>LODE_*</c> in <c>lode.h</c>); stable numbers.
/// </summary>
public enum LodeStatus
{
    /// <summary>Success.</summary>
    Ok = 0,

    /// <summary>A message's SequenceNumber is not the version it would receive (<c>StoreVersionMismatchException</c>).</summary>
    VersionMismatch = 1,

    /// <summary>The store was never opened, or was closed (<c>StoreNotOpenException</c>).</summary>
    StoreNotOpen = 2,

    /// <summary>The session's lease expired (<c>StoreSessionExpiredException</c>).</summary>
    SessionExpired = 3,

    /// <summary>Another session holds the lease now (<c>InvalidStoreSessionException</c>).</summary>
    InvalidSession = 4,

    /// <summary>The lease stayed taken for the whole open timeout (<c>OpenStoreFailedException</c>).</summary>
    OpenStoreFailed = 5,

    /// <summary>A version past the stream's end (<c>StreamVersionNotFoundException</c>).</summary>
    StreamVersionNotFound = 6,

    /// <summary>No snapshot at that version (<c>StreamSnapshotVersionNotFoundException</c>).</summary>
    SnapshotVersionNotFound = 7,

    /// <summary>No record of that command id (<c>StreamIdempotencyIdNotFoundException</c>).</summary>
    IdempotencyIdNotFound = 8,

    /// <summary>An event or command id used before (<c>DuplicateEventStoreIdempotencyIdException</c>).</summary>
    DuplicateIdempotencyId = 9,

    /// <summary>A bad argument (<see cref="LodeArgumentException"/>).</summary>
    InvalidArgument = 10,

    /// <summary>Bytes that are not what they must be (<see cref="LodeSerializationException"/>).</summary>
    Serialization = 11,

    /// <summary>LMDB or the OS failed (<see cref="LodeStorageException"/>).</summary>
    Storage = 12,

    /// <summary>The handle was closed and released (<see cref="LodeObjectDisposedException"/>).</summary>
    Closed = 13,

    /// <summary>A bug in the library, caught (<see cref="LodeInternalException"/>).</summary>
    Internal = 14,

    /// <summary>A long call (a backup) was cancelled by its caller (<see cref="LodeCancelledException"/>).</summary>
    Cancelled = 15,
}
