// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// The serializer options and discriminator helpers of polymorphic messages.
/// </summary>
public static class PolymorphicHelper
{
    /// <summary>
    /// Gets the options Hexalith serializes messages with: PascalCase names (no naming policy),
    /// defaults left out (<see cref="JsonIgnoreCondition.WhenWritingDefault"/>), numbers also
    /// read from strings, the <c>$type</c> discriminator of the registered polymorphic types,
    /// indented output.
    /// </summary>
    public static JsonSerializerOptions DefaultJsonSerializerOptions => field ??= new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        TypeInfoResolver = new PolymorphicSerializationResolver(),
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>
    /// Gets the name of the discriminator property, <c>$type</c>.
    /// </summary>
    public static string Discriminator => "$type";

    /// <summary>
    /// Gives the name, discriminator and version of a message type, from its
    /// <see cref="PolymorphicSerializationAttribute"/> (the type name and version 1 without it).
    /// </summary>
    /// <param name="type">The message type.</param>
    /// <returns>The name, the discriminator, and the version.</returns>
    public static (string Name, string TypeName, int Version) GetPolymorphicTypeDiscriminator(this Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Attribute.GetCustomAttribute(type, typeof(PolymorphicSerializationAttribute)) is PolymorphicSerializationAttribute attribute
            ? (string.IsNullOrWhiteSpace(attribute.Name) ? type.Name : attribute.Name, attribute.GetTypeName(type), attribute.Version)
            : (type.Name, PolymorphicSerializationAttribute.GetTypeName(type.Name, 1), 1);
    }

    /// <summary>
    /// Gives the name, discriminator and version of a message's type.
    /// </summary>
    /// <param name="instance">The message.</param>
    /// <returns>The name, the discriminator, and the version.</returns>
    public static (string Name, string TypeName, int Version) GetPolymorphicTypeDiscriminator(this object instance)
        => instance is null ? throw new ArgumentNullException(nameof(instance)) : instance.GetType().GetPolymorphicTypeDiscriminator();
}
