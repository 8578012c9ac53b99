// STAND-IN for Hexalith.Commons.Metadatas (see standin/README.md).
namespace Hexalith.Commons.Metadatas;

using System.Runtime.Serialization;
using System.Text.Json.Serialization;

/// <summary>
/// The context in which a message was created or received.
/// </summary>
/// <param name="CorrelationId">The correlation identifier.</param>
/// <param name="UserId">The user (actor) identifier.</param>
/// <param name="PartitionId">The partition (tenant) identifier.</param>
/// <param name="ReceivedDate">When the message was received, if known.</param>
/// <param name="TimeToLive">How long the message stays valid, if limited.</param>
/// <param name="SequenceNumber">The expected position of the message in its stream, if checked.</param>
/// <param name="Etag">An entity tag, carried as is.</param>
/// <param name="SessionId">A session identifier, carried as is.</param>
/// <param name="Scopes">Scopes, carried as is.</param>
[DataContract]
[method: JsonConstructor]
public record ContextMetadata(
    [property: DataMember(Order = 1)][property: JsonPropertyOrder(1)] string CorrelationId,
    [property: DataMember(Order = 2)][property: JsonPropertyOrder(2)] string UserId,
    [property: DataMember(Order = 3)][property: JsonPropertyOrder(3)] string PartitionId,
    [property: DataMember(Order = 4)][property: JsonPropertyOrder(4)] DateTimeOffset? ReceivedDate,
    [property: DataMember(Order = 5)][property: JsonPropertyOrder(5)] TimeSpan? TimeToLive,
    [property: DataMember(Order = 6)][property: JsonPropertyOrder(6)] long? SequenceNumber,
    [property: DataMember(Order = 7)][property: JsonPropertyOrder(7)] string? Etag,
    [property: DataMember(Order = 8)][property: JsonPropertyOrder(8)] string? SessionId,
    [property: DataMember(Order = 9)][property: JsonPropertyOrder(9)] IEnumerable<string> Scopes)
{
    /// <summary>
    /// Initializes a new instance of the <see cref="ContextMetadata"/> class from another
    /// context, with a new received date.
    /// </summary>
    /// <param name="context">The context to copy.</param>
    /// <param name="receivedDate">The received date of the copy.</param>
    public ContextMetadata(ContextMetadata context, DateTimeOffset receivedDate)
        : this(
            (context ?? throw new ArgumentNullException(nameof(context))).CorrelationId,
            context.UserId,
            context.PartitionId,
            receivedDate,
            context.TimeToLive,
            context.SequenceNumber,
            context.Etag,
            context.SessionId,
            context.Scopes)
    {
    }
}
