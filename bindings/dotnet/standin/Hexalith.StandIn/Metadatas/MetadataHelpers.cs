// STAND-IN for Hexalith.Commons.Metadatas (see standin/README.md).
namespace Hexalith.Commons.Metadatas;

using System.Diagnostics.CodeAnalysis;
using System.Reflection;

using Hexalith.Commons.UniqueIds;
using Hexalith.PolymorphicSerializations;

/// <summary>
/// Builds metadata from message objects.
/// </summary>
public static class MetadataHelpers
{
    /// <summary>
    /// The name of the instance property that gives a message's aggregate identifier.
    /// </summary>
    public const string DomainIdentifierPropertyName = "DomainId";

    /// <summary>
    /// The name of the (instance or static) property that gives a message's aggregate type name.
    /// </summary>
    public const string DomainNamePropertyName = "DomainName";

    /// <summary>
    /// Reads the aggregate of a message from its <c>DomainId</c> and <c>DomainName</c> properties.
    /// </summary>
    /// <param name="instance">The message.</param>
    /// <returns>The aggregate identity.</returns>
    /// <exception cref="InvalidOperationException">One of the two properties is missing or null.</exception>
    public static DomainMetadata CreateDomainMetadata([NotNull] this object instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        Type type = instance.GetType();
        string? id = ReadProperty(type, instance, DomainIdentifierPropertyName);
        string? name = ReadProperty(type, instance, DomainNamePropertyName);
        if (id is null || name is null)
        {
            throw new InvalidOperationException(
                $"The message type '{type.FullName}' must have the properties {DomainIdentifierPropertyName} and {DomainNamePropertyName} with non-null values to build its domain metadata.");
        }

        return new DomainMetadata(id, name);
    }

    /// <summary>
    /// Builds the message metadata of a message created at a given time.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="dateTimeOffset">Its creation time.</param>
    /// <returns>The message metadata, with a new unique id.</returns>
    public static MessageMetadata CreateMessageMetadata([NotNull] this object message, DateTimeOffset dateTimeOffset)
    {
        ArgumentNullException.ThrowIfNull(message);
        (string name, string _, int version) = message.GetPolymorphicTypeDiscriminator();
        return new MessageMetadata(UniqueIdHelper.GenerateUniqueStringId(), name, version, message.CreateDomainMetadata(), dateTimeOffset);
    }

    /// <summary>
    /// Builds the metadata of a new message that keeps the context of another one.
    /// </summary>
    /// <param name="message">The new message.</param>
    /// <param name="metadata">The metadata whose context is kept.</param>
    /// <param name="dateTime">The new message's creation time.</param>
    /// <returns>The metadata.</returns>
    public static Metadata CreateMetadata(this object message, Metadata metadata, DateTimeOffset dateTime)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(metadata);
        return new Metadata(message.CreateMessageMetadata(dateTime), metadata.Context);
    }

    /// <summary>
    /// Builds the metadata of a new message with a new context.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="userId">The user identifier.</param>
    /// <param name="partitionId">The partition identifier.</param>
    /// <param name="dateTime">The creation (and received) time.</param>
    /// <returns>The metadata; the correlation id is the message id.</returns>
    public static Metadata CreateMetadata(this object message, string userId, string partitionId, DateTimeOffset dateTime)
    {
        ArgumentNullException.ThrowIfNull(message);
        MessageMetadata described = message.CreateMessageMetadata(dateTime);
        return new Metadata(described, new ContextMetadata(described.Id, userId, partitionId, dateTime, null, null, null, null, []));
    }

    /// <summary>
    /// Builds the metadata of a new message with a new context and a session identifier.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="userId">The user identifier.</param>
    /// <param name="partitionId">The partition identifier.</param>
    /// <param name="sessionId">The session identifier.</param>
    /// <param name="dateTime">The creation (and received) time.</param>
    /// <returns>The metadata.</returns>
    public static Metadata CreateNew(object message, string userId, string partitionId, string sessionId, DateTimeOffset dateTime)
    {
        ArgumentNullException.ThrowIfNull(message);
        MessageMetadata described = message.CreateMessageMetadata(dateTime);
        return new Metadata(described, new ContextMetadata(described.Id, userId, partitionId, dateTime, null, null, null, sessionId, []));
    }

    private static string? ReadProperty(Type type, object instance, string name)
    {
        PropertyInfo? property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is not null)
        {
            return property.GetValue(instance)?.ToString();
        }

        for (Type? current = type; current is not null; current = current.BaseType)
        {
            property = current.GetProperty(name, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy);
            if (property is not null)
            {
                return property.GetValue(null)?.ToString();
            }
        }

        return null;
    }
}
