namespace Microsoft.Extensions.DependencyInjection;

using Hexalith.EventStores;
using Hexalith.EventStores.Configurations;

using Lode;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Registers the lode event store provider.
/// </summary>
public static class LodeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LodeEventStoreProvider"/> as the singleton <see cref="IEventStoreProvider"/>,
    /// with <see cref="EventStoreSettings"/> bound from <c>Hexalith:EventStores</c> and
    /// <see cref="LodeSettings"/> from <c>Lode</c> (its <c>Path</c> is required). The provider
    /// logs through the container's <see cref="ILoggerFactory"/> and uses its
    /// <see cref="TimeProvider"/>, when registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLodeEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        _ = services.Configure<EventStoreSettings>(configuration.GetSection(EventStoreSettings.ConfigurationName()));
        _ = services.Configure<LodeSettings>(configuration.GetSection(LodeSettings.ConfigurationName()));
        return services.AddLodeEventStoreProvider();
    }

    /// <summary>
    /// Registers <see cref="LodeEventStoreProvider"/> on the directory <paramref name="path"/>
    /// as the singleton <see cref="IEventStoreProvider"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The store directory.</param>
    /// <param name="configure">Changes the Hexalith settings, if given.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLodeEventStore(this IServiceCollection services, string path, Action<EventStoreSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = services.Configure<LodeSettings>(s => s.Path = path);
        _ = services.Configure<EventStoreSettings>(s => configure?.Invoke(s));
        return services.AddLodeEventStoreProvider();
    }

    private static IServiceCollection AddLodeEventStoreProvider(this IServiceCollection services)
    {
        _ = services.AddOptions();
        services.TryAddSingleton(sp => new LodeEventStoreProvider(
            sp.GetRequiredService<IOptions<EventStoreSettings>>(),
            sp.GetRequiredService<IOptions<LodeSettings>>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IEventStoreProvider>(sp => sp.GetRequiredService<LodeEventStoreProvider>());
        return services;
    }
}
