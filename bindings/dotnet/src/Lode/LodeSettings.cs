namespace Lode;

using System.Globalization;

using Hexalith.Commons.Configurations;

/// <summary>
/// How the store directory is opened: its path and the library's storage settings. Bound from
/// the <c>Lode</c> configuration section; every value but <see cref="Path"/> is optional (the
/// library's default).
/// </summary>
public class LodeSettings : ISettings
{
    /// <summary>Gets or sets the store directory (created if needed).</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets what a machine crash may lose (<see cref="LodeDurability.Full"/> by default).</summary>
    public LodeDurability? Durability { get; set; }

    /// <summary>Gets or sets the initial size of the memory map, in bytes (64 MiB; it doubles when full).</summary>
    public long? InitialMapSize { get; set; }

    /// <summary>Gets or sets the largest size of the memory map, in bytes (1 TiB); past it appends fail with a storage error.</summary>
    public long? MaxMapSize { get; set; }

    /// <summary>Gets or sets the permission bits of the files, in octal (<c>0600</c>).</summary>
    public string? FileMode { get; set; }

    /// <summary>Gets or sets the permission bits of the directory, in octal (<c>0700</c>).</summary>
    public string? DirectoryMode { get; set; }

    /// <summary>Gets or sets the size of the reader table (126, at most 4096).</summary>
    public int? MaxReaders { get; set; }

    /// <summary>
    /// Gets or sets how many log positions the type, correlation and message-id indexes may lag
    /// the log (32; queries read that tail from the log, so answers stay exact; 0 indexes every
    /// append as it commits; at most 4096).
    /// </summary>
    public int? IndexLag { get; set; }

    /// <summary>
    /// Gets the configuration section name, <c>Lode</c>.
    /// </summary>
    /// <returns>The section name.</returns>
    public static string ConfigurationName() => "Lode";

    /// <summary>
    /// Parses an octal permission string such as <c>0640</c>.
    /// </summary>
    /// <param name="octal">The string, or <see langword="null"/>.</param>
    /// <param name="setting">The setting's name, for the error.</param>
    /// <returns>The bits, or <see langword="null"/>.</returns>
    internal static int? ParseMode(string? octal, string setting)
    {
        if (string.IsNullOrWhiteSpace(octal))
        {
            return null;
        }

        try
        {
            return Convert.ToInt32(octal.Trim(), 8);
        }
        catch (FormatException e)
        {
            throw new SettingsException<LodeSettings>(string.Create(CultureInfo.InvariantCulture, $"The {setting} value '{octal}' of the {ConfigurationName()} settings is not an octal number such as 0600."), setting, e);
        }
    }
}

/// <summary>
/// What a crash may lose.
/// </summary>
public enum LodeDurability
{
    /// <summary>Every acknowledged append survives a machine crash (fsync per commit).</summary>
    Full,

    /// <summary>A machine crash may lose the last acknowledged commits; the store stays consistent.</summary>
    NoMetaSync,

    /// <summary>A machine crash may lose everything since the OS last flushed.</summary>
    NoSync,
}
