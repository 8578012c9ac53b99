namespace Lode;

/// <summary>
/// A long call (a backup) was cancelled by its caller (its progress callback or its
/// <see cref="CancellationToken"/>); what it had written was removed (<c>LODE_CANCELLED</c>).
/// </summary>
public sealed class LodeCancelledException : OperationCanceledException
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LodeCancelledException"/> class.
    /// </summary>
    public LodeCancelledException()
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeCancelledException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    public LodeCancelledException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeCancelledException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The cause.</param>
    public LodeCancelledException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeCancelledException"/> class.
    /// </summary>
    /// <param name="message">The error message.</param>
    /// <param name="operation">What was cancelled, e.g. <c>backup to '/backups/b1'</c>.</param>
    public LodeCancelledException(string? message, string? operation)
        : base(message) => Operation = operation;

    /// <summary>
    /// Gets what was cancelled.
    /// </summary>
    public string? Operation { get; }
}
