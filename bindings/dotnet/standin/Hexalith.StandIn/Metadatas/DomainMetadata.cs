// STAND-IN for Hexalith.Commons.Metadatas (see standin/README.md).
namespace Hexalith.Commons.Metadatas;

using System.Runtime.Serialization;
using System.Text.Json.Serialization;

/// <summary>
/// Identifies the aggregate a message belongs to.
/// </summary>
/// <param name="Id">The aggregate identifier.</param>
/// <param name="Name">The aggregate type name.</param>
[DataContract]
public record DomainMetadata(
    [property: DataMember(Order = 1)][property: JsonPropertyOrder(1)] string Id,
    [property: DataMember(Order = 2)][property: JsonPropertyOrder(2)] string Name)
{
    /// <summary>
    /// Gets a domain metadata with empty identifier and name.
    /// </summary>
    public static DomainMetadata Empty => new(string.Empty, string.Empty);
}
