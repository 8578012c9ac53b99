namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// A version past the stream's end was asked for.
/// </summary>
public sealed class StreamVersionNotFoundException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StreamVersionNotFoundException"/> class.
    /// </summary>
    /// <param name="streamId">The stream (store) id.</param>
    /// <param name="version">The version asked for.</param>
    public StreamVersionNotFoundException(string streamId, long version)
        : base($"Stream '{streamId}' with version '{version}' not found.")
    {
        StreamId = streamId;
        Version = version;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamVersionNotFoundException"/> class
    /// with every field the store reports.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="streamId">The stream (store) id.</param>
    /// <param name="version">The version asked for.</param>
    /// <param name="currentVersion">The stream's current version.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StreamVersionNotFoundException(string? message, string streamId, long version, long? currentVersion, Exception? innerException = null)
        : base(message, innerException)
    {
        StreamId = streamId;
        Version = version;
        CurrentVersion = currentVersion;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamVersionNotFoundException"/> class.
    /// </summary>
    public StreamVersionNotFoundException() => StreamId = string.Empty;

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamVersionNotFoundException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public StreamVersionNotFoundException(string? message)
        : base(message) => StreamId = string.Empty;

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamVersionNotFoundException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public StreamVersionNotFoundException(string? message, Exception? innerException)
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

    /// <summary>
    /// Gets the stream's current version, when known.
    /// </summary>
    public long? CurrentVersion { get; }
}
