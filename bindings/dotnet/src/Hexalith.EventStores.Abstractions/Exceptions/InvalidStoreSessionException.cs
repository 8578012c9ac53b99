namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// This session no longer holds the stream's lease: another session took it after it lapsed.
/// </summary>
public class InvalidStoreSessionException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="InvalidStoreSessionException"/> class.
    /// </summary>
    /// <param name="storeId">The store id.</param>
    /// <param name="sessionId">This session.</param>
    /// <param name="expectedSession">The session that holds the lease now.</param>
    public InvalidStoreSessionException(string storeId, string sessionId, string expectedSession)
        : base($"The session '{sessionId}' for store '{storeId}' is invalid. Expected session '{expectedSession}'. It may have been closed or expired.")
    {
        StoreId = storeId;
        SessionId = sessionId;
        ExpectedSession = expectedSession;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="InvalidStoreSessionException"/> class with
    /// the store's own message.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="storeId">The store id.</param>
    /// <param name="sessionId">This session.</param>
    /// <param name="expectedSession">The session that holds the lease now.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidStoreSessionException(string? message, string? storeId, string? sessionId, string? expectedSession, Exception? innerException = null)
        : base(message, innerException)
    {
        StoreId = storeId;
        SessionId = sessionId;
        ExpectedSession = expectedSession;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="InvalidStoreSessionException"/> class.
    /// </summary>
    public InvalidStoreSessionException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="InvalidStoreSessionException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidStoreSessionException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="InvalidStoreSessionException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public InvalidStoreSessionException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Gets the session that holds the lease now.
    /// </summary>
    public string? ExpectedSession { get; }

    /// <summary>
    /// Gets this (stale) session.
    /// </summary>
    public string? SessionId { get; }

    /// <summary>
    /// Gets the store id.
    /// </summary>
    public string? StoreId { get; }
}
