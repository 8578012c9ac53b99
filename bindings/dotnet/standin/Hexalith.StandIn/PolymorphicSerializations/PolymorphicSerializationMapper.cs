// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

using System.Text.Json.Serialization.Metadata;

/// <summary>
/// Maps <typeparamref name="TType"/> to <paramref name="TypeDiscriminator"/> under
/// <typeparamref name="TBase"/>.
/// </summary>
/// <typeparam name="TType">The derived type.</typeparam>
/// <typeparam name="TBase">The polymorphic base type.</typeparam>
/// <param name="TypeDiscriminator">The discriminator written as <c>$type</c>.</param>
public record PolymorphicSerializationMapper<TType, TBase>(string TypeDiscriminator) : IPolymorphicSerializationMapper
    where TType : TBase
{
    /// <inheritdoc/>
    public Type Base => typeof(TBase);

    /// <inheritdoc/>
    public JsonDerivedType JsonDerivedType => new(typeof(TType), TypeDiscriminator);
}
