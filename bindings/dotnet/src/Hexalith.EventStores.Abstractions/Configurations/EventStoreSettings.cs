namespace Hexalith.EventStores.Configurations;

using Hexalith.Commons.Configurations;

/// <summary>
/// The event store settings, bound from the <c>Hexalith:EventStores</c> configuration section.
/// </summary>
public class EventStoreSettings : ISettings
{
    /// <summary>
    /// Gets or sets the database of streams opened without one (<c>EventStores</c>).
    /// </summary>
    public string DefaultDatabase { get; set; } = nameof(EventStores);

    /// <summary>
    /// Gets or sets how long an open waits for a lease held by another session (5 s).
    /// </summary>
    public TimeSpan DefaultOpenTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long a session lasts unless renewed (1 min).
    /// </summary>
    public TimeSpan DefaultSessionTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets the configuration section name, <c>Hexalith:EventStores</c>.
    /// </summary>
    /// <returns>The section name.</returns>
    public static string ConfigurationName() => $"{nameof(Hexalith)}:{nameof(EventStores)}";
}
