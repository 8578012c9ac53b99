namespace Lode;

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

using Hexalith.EventStores.Configurations;

using Lode.Interop;

/// <summary>
/// An open store directory: opens streams (<see cref="LodeStore"/>) and answers the
/// cross-stream queries, on the library's bytes. Thread-safe. This is the lode-native layer;
/// <c>Hexalith.EventStores.LodeEventStoreProvider</c> is the Hexalith provider over it.
/// </summary>
public sealed unsafe partial class LodeProvider : IDisposable
{
    /// <summary>
    /// The C ABI version this binding was written for (<c>LODE_ABI_VERSION</c>).
    /// </summary>
    public const uint ExpectedAbiVersion = 1;

    private readonly ProviderHandle _handle;

    /// <summary>
    /// Initializes a new instance of the <see cref="LodeProvider"/> class: opens (creating if
    /// needed) the store directory at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The store directory.</param>
    /// <param name="settings">The default database and timeouts (the library's defaults when null).</param>
    /// <param name="lodeSettings">The storage settings (<see cref="LodeSettings.Path"/> is ignored here).</param>
    public LodeProvider(string path, EventStoreSettings? settings = null, LodeSettings? lodeSettings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckAbi();
        Path = path;
        DefaultDatabase = settings?.DefaultDatabase ?? "EventStores";
        byte[] json = SettingsJson(settings, lodeSettings);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument p = new(path, scratch);
        fixed (byte* pathPtr = p)
        fixed (byte* settingsPtr = json)
        {
            int status = NativeMethods.ProviderOpen(pathPtr, p.Length, settingsPtr, (nuint)json.Length, out ProviderHandle handle, out nint error);
            if (status != NativeMethods.Ok)
            {
                handle.Dispose();
                throw LodeErrors.Create(status, error);
            }

            _handle = handle;
        }
    }

    /// <summary>
    /// Upgrades the store directory at <paramref name="path"/> from on-disk format 1, 2, 3 or 4 to
    /// the format this library reads (5), in one transaction: a crash at any moment leaves the old
    /// format intact or format 5 complete. A directory already in format 5 is left as it is. No
    /// other process may use the directory meanwhile. Opening a directory in an older format
    /// throws a
    /// <see cref="LodeStorageException"/> whose code name is <c>FORMAT_UPGRADE_NEEDED</c>.
    /// </summary>
    /// <param name="path">The store directory.</param>
    /// <param name="lodeSettings">The storage settings (map size, modes); the library's defaults when null.</param>
    /// <returns>The format the directory was in.</returns>
    public static uint UpgradeDirectory(string path, LodeSettings? lodeSettings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckAbi();
        byte[] json = SettingsJson(null, lodeSettings);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument p = new(path, scratch);
        fixed (byte* pathPtr = p)
        fixed (byte* settingsPtr = json)
        {
            int status = NativeMethods.UpgradeDirectory(pathPtr, p.Length, settingsPtr, (nuint)json.Length, out uint from, out nint error);
            if (status != NativeMethods.Ok)
            {
                throw LodeErrors.Create(status, error);
            }

            return from;
        }
    }

    /// <summary>
    /// Gets the library's version, e.g. <c>0.1.0</c>.
    /// </summary>
    public static string LibraryVersion => Marshal.PtrToStringUTF8((nint)NativeMethods.Version()) ?? string.Empty;

    /// <summary>
    /// Gets the C ABI version of the loaded library.
    /// </summary>
    public static uint AbiVersion => NativeMethods.AbiVersion();

    /// <summary>
    /// Gets the store directory.
    /// </summary>
    public string Path { get; }

    /// <summary>
    /// Gets the database of streams opened without one.
    /// </summary>
    public string DefaultDatabase { get; }

    /// <summary>
    /// Gets a value indicating whether the provider was disposed.
    /// </summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>
    /// Opens the stream <c>(database, name, id)</c>: takes its lease for
    /// <paramref name="sessionTimeout"/>, blocking this thread up to
    /// <paramref name="openTimeout"/> while another live session holds it.
    /// </summary>
    /// <param name="database">The database (<see langword="null"/>: the default).</param>
    /// <param name="name">The stream name (aggregate type).</param>
    /// <param name="id">The stream id (aggregate id).</param>
    /// <param name="sessionTimeout">The session timeout (<see langword="null"/>: the provider's default).</param>
    /// <param name="openTimeout">The open timeout (zero: try once; <see langword="null"/>: the provider's default).</param>
    /// <returns>The open store.</returns>
    public LodeStore OpenStore(string? database, string name, string id, TimeSpan? sessionTimeout = null, TimeSpan? openTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        Span<byte> s1 = stackalloc byte[256];
        Span<byte> s2 = stackalloc byte[256];
        Span<byte> s3 = stackalloc byte[256];
        using Utf8Argument d = new(database, s1);
        using Utf8Argument n = new(name, s2);
        using Utf8Argument i = new(id, s3);
        fixed (byte* dp = d)
        fixed (byte* np = n)
        fixed (byte* ip = i)
        {
            int status = NativeMethods.StoreOpen(_handle, dp, d.Length, np, n.Length, ip, i.Length, Milliseconds(sessionTimeout), Milliseconds(openTimeout), out StoreHandle store, out nint error);
            if (status != NativeMethods.Ok)
            {
                store.Dispose();
                throw LodeErrors.Create(status, error);
            }

            return new LodeStore(store, database ?? DefaultDatabase, name, id);
        }
    }

    /// <summary>
    /// Reads the global log from a position (Q-LOG-2).
    /// </summary>
    /// <param name="fromPosition">The first position (inclusive; positions start at 1).</param>
    /// <param name="max">The largest number of records.</param>
    /// <returns>The records, ascending.</returns>
    public MessageBuffer ReadLog(long fromPosition, long max)
    {
        LodeErrors.Check(NativeMethods.ProviderReadLog(_handle, fromPosition, max, out BufferHandle buffer, out nint error), error);
        return new MessageBuffer(buffer);
    }

    /// <summary>
    /// Reads the events of a type, optionally of one schema version only (Q-Q-1).
    /// </summary>
    /// <param name="eventType">The event type (<c>Metadata.Message.Name</c>).</param>
    /// <param name="eventVersion">The schema version, or <see langword="null"/> for any.</param>
    /// <param name="fromPosition">The first global position.</param>
    /// <param name="max">The largest number of records.</param>
    /// <returns>The records, ascending.</returns>
    public MessageBuffer EventsByType(string eventType, int? eventVersion, long fromPosition, long max)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument t = new(eventType, scratch);
        fixed (byte* tp = t)
        {
            LodeErrors.Check(NativeMethods.ProviderEventsByType(_handle, tp, t.Length, eventVersion ?? -1, fromPosition, max, out BufferHandle buffer, out nint error), error);
            return new MessageBuffer(buffer);
        }
    }

    /// <summary>
    /// Reads the events the store recorded in <c>[from, to)</c>, by its own clock (Q-Q-2).
    /// </summary>
    /// <param name="from">The start (inclusive).</param>
    /// <param name="to">The end (exclusive).</param>
    /// <param name="max">The largest number of records.</param>
    /// <returns>The records, ascending.</returns>
    public MessageBuffer EventsByTime(DateTimeOffset from, DateTimeOffset to, long max)
    {
        LodeErrors.Check(NativeMethods.ProviderEventsByTime(_handle, LodeTime.ToMicroseconds(from), LodeTime.ToMicroseconds(to), max, out BufferHandle buffer, out nint error), error);
        return new MessageBuffer(buffer);
    }

    /// <summary>
    /// Reads the events of a correlation id (Q-Q-3).
    /// </summary>
    /// <param name="correlationId">The correlation id (<c>Metadata.Context.CorrelationId</c>).</param>
    /// <param name="fromPosition">The first global position.</param>
    /// <param name="max">The largest number of records.</param>
    /// <returns>The records, ascending.</returns>
    public MessageBuffer EventsByCorrelation(string correlationId, long fromPosition, long max)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument c = new(correlationId, scratch);
        fixed (byte* cp = c)
        {
            LodeErrors.Check(NativeMethods.ProviderEventsByCorrelation(_handle, cp, c.Length, fromPosition, max, out BufferHandle buffer, out nint error), error);
            return new MessageBuffer(buffer);
        }
    }

    /// <summary>
    /// Reads the events of one stream after a version, without a session (Q-Q-4).
    /// </summary>
    /// <param name="database">The database (<see langword="null"/>: the default).</param>
    /// <param name="name">The stream name.</param>
    /// <param name="id">The stream id.</param>
    /// <param name="sinceVersion">The version after which to read.</param>
    /// <param name="max">The largest number of records.</param>
    /// <returns>The records, ascending.</returns>
    public MessageBuffer StreamEventsSince(string? database, string name, string id, long sinceVersion, long max)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> s1 = stackalloc byte[256];
        Span<byte> s2 = stackalloc byte[256];
        Span<byte> s3 = stackalloc byte[256];
        using Utf8Argument d = new(database, s1);
        using Utf8Argument n = new(name, s2);
        using Utf8Argument i = new(id, s3);
        fixed (byte* dp = d)
        fixed (byte* np = n)
        fixed (byte* ip = i)
        {
            LodeErrors.Check(NativeMethods.ProviderStreamEventsSince(_handle, dp, d.Length, np, n.Length, ip, i.Length, sinceVersion, max, out BufferHandle buffer, out nint error), error);
            return new MessageBuffer(buffer);
        }
    }

    /// <summary>
    /// Tells whether a command id was recorded (Q-CMD-2).
    /// </summary>
    /// <param name="commandId">The command id.</param>
    /// <returns><see langword="true"/> if it was.</returns>
    public bool CommandProcessed(string commandId)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument c = new(commandId, scratch);
        fixed (byte* cp = c)
        {
            LodeErrors.Check(NativeMethods.ProviderCommandProcessed(_handle, cp, c.Length, out bool processed, out nint error), error);
            return processed;
        }
    }

    /// <summary>
    /// Gets the record of a command id (Q-CMD-2).
    /// </summary>
    /// <param name="commandId">The command id.</param>
    /// <returns>The record.</returns>
    /// <exception cref="Hexalith.EventStores.Exceptions.StreamIdempotencyIdNotFoundException">It was never recorded.</exception>
    public CommandRecord GetCommand(string commandId)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        Span<byte> scratch = stackalloc byte[512];
        using Utf8Argument c = new(commandId, scratch);
        fixed (byte* cp = c)
        {
            LodeErrors.Check(NativeMethods.ProviderCommandRecord(_handle, cp, c.Length, out BufferHandle buffer, out nint error), error);
            using (buffer)
            {
                return CommandRecord.Parse(new ReadOnlySpan<byte>(NativeMethods.BufferData(buffer), checked((int)NativeMethods.BufferLength(buffer))));
            }
        }
    }

    /// <summary>
    /// Releases the provider. Stores opened from it stay usable until disposed.
    /// </summary>
    public void Dispose() => _handle.Dispose();

    internal static long Milliseconds(TimeSpan? timeout)
    {
        if (timeout is not TimeSpan t)
        {
            return NativeMethods.Default;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
        return (long)Math.Ceiling(t.TotalMilliseconds);
    }

    private static void CheckAbi()
    {
        uint abi = NativeMethods.AbiVersion();
        if (abi != ExpectedAbiVersion)
        {
            throw new DllNotFoundException($"The loaded lode library implements C ABI version {abi}; this binding needs version {ExpectedAbiVersion}. Set {NativeLibraryLoader.EnvironmentVariable} to a matching liblode.");
        }
    }

    internal static byte[] SettingsJson(EventStoreSettings? settings, LodeSettings? lode)
    {
        ArrayBufferWriter<byte> buffer = new(256);
        using (Utf8JsonWriter w = new(buffer))
        {
            w.WriteStartObject();
            if (settings is not null)
            {
                if (!string.IsNullOrEmpty(settings.DefaultDatabase))
                {
                    w.WriteString("default_database", settings.DefaultDatabase);
                }

                w.WriteNumber("default_open_timeout_ms", Milliseconds(settings.DefaultOpenTimeout));
                w.WriteNumber("default_session_timeout_ms", Milliseconds(settings.DefaultSessionTimeout));
            }

            if (lode is not null)
            {
                if (lode.Durability is LodeDurability durability)
                {
                    w.WriteString("durability", durability switch
                    {
                        LodeDurability.Full => "full",
                        LodeDurability.NoMetaSync => "no_meta_sync",
                        LodeDurability.NoSync => "no_sync",
                        _ => throw new ArgumentOutOfRangeException(nameof(lode), durability, "Unknown durability."),
                    });
                }

                WriteIfSet(w, "initial_map_size", lode.InitialMapSize);
                WriteIfSet(w, "max_map_size", lode.MaxMapSize);
                WriteIfSet(w, "file_mode", LodeSettings.ParseMode(lode.FileMode, nameof(LodeSettings.FileMode)));
                WriteIfSet(w, "directory_mode", LodeSettings.ParseMode(lode.DirectoryMode, nameof(LodeSettings.DirectoryMode)));
                WriteIfSet(w, "max_readers", lode.MaxReaders);
                WriteIfSet(w, "index_lag", lode.IndexLag);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
