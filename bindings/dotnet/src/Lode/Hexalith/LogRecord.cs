namespace Hexalith.EventStores;

using Lode;

/// <summary>
/// One event of the global log or of a query result: its envelope and its message.
/// </summary>
public sealed record LogRecord : LogEnvelope
{
    /// <summary>
    /// Initializes a new instance of the <see cref="LogRecord"/> class.
    /// </summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="message">The stored message.</param>
    public LogRecord(LogEnvelope envelope, EventMessage message)
        : base(envelope) => Message = message;

    /// <summary>
    /// Gets the stored message.
    /// </summary>
    public EventMessage Message { get; }
}
