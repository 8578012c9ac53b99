namespace Lode.Tests;

using System.Reflection;
using System.Text;
using System.Text.Json;

using Hexalith.EventStores;
using Hexalith.EventStores.Configurations;

using Lode.Interop;
using Lode.Logging;

using Microsoft.Extensions.Logging;

/// <summary>
/// The binding against <c>include/lode-manifest.json</c>, the one list of what every binding
/// repeats (status codes and their names, error kinds, settings keys, log levels, record
/// fields), emitted by <c>make header</c> from the library: any drift fails here.
/// </summary>
public sealed class ManifestTests
{
    private static readonly JsonElement _manifest = Load();

    [Fact]
    public void TheAbiVersionIsTheLibrarys() =>
        Assert.Equal(LodeProvider.ExpectedAbiVersion, _manifest.GetProperty("abi_version").GetUInt32());

    [Fact]
    public void EveryStatusCodeHasItsEnumMemberNameAndException()
    {
        List<int> codes = [];
        foreach (JsonElement status in _manifest.GetProperty("statuses").EnumerateArray())
        {
            int code = status.GetProperty("code").GetInt32();
            string name = status.GetProperty("name").GetString()!;
            codes.Add(code);
            Assert.True(Enum.IsDefined(typeof(LodeStatus), code), $"LodeStatus has no member {code} ({name})");
            Assert.Equal(name, "LODE_" + ScreamingSnake(((LodeStatus)code).ToString()));
            Assert.Equal(name, LodeErrors.StatusName(code));
            if (code != 0)
            {
                string kind = status.GetProperty("kind").GetString()!;
                Exception e = LodeErrors.FromDetails(code, "m", $$"""{"kind":"{{kind}}"}""");
                Assert.Equal(code, e.Data[LodeErrors.StatusKey]);
                Assert.Equal(kind, e.Data[LodeErrors.KindKey]);
            }
        }

        Assert.Equal(codes.Order(), Enum.GetValues<LodeStatus>().Select(s => (int)s).Order());
    }

    [Fact]
    public void EverySettingsKeyIsWrittenWhenItsSettingIsGiven()
    {
        EventStoreSettings store = new() { DefaultDatabase = "Db", DefaultOpenTimeout = TimeSpan.FromSeconds(1), DefaultSessionTimeout = TimeSpan.FromMinutes(2) };
        LodeSettings lode = new()
        {
            Durability = LodeDurability.NoSync,
            InitialMapSize = 1 << 20,
            MaxMapSize = 1L << 30,
            FileMode = "0600",
            DirectoryMode = "0700",
            MaxReaders = 126,
            IndexLag = 32,
        };
        using JsonDocument written = JsonDocument.Parse(LodeProvider.SettingsJson(store, lode));
        Assert.Equal(
            _manifest.GetProperty("settings").EnumerateArray().Select(k => k.GetString()).Order(),
            written.RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void EveryLogLevelMapsToItsLogLevel()
    {
        Dictionary<string, LogLevel> expected = new()
        {
            ["LODE_LOG_ERROR"] = LogLevel.Error,
            ["LODE_LOG_WARN"] = LogLevel.Warning,
            ["LODE_LOG_INFO"] = LogLevel.Information,
            ["LODE_LOG_DEBUG"] = LogLevel.Debug,
            ["LODE_LOG_TRACE"] = LogLevel.Trace,
        };
        JsonElement levels = _manifest.GetProperty("log_levels");
        Assert.Equal(expected.Keys.Order(), levels.EnumerateObject().Select(p => p.Name).Order());
        foreach (JsonProperty level in levels.EnumerateObject())
        {
            Assert.Equal(expected[level.Name], LodeLogging.ToLogLevel(level.Value.GetInt32()));
        }
    }

    [Fact]
    public void EveryRecordFieldIsAProperty()
    {
        // The microsecond twins are read into the DateTimeOffset of the same name.
        AssertProperties(typeof(LogRecord), "record_fields");
        AssertProperties(typeof(CommandRecord), "command_record_fields");
    }

    private static void AssertProperties(Type type, string list)
    {
        HashSet<string> properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
        foreach (JsonElement field in _manifest.GetProperty(list).EnumerateArray())
        {
            string name = field.GetString()!;
            string property = name.EndsWith("AtUs", StringComparison.Ordinal) ? name[..^2] : name;
            Assert.True(properties.Contains(property), $"{type.Name} has no property for the library's field {name}");
        }
    }

    private static string ScreamingSnake(string pascal)
    {
        StringBuilder b = new();
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && b.Length > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToUpperInvariant(c));
        }

        return b.ToString();
    }

    private static JsonElement Load()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "include", "lode-manifest.json")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "include", "lode-manifest.json")));
        return manifest.RootElement.Clone();
    }
}
