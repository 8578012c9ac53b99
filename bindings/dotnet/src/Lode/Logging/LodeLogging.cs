namespace Lode.Logging;

using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

using Lode.Interop;

using Microsoft.Extensions.Logging;

/// <summary>
/// Routes the library's log events to the registered <see cref="ILoggerFactory"/>s. The
/// library has one process-wide log callback; this class owns it. Each event goes to the
/// logger of category <c>lode.{module}</c> (the library's target, <c>::</c> turned into
/// <c>.</c>) of every registered factory, at the matching <see cref="LogLevel"/>, with the
/// event's fields (PascalCase names: <c>StoreId</c>, <c>SessionId</c>, ...) as its state.
/// </summary>
public static unsafe class LodeLogging
{
    private static readonly Lock _gate = new();
    private static Registration[] _registrations = [];

    /// <summary>
    /// Routes the library's log events to <paramref name="loggerFactory"/> until the returned
    /// object is disposed. A <c>LodeEventStoreProvider</c> given a logger factory does this for it
    /// while it is open.
    /// </summary>
    /// <param name="loggerFactory">The factory.</param>
    /// <returns>Disposing it stops the routing to this factory.</returns>
    public static IDisposable AddLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Registration registration = new(loggerFactory);
        lock (_gate)
        {
            _registrations = [.. _registrations, registration];
            Apply();
        }

        return registration;
    }

    /// <summary>
    /// Re-reads which levels the registered factories enable and sets the library's filter
    /// accordingly (call it after changing the logging configuration at run time).
    /// </summary>
    public static void Refresh()
    {
        lock (_gate)
        {
            Apply();
        }
    }

    /// <summary>
    /// Maps a library level (<c>LODE_LOG_*</c>) to a <see cref="LogLevel"/>.
    /// </summary>
    /// <param name="level">The library level, 1 (error) to 5 (trace).</param>
    /// <returns>The log level.</returns>
    public static LogLevel ToLogLevel(int level) => level switch
    {
        1 => LogLevel.Error,
        2 => LogLevel.Warning,
        3 => LogLevel.Information,
        4 => LogLevel.Debug,
        _ => LogLevel.Trace,
    };

    /// <summary>
    /// Gives the <see cref="ILogger"/> category of a library target: <c>lode::store</c> gives
    /// <c>lode.store</c>.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <returns>The category.</returns>
    public static string Category(string target) => string.IsNullOrEmpty(target) ? "lode" : target.Replace("::", ".", StringComparison.Ordinal);

    /// <summary>
    /// Gives the state key of a library field: <c>store_id</c> gives <c>StoreId</c>.
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <returns>The key.</returns>
    public static string Key(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        StringBuilder b = new(field.Length);
        bool upper = true;
        foreach (char c in field)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            _ = b.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return b.ToString();
    }

    private static void Remove(Registration registration)
    {
        lock (_gate)
        {
            _registrations = [.. _registrations.Where(r => !ReferenceEquals(r, registration))];
            Apply();
        }
    }

    private static void Apply()
    {
        int level = 0;
        foreach (Registration r in _registrations)
        {
            level = Math.Max(level, r.MostVerboseLevel());
        }

        int status;
        nint error;
        if (level == 0)
        {
            status = NativeMethods.SetLogCallback(null, 0, 1, out error);
        }
        else
        {
            status = NativeMethods.SetLogCallback(&OnLog, 0, level, out error);
        }

        // A refusal means another tracing subscriber owns the events (a Rust host); nothing to do.
        _ = status;
        NativeMethods.ErrorFree(error);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(nint userData, int level, byte* target, byte* message, byte* fields)
    {
        try
        {
            Registration[] registrations = Volatile.Read(ref _registrations);
            if (registrations.Length == 0)
            {
                return;
            }

            LogLevel logLevel = ToLogLevel(level);
            string targetText = Marshal.PtrToStringUTF8((nint)target) ?? "lode";
            LodeLogState? state = null;
            foreach (Registration r in registrations)
            {
                ILogger logger = r.Logger(targetText);
                if (!logger.IsEnabled(logLevel))
                {
                    continue;
                }

                state ??= new LodeLogState(
                    targetText,
                    Marshal.PtrToStringUTF8((nint)message) ?? string.Empty,
                    Marshal.PtrToStringUTF8((nint)fields) ?? "{}");
                logger.Log(logLevel, default, state, null, static (s, _) => s.ToString());
            }
        }
#pragma warning disable CA1031 // Never let an exception cross into the library.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class Registration(ILoggerFactory factory) : IDisposable
    {
        private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);
        private int _disposed;

        public ILogger Logger(string target) => _loggers.GetOrAdd(target, static (t, f) => f.CreateLogger(Category(t)), factory);

        public int MostVerboseLevel()
        {
            ILogger probe = Logger("lode");
            for (int level = 5; level >= 1; level--)
            {
                if (probe.IsEnabled(ToLogLevel(level)))
                {
                    return level;
                }
            }

            return 0;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Remove(this);
            }
        }
    }
}

/// <summary>
/// The state of one library log event: its fields (PascalCase keys, numbers as
/// <see cref="long"/> or <see cref="double"/>), <c>Target</c>, and <c>{OriginalFormat}</c>.
/// </summary>
public sealed class LodeLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _entries;

    internal LodeLogState(string target, string message, string fieldsJson)
    {
        Target = target;
        Message = message;
        _entries = [];
        try
        {
            using JsonDocument document = JsonDocument.Parse(fieldsJson);
            foreach (JsonProperty p in document.RootElement.EnumerateObject())
            {
                object? value = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.TryGetInt64(out long n) ? (object)n : p.Value.GetDouble(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
                _entries.Add(new(LodeLogging.Key(p.Name), value));
            }
        }
        catch (JsonException)
        {
            _entries.Add(new("Fields", fieldsJson));
        }

        _entries.Add(new("Target", target));
        _entries.Add(new("{OriginalFormat}", message));
    }

    /// <summary>Gets the library's target, e.g. <c>lode::store</c>.</summary>
    public string Target { get; }

    /// <summary>Gets the library's message, e.g. <c>store opened</c>.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public KeyValuePair<string, object?> this[int index] => _entries[index];

    /// <summary>
    /// Gets the value of a field, by its state key (e.g. <c>StoreId</c>).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public object? Get(string key) => _entries.FirstOrDefault(e => e.Key == key).Value;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Gives the message followed by the fields: <c>store opened (StoreId=..., SessionId=...)</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        StringBuilder b = new(Message);
        int fields = _entries.Count - 2;
        if (fields > 0)
        {
            _ = b.Append(" (");
            for (int i = 0; i < fields; i++)
            {
                _ = b.Append(i == 0 ? string.Empty : ", ").Append(_entries[i].Key).Append('=').Append(Convert.ToString(_entries[i].Value, CultureInfo.InvariantCulture));
            }

            _ = b.Append(')');
        }

        return b.ToString();
    }
}
