// STAND-IN for Hexalith.Commons.Metadatas (see standin/README.md).
namespace Hexalith.Commons.Metadatas;

using System.Runtime.Serialization;
using System.Text.Json.Serialization;

/// <summary>
/// Describes one message: its unique id, type name and version, aggregate and creation time.
/// </summary>
/// <param name="Id">The unique message identifier (also the idempotency id in an event store).</param>
/// <param name="Name">The message type name, without version suffix.</param>
/// <param name="Version">The message schema version.</param>
/// <param name="Domain">The aggregate the message belongs to.</param>
/// <param name="CreatedDate">When the message was created (client clock).</param>
[DataContract]
public record MessageMetadata(
    [property: DataMember(Order = 1)][property: JsonPropertyOrder(1)] string Id,
    [property: DataMember(Order = 2)][property: JsonPropertyOrder(2)] string Name,
    [property: DataMember(Order = 3)][property: JsonPropertyOrder(3)] int Version,
    [property: DataMember(Order = 4)][property: JsonPropertyOrder(4)] DomainMetadata Domain,
    [property: DataMember(Order = 5)][property: JsonPropertyOrder(5)] DateTimeOffset CreatedDate)
{
    /// <summary>
    /// Gets a message metadata with every field empty.
    /// </summary>
    public static MessageMetadata Empty => new(string.Empty, string.Empty, 0, DomainMetadata.Empty, DateTimeOffset.MinValue);
}
