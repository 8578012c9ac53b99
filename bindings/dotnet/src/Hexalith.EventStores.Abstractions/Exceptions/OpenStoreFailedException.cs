namespace Hexalith.EventStores.Exceptions;

/// <summary>
/// Another live session held the stream's lease for the whole open timeout.
/// </summary>
public class OpenStoreFailedException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="OpenStoreFailedException"/> class.
    /// </summary>
    /// <param name="storeId">The store id.</param>
    /// <param name="timeout">The open timeout that elapsed.</param>
    public OpenStoreFailedException(string storeId, TimeSpan timeout)
        : base($"Open session for store '{storeId}' with timeout {timeout} failed.")
    {
        StoreId = storeId;
        Timeout = timeout;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="OpenStoreFailedException"/> class with
    /// every field the store reports.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="storeId">The store id.</param>
    /// <param name="timeout">The open timeout that elapsed.</param>
    /// <param name="holderSessionId">The session holding the lease.</param>
    /// <param name="holderProcessId">The process id of the holder.</param>
    /// <param name="holderExpiration">When the holder's lease expires unless renewed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OpenStoreFailedException(
        string? message,
        string? storeId,
        TimeSpan? timeout,
        string? holderSessionId,
        int? holderProcessId,
        DateTimeOffset? holderExpiration,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StoreId = storeId;
        Timeout = timeout;
        HolderSessionId = holderSessionId;
        HolderProcessId = holderProcessId;
        HolderExpiration = holderExpiration;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="OpenStoreFailedException"/> class.
    /// </summary>
    public OpenStoreFailedException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="OpenStoreFailedException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public OpenStoreFailedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="OpenStoreFailedException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public OpenStoreFailedException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Gets the store id.
    /// </summary>
    public string? StoreId { get; }

    /// <summary>
    /// Gets the open timeout that elapsed.
    /// </summary>
    public TimeSpan? Timeout { get; }

    /// <summary>
    /// Gets the session that held the lease, when known.
    /// </summary>
    public string? HolderSessionId { get; }

    /// <summary>
    /// Gets the process id of the lease holder, when known.
    /// </summary>
    public int? HolderProcessId { get; }

    /// <summary>
    /// Gets when the holder's lease expires unless renewed (UTC), when known.
    /// </summary>
    public DateTimeOffset? HolderExpiration { get; }
}
