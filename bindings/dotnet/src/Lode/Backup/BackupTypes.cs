namespace Lode;

using System.Text.Json;

/// <summary>
/// How a backup copies (<c>lode_provider_backup</c>'s options).
/// </summary>
public sealed record BackupOptions
{
    /// <summary>
    /// Gets a value indicating whether free pages are left out: a smaller copy; its progress
    /// total is then an estimate.
    /// </summary>
    public bool Compact { get; init; }

    /// <summary>
    /// Gets a value indicating whether the copy is verified before it is renamed into place (a
    /// copy that does not verify is removed and the backup fails).
    /// </summary>
    public bool Verify { get; init; }

    /// <summary>
    /// Gets the largest write rate of the copy in bytes per second (<see langword="null"/>: as
    /// fast as the disks go). A slower backup holds its read snapshot longer.
    /// </summary>
    public long? MaxBytesPerSecond { get; init; }

    internal byte[] ToJson()
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter w = new(stream))
        {
            w.WriteStartObject();
            w.WriteBoolean("compact", Compact);
            w.WriteBoolean("verify", Verify);
            if (MaxBytesPerSecond is long rate)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(MaxBytesPerSecond));
                w.WriteNumber("max_bytes_per_second", rate);
            }

            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}

/// <summary>
/// Progress of a backup: <see cref="Done"/> bytes copied of <see cref="Total"/> (the data's
/// size when the copy started; for a compacted copy an estimate; equal to <see cref="Done"/>
/// in the last report).
/// </summary>
/// <param name="Done">Bytes copied so far.</param>
/// <param name="Total">Bytes the copy will have.</param>
public readonly record struct BackupProgress(long Done, long Total)
{
    /// <summary>
    /// Gets <see cref="Done"/> / <see cref="Total"/> (1 for an empty total).
    /// </summary>
    public double Fraction => Total > 0 ? (double)Done / Total : 1.0;
}

/// <summary>
/// What a backup holds (its <c>backup.json</c>): exactly the events at positions
/// <c>1..Position</c> of its source.
/// </summary>
/// <param name="Path">The backup directory.</param>
/// <param name="Source">The store directory it was copied from.</param>
/// <param name="Position">The global log position the copy holds.</param>
/// <param name="Bytes">Bytes of the copy's data.</param>
/// <param name="Compacted">Whether free pages were left out.</param>
/// <param name="Verified">Whether the copy was verified before it was renamed into place.</param>
/// <param name="CreatedAt">When the copy was finished (UTC).</param>
/// <param name="LibraryVersion">The library version that wrote it.</param>
/// <param name="Backend">The storage backend (<c>lmdb</c>).</param>
/// <param name="FormatVersion">The backend's on-disk format version.</param>
public sealed record BackupInfo(
    string Path,
    string Source,
    long Position,
    long Bytes,
    bool Compacted,
    bool Verified,
    DateTimeOffset CreatedAt,
    string LibraryVersion,
    string Backend,
    int FormatVersion)
{
    internal static BackupInfo Parse(JsonElement e) => new(
        Json.Text(e, "path"),
        Json.Text(e, "source"),
        Json.Int(e, "position"),
        Json.Int(e, "bytes"),
        Json.Bool(e, "compacted"),
        Json.Bool(e, "verified"),
        LodeTime.FromMicroseconds(Json.Int(e, "created_at_us")),
        Json.Text(e, "library_version"),
        Json.Text(e, "backend"),
        checked((int)Json.Int(e, "format_version")));
}

/// <summary>
/// One broken invariant and where.
/// </summary>
/// <param name="Kind">What breaks: <c>Damaged</c>, <c>Stream</c>, <c>Log</c>, <c>MissingIndexEntry</c>, <c>ExtraIndexEntry</c>, <c>Command</c>, <c>Snapshot</c>, <c>Mismatch</c>.</param>
/// <param name="Place">Where, in words.</param>
/// <param name="Detail">What is wrong there.</param>
/// <param name="StoreId">The stream (<c>database/name/id</c>), when the problem names one.</param>
/// <param name="Version">The stream version, when there is one.</param>
/// <param name="Position">The global log position, when there is one.</param>
public sealed record VerifyProblem(string Kind, string Place, string Detail, string? StoreId, long? Version, long? Position)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} at {Place}: {Detail}";

    internal static IReadOnlyList<VerifyProblem> ParseAll(JsonElement e)
        => [.. e.GetProperty("problems").EnumerateArray().Select(p => new VerifyProblem(
            Json.Text(p, "kind"),
            Json.Text(p, "place"),
            Json.Text(p, "detail"),
            Json.OptionalText(p, "store_id"),
            Json.OptionalInt(p, "version"),
            Json.OptionalInt(p, "position")))];
}

/// <summary>
/// What verify checked (the counts) and found: <see cref="Ok"/> when every invariant holds,
/// else <see cref="Problems"/> lists the first 100 of <see cref="ProblemCount"/>.
/// </summary>
/// <param name="Ok">Whether every invariant holds.</param>
/// <param name="Streams">Streams checked.</param>
/// <param name="Events">Events checked.</param>
/// <param name="LogEntries">Log entries checked.</param>
/// <param name="IndexEntries">Index entries checked.</param>
/// <param name="Commands">Command records checked.</param>
/// <param name="Leases">Leases checked.</param>
/// <param name="Snapshots">Snapshots checked.</param>
/// <param name="Position">The log position of the snapshot that was checked.</param>
/// <param name="ProblemCount">Problems found in all.</param>
/// <param name="Problems">The first problems, in the order found.</param>
public sealed record VerifyReport(
    bool Ok,
    long Streams,
    long Events,
    long LogEntries,
    long IndexEntries,
    long Commands,
    long Leases,
    long Snapshots,
    long Position,
    long ProblemCount,
    IReadOnlyList<VerifyProblem> Problems)
{
    internal static VerifyReport Parse(JsonElement e) => new(
        Json.Bool(e, "ok"),
        Json.Int(e, "streams"),
        Json.Int(e, "events"),
        Json.Int(e, "log_entries"),
        Json.Int(e, "index_entries"),
        Json.Int(e, "commands"),
        Json.Int(e, "leases"),
        Json.Int(e, "snapshots"),
        Json.Int(e, "position"),
        Json.Int(e, "problem_count"),
        VerifyProblem.ParseAll(e));
}

/// <summary>
/// What a check of a backup against its source found: <see cref="Ok"/> when the copy verifies
/// (<see cref="Backup"/>) and agrees with its source up to <see cref="Position"/>.
/// </summary>
/// <param name="Ok">Whether the backup is good.</param>
/// <param name="Path">The backup directory.</param>
/// <param name="Position">The position the copy holds (its own log head).</param>
/// <param name="Recorded">What its <c>backup.json</c> records, if it has one.</param>
/// <param name="SourcePosition">The source's log head when it was checked.</param>
/// <param name="EventsCompared">Events compared byte for byte.</param>
/// <param name="CommandsCompared">Command records compared.</param>
/// <param name="Backup">The copy's own verify report.</param>
/// <param name="ProblemCount">Disagreements found in all.</param>
/// <param name="Problems">The first disagreements.</param>
public sealed record BackupCheck(
    bool Ok,
    string Path,
    long Position,
    BackupInfo? Recorded,
    long SourcePosition,
    long EventsCompared,
    long CommandsCompared,
    VerifyReport Backup,
    long ProblemCount,
    IReadOnlyList<VerifyProblem> Problems)
{
    internal static BackupCheck Parse(JsonElement e) => new(
        Json.Bool(e, "ok"),
        Json.Text(e, "path"),
        Json.Int(e, "position"),
        e.TryGetProperty("recorded", out JsonElement r) && r.ValueKind == JsonValueKind.Object ? BackupInfo.Parse(r) : null,
        Json.Int(e, "source_position"),
        Json.Int(e, "events_compared"),
        Json.Int(e, "commands_compared"),
        VerifyReport.Parse(e.GetProperty("backup")),
        Json.Int(e, "problem_count"),
        VerifyProblem.ParseAll(e));
}

/// <summary>
/// Reading the small JSON objects of backup and verify; a wrong shape is a
/// <see cref="LodeSerializationException"/>.
/// </summary>
internal static class Json
{
    public static T Parse<T>(ReadOnlySpan<byte> data, string what, Func<JsonElement, T> parse)
    {
        try
        {
            Utf8JsonReader reader = new(data);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new LodeSerializationException($"Serialization error in {what}: {e.Message}", what, null, e.Message, e);
        }
    }

    public static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");

    public static string? OptionalText(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long Int(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    public static long? OptionalInt(JsonElement e, string name)
        => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    public static bool Bool(JsonElement e, string name) => e.GetProperty(name).GetBoolean();
}
