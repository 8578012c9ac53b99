namespace Lode;

/// <summary>
/// The store's times: UTC microseconds since the Unix epoch.
/// </summary>
public static class LodeTime
{
    /// <summary>
    /// Converts UTC microseconds since the Unix epoch to a <see cref="DateTimeOffset"/> (UTC).
    /// </summary>
    /// <param name="microseconds">The microseconds.</param>
    /// <returns>The time.</returns>
    public static DateTimeOffset FromMicroseconds(long microseconds)
        => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);

    /// <summary>
    /// Converts a time to UTC microseconds since the Unix epoch.
    /// </summary>
    /// <param name="time">The time.</param>
    /// <returns>The microseconds.</returns>
    public static long ToMicroseconds(DateTimeOffset time)
        => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}
