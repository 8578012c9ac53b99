namespace Lode;

using System.Buffers;
using System.Text.Json;

/// <summary>
/// One event type a subscription asks for (<c>Metadata.Message.Name</c>), at one event version
/// (<c>Metadata.Message.Version</c>) or any.
/// </summary>
/// <param name="Type">The event type.</param>
/// <param name="Version">The event version, or <see langword="null"/> for any.</param>
public sealed record EventTypeFilter(string Type, int? Version = null);

/// <summary>
/// One stream <c>(database, name, id)</c> a subscription follows.
/// </summary>
/// <param name="Database">The database (<see langword="null"/>: the provider's default).</param>
/// <param name="Name">The stream name (aggregate type).</param>
/// <param name="Id">The stream id (aggregate id).</param>
public sealed record StreamFilter(string? Database, string Name, string Id);

/// <summary>
/// What a subscription delivers (S-SUB-3): every part given must match; several event types
/// match any of them. The default matches every event.
/// </summary>
public sealed record SubscriptionFilter
{
    /// <summary>Gets the filter that matches every event.</summary>
    public static SubscriptionFilter All { get; } = new();

    /// <summary>Gets the stream to follow, if any.</summary>
    public StreamFilter? Stream { get; init; }

    /// <summary>Gets the stream name (aggregate type, or category) to follow in any database, if any.</summary>
    public string? AggregateType { get; init; }

    /// <summary>Gets the event types to deliver (any of them); empty or <see langword="null"/>: every type.</summary>
    public IReadOnlyList<EventTypeFilter>? EventTypes { get; init; }

    /// <summary>Gets the correlation id (<c>Metadata.Context.CorrelationId</c>) to follow, if any.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// Writes the filter as the JSON object <c>lode_subscription_open</c> takes.
    /// </summary>
    /// <returns>The UTF-8 JSON.</returns>
    public byte[] ToJson()
    {
        ArrayBufferWriter<byte> buffer = new(128);
        using (Utf8JsonWriter w = new(buffer))
        {
            w.WriteStartObject();
            if (Stream is StreamFilter s)
            {
                w.WriteStartObject("stream");
                if (s.Database is not null)
                {
                    w.WriteString("database", s.Database);
                }

                w.WriteString("name", s.Name ?? throw new ArgumentException("A stream filter needs a name.", nameof(Stream)));
                w.WriteString("id", s.Id ?? throw new ArgumentException("A stream filter needs an id.", nameof(Stream)));
                w.WriteEndObject();
            }

            if (AggregateType is not null)
            {
                w.WriteString("aggregate_type", AggregateType);
            }

            if (EventTypes is { Count: > 0 })
            {
                w.WriteStartArray("event_types");
                foreach (EventTypeFilter t in EventTypes)
                {
                    ArgumentNullException.ThrowIfNull(t, nameof(EventTypes));
                    w.WriteStartObject();
                    w.WriteString("type", t.Type ?? throw new ArgumentException("An event type filter needs a type.", nameof(EventTypes)));
                    if (t.Version is int v)
                    {
                        w.WriteNumber("version", v);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (CorrelationId is not null)
            {
                w.WriteString("correlation_id", CorrelationId);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
