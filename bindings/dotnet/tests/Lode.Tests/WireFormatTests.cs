namespace Lode.Tests;

using System.Text;
using System.Text.Json;

using Hexalith.Commons.Metadatas;
using Hexalith.EventStores;
using Hexalith.PolymorphicSerializations;

/// <summary>wire-format.md: the EventMessage JSON the binding writes and reads.</summary>
public sealed class WireFormatTests
{
    private static readonly DateTimeOffset _date = new DateTimeOffset(2026, 1, 4, 14, 51, 49, TimeSpan.FromHours(1)).AddTicks(1234567);
    private static readonly DateTimeOffset _created = new DateTimeOffset(2026, 1, 4, 14, 51, 49, TimeSpan.FromHours(1)).AddTicks(1240001);

    private static EventMessage Example(long? sequence)
        => new FundsDeposited("1500530001", 1500, _date).CreateMessage(
            new MessageMetadata("Yq3kX0p9QkWb1n2m3o4p5A", "FundsDeposited", 1, new DomainMetadata("1500530001", "BankAccount"), _created),
            new ContextMetadata("Yq3kX0p9QkWb1n2m3o4p5A", "system", "default", _created, null, sequence, null, null, []));

    [Fact]
    public async Task TheStoredJsonIsTheWireFormat_PascalCaseTypeFirstDefaultsLeftOut_AndTheStoreWritesTheVersion()
    {
        using TempDirectory dir = new();
        using LodeEventStoreProvider provider = T.Provider(dir);
        await using LodeEventStore store = await T.Open(provider, "1500530001");
        _ = await store.AddAsync([T.Deposit("1500530001", 1)], T.None);
        _ = await store.AddAsync([Example(2)], T.None);
        _ = await store.AddAsync([Example(null) with { Metadata = Example(null).Metadata with { Message = Example(null).Metadata.Message with { Id = "another-id" } } }], T.None);
        using MessageBuffer buffer = store.NativeStore.Read(false);
        string stored = Encoding.UTF8.GetString(buffer[1]);
        using JsonDocument edited = JsonDocument.Parse(buffer.ToArray(2));
        Assert.Equal(3, edited.RootElement.GetProperty("Metadata").GetProperty("Context").GetProperty("SequenceNumber").GetInt64());
        Assert.Equal(
            """{"Event":{"$type":"FundsDeposited","Amount":1500,"Date":"2026-01-04T14:51:49.1234567+01:00","Id":"1500530001","DomainId":"1500530001"},"Metadata":{"DomainGlobalId":"default-BankAccount-1500530001","Message":{"Id":"Yq3kX0p9QkWb1n2m3o4p5A","Name":"FundsDeposited","Version":1,"Domain":{"Id":"1500530001","Name":"BankAccount"},"CreatedDate":"2026-01-04T14:51:49.1240001+01:00"},"Context":{"CorrelationId":"Yq3kX0p9QkWb1n2m3o4p5A","UserId":"system","PartitionId":"default","ReceivedDate":"2026-01-04T14:51:49.1240001+01:00","SequenceNumber":2,"Scopes":[]}}}""",
            stored);
        EventMessage read = (await store.GetSliceAsync(2, 2, T.None)).Single();
        Assert.Equal(Example(2).Metadata.Message, read.Metadata.Message);
        // As object: the Polymorphic base comes from a source generator, which tools that load
        // the project without running generators (dotnet format) do not see.
        Assert.Equal<object>(new FundsDeposited("1500530001", 1500, _date), read.Event);
    }

    [Fact]
    public void UtcDatesUseAnExplicitOffsetAndTrimTrailingZeros_NonAsciiIsEscaped()
    {
        DateTimeOffset utc = new(2026, 1, 4, 14, 51, 49, 500, TimeSpan.Zero);
        string json = JsonSerializer.Serialize(new FundsDeposited("é<+>", 1.5m, utc).CreateMessage(timeProvider: new FixedTimeProvider(utc)), PolymorphicHelper.DefaultJsonSerializerOptions);
        Assert.Contains("\"Date\": \"2026-01-04T14:51:49.5+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\\u00E9\\u003C\\u002B\\u003E", json, StringComparison.Ordinal);
        Assert.DoesNotContain("SequenceNumber", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"Event\": {\n    \"$type\": \"FundsDeposited\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void VersionTwoDiscriminatorIsNameVVersion_MessageNameIsTheName()
    {
        EventMessage message = new RenamedV2Event("1", "x").CreateMessage();
        Assert.Equal(("Renamed", 2), (message.Metadata.Message.Name, message.Metadata.Message.Version));
        string json = JsonSerializer.Serialize(message, PolymorphicHelper.DefaultJsonSerializerOptions);
        Assert.Contains("\"$type\": \"RenamedV2\"", json, StringComparison.Ordinal);
        Assert.IsType<RenamedV2Event>(JsonSerializer.Deserialize<EventMessage>(json, PolymorphicHelper.DefaultJsonSerializerOptions)!.Event);
    }

    [Fact]
    public void CreateMessageFillsTheMetadataLikeTheReference()
    {
        FixedTimeProvider clock = new(new DateTimeOffset(2026, 1, 4, 12, 0, 0, TimeSpan.Zero));
        EventMessage m = new BankAccountCreated("77", "Joe", "EUR").CreateMessage(5, "alice", "tenant", clock);
        Assert.Equal(22, m.Metadata.Message.Id.Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", m.Metadata.Message.Id);
        Assert.Equal(m.Metadata.Message.Id, m.Metadata.Context.CorrelationId);
        Assert.Equal(("BankAccountCreated", 1, "77", "BankAccount"), (m.Metadata.Message.Name, m.Metadata.Message.Version, m.Metadata.Message.Domain.Id, m.Metadata.Message.Domain.Name));
        Assert.Equal(("alice", "tenant", (long?)5), (m.Metadata.Context.UserId, m.Metadata.Context.PartitionId, m.Metadata.Context.SequenceNumber));
        Assert.Equal(clock.GetLocalNow(), m.Metadata.Message.CreatedDate);
        Assert.Equal(m.Metadata.Message.CreatedDate, m.Metadata.Context.ReceivedDate);
        Assert.Empty(m.Metadata.Context.Scopes);
        Assert.Equal("tenant-BankAccount-77", m.Metadata.DomainGlobalId);
        EventMessage d = new FundsDeposited("1", 1, DateTimeOffset.UnixEpoch).CreateMessage();
        Assert.Equal(("system", "default", (long?)null), (d.Metadata.Context.UserId, d.Metadata.Context.PartitionId, d.Metadata.Context.SequenceNumber));
    }
}
