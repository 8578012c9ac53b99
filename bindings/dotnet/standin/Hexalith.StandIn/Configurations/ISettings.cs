// STAND-IN for Hexalith.Commons.Configurations (see standin/README.md).
namespace Hexalith.Commons.Configurations;

/// <summary>
/// A settings class bound from a configuration section.
/// </summary>
public interface ISettings
{
    /// <summary>
    /// Gets the name of the configuration section the settings are bound from.
    /// </summary>
    /// <returns>The section name, e.g. <c>Hexalith:EventStores</c>.</returns>
    static abstract string ConfigurationName();
}
