namespace Lode;

using System.Text.Json;

/// <summary>
/// What the store recorded of a processed command (queries.md, Q-CMD-2): when, by whom, and
/// which stream versions it produced (<see cref="FirstVersion"/> to <see cref="LastVersion"/>).
/// </summary>
/// <param name="CommandId">The command id.</param>
/// <param name="CommandType">The command type, if given.</param>
/// <param name="ProcessedAt">When the append that recorded it committed (store clock, UTC).</param>
/// <param name="Actor">Who processed it (the given actor, else the first event's UserId).</param>
/// <param name="Partition">The stream's database.</param>
/// <param name="AggregateType">The stream's name.</param>
/// <param name="AggregateId">The stream's id.</param>
/// <param name="FirstVersion">The first version it produced.</param>
/// <param name="LastVersion">The last version it produced (below <paramref name="FirstVersion"/> when none).</param>
public sealed record CommandRecord(
    string CommandId,
    string? CommandType,
    DateTimeOffset ProcessedAt,
    string? Actor,
    string Partition,
    string AggregateType,
    string AggregateId,
    long FirstVersion,
    long LastVersion)
{
    /// <summary>
    /// Reads a command record from the JSON object the library returns.
    /// </summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The record.</returns>
    public static CommandRecord Parse(ReadOnlySpan<byte> json)
    {
        using JsonDocument document = JsonDocument.Parse(json.ToArray());
        JsonElement r = document.RootElement;
        string? Text(string name) => r.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        long Number(string name) => r.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
        return new CommandRecord(
            Text("CommandId") ?? string.Empty,
            Text("CommandType"),
            LodeTime.FromMicroseconds(Number("ProcessedAtUs")),
            Text("Actor"),
            Text("Partition") ?? string.Empty,
            Text("AggregateType") ?? string.Empty,
            Text("AggregateId") ?? string.Empty,
            Number("FirstVersion"),
            Number("LastVersion"));
    }
}
