namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// The stream has no snapshot at the version asked for.
/// </summary>
public sealed class StreamSnapshotVersionNotFoundException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StreamSnapshotVersionNotFoundException"/> class.
    /// </summary>
    /// <param name="streamId">The stream (store) id.</param>
    /// <param name="version">The version asked for.</param>
    public StreamSnapshotVersionNotFoundException(string streamId, long version)
        : base($"Stream '{streamId}' with snapshot version '{version}' not found.")
    {
        StreamId = streamId;
        Version = version;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamSnapshotVersionNotFoundException"/>
    /// class with the store's own message.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="streamId">The stream (store) id.</param>
    /// <param name="version">The version asked for.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StreamSnapshotVersionNotFoundException(string? message, string streamId, long version, Exception? innerException = null)
        : base(message, innerException)
    {
        StreamId = streamId;
        Version = version;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamSnapshotVersionNotFoundException"/> class.
    /// </summary>
    public StreamSnapshotVersionNotFoundException() => StreamId = string.Empty;

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamSnapshotVersionNotFoundException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public StreamSnapshotVersionNotFoundException(string? message)
        : base(message) => StreamId = string.Empty;

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamSnapshotVersionNotFoundException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public StreamSnapshotVersionNotFoundException(string? message, Exception? innerException)
        : base(message, innerException) => StreamId = string.Empty;

    /// <summary>
    /// Gets the stream (store) id, <c>database/name/id</c>.
    /// </summary>
    public string StreamId { get; }

    /// <summary>
    /// Gets the store id (the same as <see cref="StreamId"/>).
    /// </summary>
    public string StoreId => StreamId;

    /// <summary>
    /// Gets the version asked for.
    /// </summary>
    public long Version { get; }
}
