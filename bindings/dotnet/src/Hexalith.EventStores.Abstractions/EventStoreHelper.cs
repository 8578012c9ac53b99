namespace Hexalith.EventStores;

using System.Diagnostics.CodeAnalysis;

using Hexalith.Commons.Metadatas;
using Hexalith.Commons.UniqueIds;
using Hexalith.PolymorphicSerializations;

/// <summary>
/// Builds <see cref="EventMessage"/>s.
/// </summary>
public static class EventStoreHelper
{
    /// <summary>
    /// Builds a message from an event and its two metadata parts.
    /// </summary>
    /// <param name="messageEvent">The event.</param>
    /// <param name="message">The message metadata.</param>
    /// <param name="context">The context metadata.</param>
    /// <returns>The message.</returns>
    public static EventMessage CreateMessage(this Polymorphic messageEvent, MessageMetadata message, ContextMetadata context)
        => new(messageEvent, new Metadata(message, context));

    /// <summary>
    /// Builds a message for an event: a new message id (also the correlation id), the event's
    /// type name and version, its aggregate (from <c>DomainId</c> / <c>DomainName</c>), the
    /// current local time.
    /// </summary>
    /// <param name="messageEvent">The event.</param>
    /// <param name="sequenceNumber">The version the event must receive in its stream, to check it; <see langword="null"/>: the next one.</param>
    /// <param name="userId">The user.</param>
    /// <param name="partitionId">The partition.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> by default).</param>
    /// <returns>The message.</returns>
    public static EventMessage CreateMessage(
        this Polymorphic messageEvent,
        long? sequenceNumber = null,
        string userId = "system",
        string partitionId = "default",
        TimeProvider? timeProvider = null)
    {
        MessageMetadata message = messageEvent.CreateMessageMetadata(timeProvider);
        ContextMetadata context = new(message.Id, userId, partitionId, message.CreatedDate, null, sequenceNumber, null, null, []);
        return new EventMessage(messageEvent, new Metadata(message, context));
    }

    /// <summary>
    /// Builds the message metadata of an object: a new id, its type name and version, its
    /// aggregate, the current local time.
    /// </summary>
    /// <param name="message">The object.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> by default).</param>
    /// <returns>The metadata.</returns>
    public static MessageMetadata CreateMessageMetadata([NotNull] this object message, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        (string name, string _, int version) = message.GetType().GetPolymorphicTypeDiscriminator();
        return new MessageMetadata(
            UniqueIdHelper.GenerateUniqueStringId(),
            name,
            version,
            message.CreateDomainMetadata(),
            (timeProvider ?? TimeProvider.System).GetLocalNow());
    }
}
