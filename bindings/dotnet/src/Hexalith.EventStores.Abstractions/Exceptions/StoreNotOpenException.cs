namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// A call on a store that was never opened, or was closed.
/// </summary>
public class StoreNotOpenException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StoreNotOpenException"/> class.
    /// </summary>
    /// <param name="storeId">The store id.</param>
    /// <param name="sessionId">The last session id, if any.</param>
    public StoreNotOpenException(string storeId, string? sessionId)
        : base($"Store '{storeId}' is not open." + (string.IsNullOrWhiteSpace(sessionId) ? string.Empty : $" Session : {sessionId}."))
    {
        StoreId = storeId;
        SessionId = sessionId;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreNotOpenException"/> class with every
    /// field the store reports.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="storeId">The store id.</param>
    /// <param name="sessionId">The last session id, if any.</param>
    /// <param name="operation">What was attempted.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StoreNotOpenException(string? message, string? storeId, string? sessionId, string? operation, Exception? innerException = null)
        : base(message, innerException)
    {
        StoreId = storeId;
        SessionId = sessionId;
        Operation = operation;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreNotOpenException"/> class.
    /// </summary>
    public StoreNotOpenException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreNotOpenException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreNotOpenException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreNotOpenException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public StoreNotOpenException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Gets the last session id, if any.
    /// </summary>
    public string? SessionId { get; }

    /// <summary>
    /// Gets the store id.
    /// </summary>
    public string? StoreId { get; }

    /// <summary>
    /// Gets what was attempted (e.g. <c>adding events</c>), when known.
    /// </summary>
    public string? Operation { get; }
}
