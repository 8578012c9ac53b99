// STAND-IN for Hexalith.Commons.Metadatas (see standin/README.md).
namespace Hexalith.Commons.Metadatas;

using System.Diagnostics.CodeAnalysis;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

/// <summary>
/// The metadata of a message: what it is (<see cref="Message"/>) and where it comes from
/// (<see cref="Context"/>).
/// </summary>
/// <param name="Message">The message description.</param>
/// <param name="Context">The message context.</param>
[DataContract]
[method: JsonConstructor]
[SuppressMessage("Naming", "CA1724:Type names should not match namespaces", Justification = "The genuine type has this name.")]
public record Metadata(
    [property: DataMember(Order = 1)][property: JsonPropertyOrder(1)] MessageMetadata Message,
    [property: DataMember(Order = 2)][property: JsonPropertyOrder(2)] ContextMetadata Context)
{
    /// <summary>
    /// Gets the global identifier of the message's aggregate: <c>{PartitionId}-{Domain.Name}-{Domain.Id}</c>.
    /// Serialized first; ignored when read.
    /// </summary>
    public string DomainGlobalId => CreateDomainGlobalId(Message.Domain.Id);

    /// <summary>
    /// Builds an aggregate's global identifier.
    /// </summary>
    /// <param name="partitionId">The partition identifier.</param>
    /// <param name="aggregateName">The aggregate type name.</param>
    /// <param name="aggregateId">The aggregate identifier.</param>
    /// <returns><c>{partitionId}-{aggregateName}-{aggregateId}</c>.</returns>
    public static string CreateDomainGlobalId(string partitionId, string aggregateName, string aggregateId)
        => $"{partitionId}-{aggregateName}-{aggregateId}";

    /// <summary>
    /// Builds the global identifier of another aggregate of the same partition and type.
    /// </summary>
    /// <param name="aggregateId">The aggregate identifier.</param>
    /// <returns>The global identifier.</returns>
    public string CreateDomainGlobalId(string aggregateId)
        => CreateDomainGlobalId(Context.PartitionId, Message.Domain.Name, aggregateId);

    /// <summary>
    /// Gives a one-line description of the metadata for logs.
    /// </summary>
    /// <returns>The description.</returns>
    public string ToLogString()
        => $"MessageName={Message.Name}; DomainGlobalId={DomainGlobalId}; MessageId={Message.Id}; CorrelationId={Context.CorrelationId}; UserId={Context.UserId}";
}
