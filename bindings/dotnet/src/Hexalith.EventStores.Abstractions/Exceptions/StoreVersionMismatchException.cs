namespace Hexalith.EventStores.Exceptions;

using Hexalith.Commons.Metadatas;

/// <summary>
/// A message's <c>SequenceNumber</c> is not the version it would receive: another writer
/// appended first. Nothing of the batch was written.
/// </summary>
public sealed class StoreVersionMismatchException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StoreVersionMismatchException"/> class.
    /// </summary>
    /// <param name="metadata">The metadata of the refused message.</param>
    /// <param name="expectedVersion">The version the stream expected the message to carry.</param>
    public StoreVersionMismatchException(Metadata metadata, long expectedVersion)
        : base($"The added item version {metadata?.Context.SequenceNumber} does not match the stream '{metadata?.Message.Domain.Name}/{metadata?.Message.Domain.Id}' expected version '{expectedVersion}'.")
    {
        Metadata = metadata;
        ExpectedVersion = expectedVersion;
        ActualVersion = metadata?.Context.SequenceNumber ?? 0;
        MessageId = metadata?.Message.Id;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreVersionMismatchException"/> class
    /// with every field the store reports.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="storeId">The store id, <c>database/name/id</c>.</param>
    /// <param name="expectedVersion">The version the stream expected the message to carry.</param>
    /// <param name="actualVersion">The <c>SequenceNumber</c> the message carried.</param>
    /// <param name="messageId">The id of the refused message.</param>
    /// <param name="metadata">The metadata of the refused message, when known.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StoreVersionMismatchException(
        string? message,
        string? storeId,
        long expectedVersion,
        long actualVersion,
        string? messageId,
        Metadata? metadata,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StoreId = storeId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
        MessageId = messageId;
        Metadata = metadata;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreVersionMismatchException"/> class.
    /// </summary>
    public StoreVersionMismatchException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreVersionMismatchException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public StoreVersionMismatchException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreVersionMismatchException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreVersionMismatchException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets the version the stream expected the message to carry (its current version plus the
    /// message's position in the batch).
    /// </summary>
    public long ExpectedVersion { get; }

    /// <summary>
    /// Gets the <c>SequenceNumber</c> the message carried.
    /// </summary>
    public long ActualVersion { get; }

    /// <summary>
    /// Gets the metadata of the refused message, when known.
    /// </summary>
    public Metadata? Metadata { get; }

    /// <summary>
    /// Gets the id of the refused message, when known.
    /// </summary>
    public string? MessageId { get; }

    /// <summary>
    /// Gets the store id (<c>database/name/id</c>), when known.
    /// </summary>
    public string? StoreId { get; }
}
