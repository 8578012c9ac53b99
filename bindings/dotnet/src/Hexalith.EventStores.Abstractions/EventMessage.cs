namespace Hexalith.EventStores;

using System.Runtime.Serialization;

using Hexalith.Commons.Metadatas;
using Hexalith.PolymorphicSerializations;

/// <summary>
/// A domain event (or a snapshot's state) with its metadata: the unit an event store keeps.
/// </summary>
/// <param name="Event">The event; serialized with its <c>$type</c> discriminator.</param>
/// <param name="Metadata">The metadata.</param>
[DataContract]
public sealed record EventMessage(
    [property: DataMember(Order = 1)] Polymorphic Event,
    [property: DataMember(Order = 2)] Metadata Metadata);
