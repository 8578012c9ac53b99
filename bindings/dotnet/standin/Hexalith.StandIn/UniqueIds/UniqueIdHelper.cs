// STAND-IN for Hexalith.Commons.UniqueIds (see standin/README.md).
namespace Hexalith.Commons.UniqueIds;

using System.Buffers.Text;
using System.Globalization;

/// <summary>
/// Generates unique identifiers.
/// </summary>
public static class UniqueIdHelper
{
    private static readonly Lock _gate = new();
    private static DateTime _last = DateTime.MinValue;

    /// <summary>
    /// Generates a 22-character URL-safe identifier from a new GUID.
    /// </summary>
    /// <returns>The identifier (letters, digits, <c>-</c> and <c>_</c>).</returns>
    public static string GenerateUniqueStringId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _ = Guid.NewGuid().TryWriteBytes(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Generates an identifier from the current UTC time to the millisecond
    /// (<c>yyyyMMddHHmmssfff</c>), strictly increasing within the process.
    /// </summary>
    /// <returns>The identifier.</returns>
    public static string GenerateDateTimeId()
    {
        lock (_gate)
        {
            DateTime now = DateTime.UtcNow;
            DateTime candidate = new(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, now.Millisecond, DateTimeKind.Utc);
            if (candidate <= _last)
            {
                candidate = _last.AddMilliseconds(1);
            }

            _last = candidate;
            return candidate.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        }
    }
}
