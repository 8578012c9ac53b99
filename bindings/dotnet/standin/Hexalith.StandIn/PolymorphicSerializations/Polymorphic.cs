// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

using System.Runtime.Serialization;

/// <summary>
/// The base of every polymorphic message: serialized with its <c>$type</c> discriminator
/// first. Records marked <see cref="PolymorphicSerializationAttribute"/> derive from it
/// through the generated partial declaration.
/// </summary>
[DataContract]
public record Polymorphic;
