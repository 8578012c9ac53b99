namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// The session's lease expired before the call. Reopen the store.
/// </summary>
public class StoreSessionExpiredException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="StoreSessionExpiredException"/> class.
    /// </summary>
    /// <param name="storeId">The store id.</param>
    /// <param name="sessionId">The expired session.</param>
    /// <param name="expiration">When it expired.</param>
    public StoreSessionExpiredException(string storeId, string sessionId, DateTimeOffset expiration)
        : base($"The session '{sessionId}' for store '{storeId}' has expired at {expiration}. Please refresh the session or set a longer expiration time.")
    {
        StoreId = storeId;
        SessionId = sessionId;
        Expiration = expiration;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreSessionExpiredException"/> class with
    /// the store's own message.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="storeId">The store id.</param>
    /// <param name="sessionId">The expired session.</param>
    /// <param name="expiration">When it expired.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StoreSessionExpiredException(string? message, string? storeId, string? sessionId, DateTimeOffset? expiration, Exception? innerException = null)
        : base(message, innerException)
    {
        StoreId = storeId;
        SessionId = sessionId;
        Expiration = expiration;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreSessionExpiredException"/> class.
    /// </summary>
    public StoreSessionExpiredException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreSessionExpiredException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreSessionExpiredException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="StoreSessionExpiredException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public StoreSessionExpiredException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Gets when the session expired (UTC).
    /// </summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>
    /// Gets the expired session.
    /// </summary>
    public string? SessionId { get; }

    /// <summary>
    /// Gets the store id.
    /// </summary>
    public string? StoreId { get; }
}
