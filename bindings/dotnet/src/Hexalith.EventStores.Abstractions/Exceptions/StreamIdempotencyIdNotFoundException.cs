namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// No record of that idempotency (command) id.
/// </summary>
public sealed class StreamIdempotencyIdNotFoundException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StreamIdempotencyIdNotFoundException"/> class.
    /// </summary>
    /// <param name="streamId">Where the id was looked up.</param>
    /// <param name="idempotencyId">The id.</param>
    public StreamIdempotencyIdNotFoundException(string streamId, string idempotencyId)
        : base($"Stream '{streamId}' item with idempotency ID '{idempotencyId}' not found.")
    {
        StreamId = streamId;
        IdempotencyId = idempotencyId;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamIdempotencyIdNotFoundException"/>
    /// class with the store's own message.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="streamId">Where the id was looked up.</param>
    /// <param name="idempotencyId">The id.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StreamIdempotencyIdNotFoundException(string? message, string streamId, string idempotencyId, Exception? innerException = null)
        : base(message, innerException)
    {
        StreamId = streamId;
        IdempotencyId = idempotencyId;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamIdempotencyIdNotFoundException"/> class.
    /// </summary>
    public StreamIdempotencyIdNotFoundException()
    {
        IdempotencyId = string.Empty;
        StreamId = string.Empty;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamIdempotencyIdNotFoundException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public StreamIdempotencyIdNotFoundException(string? message)
        : base(message)
    {
        IdempotencyId = string.Empty;
        StreamId = string.Empty;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StreamIdempotencyIdNotFoundException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public StreamIdempotencyIdNotFoundException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        IdempotencyId = string.Empty;
        StreamId = string.Empty;
    }

    /// <summary>
    /// Gets the id that was not found.
    /// </summary>
    public string IdempotencyId { get; }

    /// <summary>
    /// Gets where it was looked up (a store id, or <c>this event store</c> for command ids).
    /// </summary>
    public string StreamId { get; }
}
