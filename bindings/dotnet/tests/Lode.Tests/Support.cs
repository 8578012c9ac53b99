namespace Lode.Tests;

using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using System.Text;

using Hexalith.EventStores;
using Hexalith.EventStores.Configurations;
using Hexalith.PolymorphicSerializations;

using Lode.Tests.Extensions;

/// <summary>The bank-account events of the quickstart and the reference example.</summary>
[PolymorphicSerialization]
public partial record BankAccountEvent([property: DataMember] string Id)
{
    public string DomainId => Id;

    public static string DomainName => "BankAccount";
}

[PolymorphicSerialization]
public partial record BankAccountCreated(string Id, [property: DataMember] string Name, [property: DataMember] string Currency) : BankAccountEvent(Id);

[PolymorphicSerialization]
public partial record FundsDeposited(string Id, [property: DataMember] decimal Amount, [property: DataMember] DateTimeOffset Date) : BankAccountEvent(Id);

[PolymorphicSerialization]
public partial record FundsWithdrawn(string Id, [property: DataMember] decimal Amount, [property: DataMember] DateTimeOffset Date) : BankAccountEvent(Id);

/// <summary>A snapshot state.</summary>
[PolymorphicSerialization]
public partial record BankAccountState(string Id, [property: DataMember] decimal Balance, [property: DataMember] int Events) : BankAccountEvent(Id);

/// <summary>A version-2 event, to check the discriminator.</summary>
[PolymorphicSerialization("Renamed", 2)]
public partial record RenamedV2Event(string Id, [property: DataMember] string Text) : BankAccountEvent(Id);

/// <summary>The event the child process of the cross-process tests appends.</summary>
[PolymorphicSerialization]
public partial record ChildEvent([property: DataMember] int Pid);

internal static class Registration
{
    [ModuleInitializer]
    internal static void Register() => LodeTestsSerialization.RegisterPolymorphicMappers();
}

/// <summary>A fresh directory under the system's temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("lode-dotnet-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock that stays where it is set.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

internal static class T
{
    public static readonly CancellationToken None = CancellationToken.None;

    public static EventMessage Deposit(string account, decimal amount, long? sequence = null)
        => new FundsDeposited(account, amount, new DateTimeOffset(2026, 1, 4, 14, 51, 49, TimeSpan.Zero)).CreateMessage(sequence);

    public static EventMessage[] Deposits(string account, int count, long? firstSequence = null)
        => [.. Enumerable.Range(0, count).Select(i => Deposit(account, i + 1, firstSequence is long f ? f + i : null))];

    public static LodeEventStoreProvider Provider(TempDirectory dir, EventStoreSettings? settings = null, Microsoft.Extensions.Logging.ILoggerFactory? loggers = null, TimeProvider? time = null)
        => new(dir.Path, settings, new LodeSettings { Durability = LodeDurability.NoSync }, loggers, time);

    public static async Task<LodeEventStore> Open(LodeEventStoreProvider provider, string id = "1", string? database = null, TimeSpan? session = null, TimeSpan? open = null)
        => (LodeEventStore)await provider.OpenStoreAsync(database ?? provider.Settings.DefaultDatabase, "BankAccount", id, session ?? TimeSpan.FromMinutes(1), open ?? TimeSpan.Zero, None);

    /// <summary>A raw EventMessage in the wire format, for the native layer.</summary>
    public static byte[] Raw(string messageId, string account = "1", string name = "FundsDeposited", string? sequence = null, string? correlation = null, string eventBody = "\"Amount\":1", string? extraContext = null)
    {
        string seq = sequence is null ? string.Empty : $",\"SequenceNumber\":{sequence}";
        string extra = extraContext is null ? string.Empty : "," + extraContext;
        string json = "{\"Event\":{\"$type\":\"" + name + "\"," + eventBody + ",\"Id\":\"" + account + "\",\"DomainId\":\"" + account + "\"},"
            + "\"Metadata\":{\"Message\":{\"Id\":\"" + messageId + "\",\"Name\":\"" + name + "\",\"Version\":1,\"Domain\":{\"Id\":\"" + account + "\",\"Name\":\"BankAccount\"},\"CreatedDate\":\"2026-01-04T14:51:49+00:00\"},"
            + "\"Context\":{\"CorrelationId\":\"" + (correlation ?? messageId) + "\",\"UserId\":\"tester\",\"PartitionId\":\"default\"" + seq + ",\"Scopes\":[]" + extra + "}}}";
        return Encoding.UTF8.GetBytes(json);
    }

    public static ReadOnlyMemory<byte>[] Batch(params byte[][] messages) => [.. messages.Select(m => (ReadOnlyMemory<byte>)m)];
}
