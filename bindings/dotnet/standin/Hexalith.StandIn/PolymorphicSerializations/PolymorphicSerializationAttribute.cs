// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

/// <summary>
/// Marks a partial record for polymorphic serialization: the source generator makes it a
/// <see cref="Polymorphic"/> (unless it already derives from one) and registers its
/// discriminator, the name (or <c>{Name}V{Version}</c> from version 2 on).
/// </summary>
/// <param name="name">The message name; the type name when null or blank.</param>
/// <param name="version">The message schema version (1 by default).</param>
/// <param name="baseType">The polymorphic base type, when not <see cref="Polymorphic"/>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PolymorphicSerializationAttribute(string? name = null, int version = 1, Type? baseType = null) : Attribute
{
    /// <summary>
    /// Gets the polymorphic base type, if given.
    /// </summary>
    public Type? BaseType { get; } = baseType;

    /// <summary>
    /// Gets the message name, if given.
    /// </summary>
    public string? Name { get; } = name;

    /// <summary>
    /// Gets the message schema version.
    /// </summary>
    public int Version { get; } = version;

    /// <summary>
    /// Gives the discriminator of a name and version: the name for versions below 2, else
    /// <c>{name}V{version}</c>.
    /// </summary>
    /// <param name="name">The message name.</param>
    /// <param name="version">The schema version.</param>
    /// <returns>The discriminator.</returns>
    public static string GetTypeName(string name, int version) => version < 2 ? name : $"{name}V{version}";

    /// <summary>
    /// Gives the discriminator of a type marked with this attribute.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <returns>The discriminator.</returns>
    public string GetTypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return GetTypeName(string.IsNullOrWhiteSpace(Name) ? type.Name : Name, Version);
    }
}
