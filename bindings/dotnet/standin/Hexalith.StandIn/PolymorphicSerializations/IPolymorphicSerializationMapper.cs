// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

using System.Text.Json.Serialization.Metadata;

/// <summary>
/// Maps one derived type to its discriminator under a polymorphic base.
/// </summary>
public interface IPolymorphicSerializationMapper
{
    /// <summary>
    /// Gets the polymorphic base type.
    /// </summary>
    Type Base { get; }

    /// <summary>
    /// Gets the derived type with its discriminator.
    /// </summary>
    JsonDerivedType JsonDerivedType { get; }
}
