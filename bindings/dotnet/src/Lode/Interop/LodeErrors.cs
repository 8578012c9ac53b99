namespace Lode.Interop;

using System.Runtime.InteropServices;
using System.Text.Json;

using Hexalith.EventStores.Exceptions;

/// <summary>
/// Turns a failed call's status and <c>lode_error</c> into the exception of its kind, with
/// the error's fields as properties. Every exception also carries <c>lode.status</c>,
/// <c>lode.kind</c> and <c>lode.details</c> (the fields as JSON) in <see cref="Exception.Data"/>.
/// </summary>
internal static unsafe class LodeErrors
{
    /// <summary>
    /// The <see cref="Exception.Data"/> key of the status code (an <see cref="int"/>).
    /// </summary>
    internal const string StatusKey = "lode.status";

    /// <summary>
    /// The <see cref="Exception.Data"/> key of the error kind (e.g. <c>VersionMismatch</c>).
    /// </summary>
    internal const string KindKey = "lode.kind";

    /// <summary>
    /// The <see cref="Exception.Data"/> key of the error's fields, as JSON.
    /// </summary>
    internal const string DetailsKey = "lode.details";

    /// <summary>
    /// Throws the exception of a failed status; frees <paramref name="error"/> in every case.
    /// </summary>
    /// <param name="status">The returned status.</param>
    /// <param name="error">The <c>lode_error *</c> (may be zero).</param>
    public static void Check(int status, nint error)
    {
        if (status != NativeMethods.Ok)
        {
            throw Create(status, error);
        }

        NativeMethods.ErrorFree(error);
    }

    /// <summary>
    /// Builds the exception of a failed status and frees <paramref name="error"/>.
    /// </summary>
    /// <param name="status">The returned status.</param>
    /// <param name="error">The <c>lode_error *</c> (may be zero).</param>
    /// <returns>The exception.</returns>
    public static Exception Create(int status, nint error)
    {
        try
        {
            if (error == 0)
            {
                return FromDetails(status, $"The lode call failed with {StatusName(status)}.", "{}");
            }

            int code = NativeMethods.ErrorCode(error);
            string message = Marshal.PtrToStringUTF8((nint)NativeMethods.ErrorMessage(error)) ?? string.Empty;
            string details = Marshal.PtrToStringUTF8((nint)NativeMethods.ErrorDetails(error)) ?? "{}";
            return FromDetails(code, message, details);
        }
        finally
        {
            NativeMethods.ErrorFree(error);
        }
    }

    /// <summary>
    /// The name of a status code, e.g. <c>LODE_VERSION_MISMATCH</c>.
    /// </summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string StatusName(int status) => Marshal.PtrToStringUTF8((nint)NativeMethods.StatusName(status)) ?? "LODE_UNKNOWN";

    /// <summary>
    /// Builds the exception of a status from its message and fields.
    /// </summary>
    /// <param name="status">The status code.</param>
    /// <param name="message">The library's message.</param>
    /// <param name="details">The fields as a JSON object.</param>
    /// <returns>The exception.</returns>
    internal static Exception FromDetails(int status, string message, string details)
    {
        JsonElement f;
        try
        {
            using JsonDocument document = JsonDocument.Parse(details);
            f = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            f = default;
        }

        Exception exception = (LodeStatus)status switch
        {
            LodeStatus.VersionMismatch => new StoreVersionMismatchException(
                message, Text(f, "store_id"), Int(f, "expected_version") ?? 0, Int(f, "actual_version") ?? 0, Text(f, "message_id"), null),
            LodeStatus.StoreNotOpen => new StoreNotOpenException(message, Text(f, "store_id"), null, Text(f, "operation")),
            LodeStatus.SessionExpired => new StoreSessionExpiredException(message, Text(f, "store_id"), Text(f, "session_id"), Time(f, "expired_at_us")),
            LodeStatus.InvalidSession => new InvalidStoreSessionException(message, Text(f, "store_id"), Text(f, "session_id"), Text(f, "holder_session_id")),
            LodeStatus.OpenStoreFailed => new OpenStoreFailedException(
                message,
                Text(f, "store_id"),
                Int(f, "timeout_ms") is long ms ? TimeSpan.FromMilliseconds(ms) : null,
                Text(f, "holder_session_id"),
                Int(f, "holder_pid") is long pid ? (int)pid : null,
                Time(f, "holder_expires_at_us")),
            LodeStatus.StreamVersionNotFound => new StreamVersionNotFoundException(message, Text(f, "store_id") ?? string.Empty, Int(f, "version") ?? 0, Int(f, "current_version")),
            LodeStatus.SnapshotVersionNotFound => new StreamSnapshotVersionNotFoundException(message, Text(f, "store_id") ?? string.Empty, Int(f, "version") ?? 0),
            LodeStatus.IdempotencyIdNotFound => new StreamIdempotencyIdNotFoundException(message, "this event store", Text(f, "id") ?? string.Empty),
            LodeStatus.DuplicateIdempotencyId => new DuplicateEventStoreIdempotencyIdException(message, Scope(Text(f, "scope")), Text(f, "id"), null),
            LodeStatus.InvalidArgument => new LodeArgumentException(message, Text(f, "argument"), Text(f, "reason")),
            LodeStatus.Serialization => new LodeSerializationException(message, Text(f, "key"), Int(f, "version"), Text(f, "reason")),
            LodeStatus.Storage => new LodeStorageException(
                message, Text(f, "operation"), Text(f, "backend"), Int(f, "storage_code") is long code ? (int)code : null, Text(f, "storage_code_name"), Text(f, "storage_text")),
            LodeStatus.Closed => new LodeObjectDisposedException(Text(f, "object"), message),
            LodeStatus.Internal => new LodeInternalException(message, Text(f, "detail")),
            LodeStatus.Cancelled => new LodeCancelledException(message, Text(f, "operation")),
            _ => new LodeInternalException($"The lode library returned the unknown status {status}: {message}", details),
        };
        exception.Data[StatusKey] = status;
        exception.Data[KindKey] = Text(f, "kind") ?? ((LodeStatus)status).ToString();
        exception.Data[DetailsKey] = details;
        return exception;
    }

    /// <summary>
    /// The store id of a duplicate's scope: the library writes <c>store 'db/name/id'</c> (or
    /// <c>this event store</c> for command ids).
    /// </summary>
    private static string? Scope(string? scope)
        => scope is not null && scope.StartsWith("store '", StringComparison.Ordinal) && scope.EndsWith('\'') ? scope[7..^1] : scope;

    private static string? Text(JsonElement fields, string name)
        => fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Int(JsonElement fields, string name)
        => fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    private static DateTimeOffset? Time(JsonElement fields, string name)
        => Int(fields, name) is long us ? LodeTime.FromMicroseconds(us) : null;
}
