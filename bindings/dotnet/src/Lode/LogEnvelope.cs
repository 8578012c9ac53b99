namespace Lode;

using System.Text.Json;

/// <summary>
/// What the store records of every event besides its message (queries.md, "Envelope"): its
/// global position, the store's own commit time, its stream, and the identity fields of its
/// metadata.
/// </summary>
public record LogEnvelope
{
    /// <summary>Gets the global position (1, 2, 3, ... across the directory, in commit order).</summary>
    public long Position { get; init; }

    /// <summary>Gets when the store committed the event (its own UTC clock).</summary>
    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Gets the stream's database (partition).</summary>
    public string Partition { get; init; } = string.Empty;

    /// <summary>Gets the stream's name (aggregate type).</summary>
    public string AggregateType { get; init; } = string.Empty;

    /// <summary>Gets the stream's id (aggregate id).</summary>
    public string AggregateId { get; init; } = string.Empty;

    /// <summary>Gets the event's version in its stream.</summary>
    public long AggregateVersion { get; init; }

    /// <summary>Gets the event id (<c>Metadata.Message.Id</c>).</summary>
    public string EventId { get; init; } = string.Empty;

    /// <summary>Gets the event type (<c>Metadata.Message.Name</c>).</summary>
    public string EventType { get; init; } = string.Empty;

    /// <summary>Gets the event schema version (<c>Metadata.Message.Version</c>).</summary>
    public int EventVersion { get; init; }

    /// <summary>Gets the actor (<c>Metadata.Context.UserId</c>).</summary>
    public string? Actor { get; init; }

    /// <summary>Gets the actor type (<c>Metadata.Context.ActorType</c>), if given.</summary>
    public string? ActorType { get; init; }

    /// <summary>Gets the source (<c>Metadata.Context.Source</c>), if given.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the correlation id (<c>Metadata.Context.CorrelationId</c>).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the causation id (<c>Metadata.Context.CausationId</c>), if given.</summary>
    public string? CausationId { get; init; }

    /// <summary>
    /// Reads the envelope of one query record (its <c>Message</c> member is skipped).
    /// </summary>
    /// <param name="record">The record's JSON.</param>
    /// <returns>The envelope.</returns>
    public static LogEnvelope Parse(ReadOnlySpan<byte> record)
    {
        Utf8JsonReader reader = new(record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new LodeSerializationException("A query record is not a JSON object.");
        }

        long position = 0, recordedAtUs = 0, aggregateVersion = 0;
        int eventVersion = 0;
        string partition = string.Empty, aggregateType = string.Empty, aggregateId = string.Empty, eventId = string.Empty, eventType = string.Empty;
        string? actor = null, actorType = null, source = null, correlationId = null, causationId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            _ = reader.Read();
            switch (name)
            {
                case "Position": position = reader.GetInt64(); break;
                case "RecordedAtUs": recordedAtUs = reader.GetInt64(); break;
                case "Partition": partition = reader.GetString() ?? string.Empty; break;
                case "AggregateType": aggregateType = reader.GetString() ?? string.Empty; break;
                case "AggregateId": aggregateId = reader.GetString() ?? string.Empty; break;
                case "AggregateVersion": aggregateVersion = reader.GetInt64(); break;
                case "EventId": eventId = reader.GetString() ?? string.Empty; break;
                case "EventType": eventType = reader.GetString() ?? string.Empty; break;
                case "EventVersion": eventVersion = reader.GetInt32(); break;
                case "Actor": actor = reader.GetString(); break;
                case "ActorType": actorType = reader.GetString(); break;
                case "Source": source = reader.GetString(); break;
                case "CorrelationId": correlationId = reader.GetString(); break;
                case "CausationId": causationId = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return new LogEnvelope
        {
            Position = position,
            RecordedAt = LodeTime.FromMicroseconds(recordedAtUs),
            Partition = partition,
            AggregateType = aggregateType,
            AggregateId = aggregateId,
            AggregateVersion = aggregateVersion,
            EventId = eventId,
            EventType = eventType,
            EventVersion = eventVersion,
            Actor = actor,
            ActorType = actorType,
            Source = source,
            CorrelationId = correlationId,
            CausationId = causationId,
        };
    }
}
