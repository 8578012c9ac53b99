namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// An event (message) id or command id was used before, outside an exact retry of the same
/// batch. Nothing of the batch was written.
/// </summary>
public sealed class DuplicateEventStoreIdempotencyIdException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateEventStoreIdempotencyIdException"/> class.
    /// </summary>
    /// <param name="ev">The refused message.</param>
    public DuplicateEventStoreIdempotencyIdException(EventMessage ev)
        : base($"Stream '{ev?.Metadata.Context.PartitionId}/{ev?.Metadata.Message.Domain.Name}/{ev?.Metadata.Message.Domain.Id}' item already contains an item with idempotency ID '{ev?.Metadata.Message.Id}'.")
    {
        Event = ev;
        IdempotencyId = ev?.Metadata.Message.Id;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateEventStoreIdempotencyIdException"/>
    /// class with every field the store reports.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="streamId">Where the id was used before: a store id, or <c>this event store</c> for command ids.</param>
    /// <param name="idempotencyId">The reused id.</param>
    /// <param name="ev">The refused message, when it was an event id.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DuplicateEventStoreIdempotencyIdException(string? message, string? streamId, string? idempotencyId, EventMessage? ev, Exception? innerException = null)
        : base(message, innerException)
    {
        StreamId = streamId;
        IdempotencyId = idempotencyId;
        Event = ev;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateEventStoreIdempotencyIdException"/> class.
    /// </summary>
    public DuplicateEventStoreIdempotencyIdException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateEventStoreIdempotencyIdException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public DuplicateEventStoreIdempotencyIdException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateEventStoreIdempotencyIdException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public DuplicateEventStoreIdempotencyIdException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Gets the refused message, when known.
    /// </summary>
    public EventMessage? Event { get; }

    /// <summary>
    /// Gets the reused id, when known.
    /// </summary>
    public string? IdempotencyId { get; }

    /// <summary>
    /// Gets where the id was used before (a store id, or <c>this event store</c> for command ids), when known.
    /// </summary>
    public string? StreamId { get; }
}
