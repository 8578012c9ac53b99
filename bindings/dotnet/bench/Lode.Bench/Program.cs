// The .NET binding's benchmark. Every figure that matters is a ratio of two timings measured
// in the same run (alternating rounds, medians), as performance.md asks:
//   R1  read a 10,000-event stream into EventMessage objects through IEventStore.GetAsync,
//       vs the same deserialization from an in-memory byte[] (the binding's overhead; <= 1.15x)
//   A1  append 1,000 events (one batch) through IEventStore.AddAsync, vs the C ABI with the
//       same events pre-serialized (throughput ratio; >= 0.8x)
//   M1  Marten on a local PostgreSQL: the same append and read, vs lode (time ratios)
// Usage: Lode.Bench [--quick] [--out results.json]; LODE_BENCH_DIR: the store directory (local
// disk); LODE_BENCH_PG: an Npgsql connection string (without it the Marten cases are skipped).
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using Hexalith.EventStores;
using Hexalith.PolymorphicSerializations;

using JasperFx;
using JasperFx.Events;

using IEventStore = Hexalith.EventStores.IEventStore;

using Lode;
using Lode.Bench;
using Lode.Bench.Extensions;
using Lode.Interop;

using Marten;

LodeBenchSerialization.RegisterPolymorphicMappers();
bool quick = args.Contains("--quick");
int outIndex = Array.IndexOf(args, "--out");
string output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine(Environment.CurrentDirectory, "lode-dotnet-bench.json");
string directory = Environment.GetEnvironmentVariable("LODE_BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "lode-dotnet-bench");
string? postgres = Environment.GetEnvironmentVariable("LODE_BENCH_PG");
int rounds = quick ? 5 : 21;
int warmup = quick ? 3 : 20;
int martenRounds = quick ? 3 : 9;
const int ReadEvents = 10_000;
const int AppendEvents = 1_000;

if (Directory.Exists(directory))
{
    Directory.Delete(directory, recursive: true);
}

Directory.CreateDirectory(directory);
List<Row> rows = [];
Console.WriteLine($"lode {LodeProvider.LibraryVersion}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, store in {directory} (durability: full), {warmup} warm-up and {rounds} measured rounds per case (medians)");

using LodeEventStoreProvider provider = new(directory);
JsonTypeInfo<EventMessage> info = (JsonTypeInfo<EventMessage>)provider.SerializerOptions.GetTypeInfo(typeof(EventMessage));

// -- R1: read 10,000 events ---------------------------------------------------------------
await using (IEventStore reader = await provider.OpenStoreAsync("BankAccount", "read", CancellationToken.None))
{
    for (int i = 0; i < ReadEvents; i += 1_000)
    {
        _ = await reader.AddAsync(Workload.Events("read", 1_000, i), CancellationToken.None);
    }

    (byte[] bytes, int[] starts, int[] ends) = Workload.Copy(((LodeEventStore)reader).NativeStore);
    int eventBytes = bytes.Length / ReadEvents;
    Console.WriteLine($"events: {eventBytes} bytes of JSON each on average");
    List<double> binding = [], baseline = [];
    for (int r = -warmup; r < rounds; r++)
    {
        double b = await Workload.Time(async () => Check(ReadEvents, (await reader.GetAsync(false, CancellationToken.None)).Count()));
        double m = await Workload.Time(() =>
        {
            List<EventMessage> list = new(ReadEvents);
            for (int i = 0; i < starts.Length; i++)
            {
                list.Add(JsonSerializer.Deserialize(bytes.AsSpan(starts[i], ends[i] - starts[i]), info)!);
            }

            Check(ReadEvents, list.Count);
            return Task.CompletedTask;
        });
        if (r >= 0)
        {
            binding.Add(b);
            baseline.Add(m);
        }
    }

    rows.Add(new Row("R1", "read 10,000 events: GetAsync vs deserializing the same bytes from a byte[]", Median(binding), Median(baseline), Median(binding) / Median(baseline), "<= 1.15 (time ratio)"));
}

// -- A1: append 1,000 events ----------------------------------------------------------------
EventMessage[] batch = Workload.Events("append", AppendEvents, 0);
byte[][] serialized = [.. batch.Select(m => JsonSerializer.SerializeToUtf8Bytes(m, info))];
{
    List<double> binding = [], native = [];
    for (int r = -warmup; r < rounds; r++)
    {
        await using LodeEventStore a = (LodeEventStore)await provider.OpenStoreAsync("BankAccount", $"add-{r}", CancellationToken.None);
        await using LodeEventStore n = (LodeEventStore)await provider.OpenStoreAsync("BankAccount", $"abi-{r}", CancellationToken.None);
        // Alternate which one goes first: a commit right after another pays differently.
        double b = 0, c = 0;
        if (r % 2 == 0)
        {
            b = await Workload.Time(async () => Check(AppendEvents, await a.AddAsync(batch, CancellationToken.None)));
        }

        c = await Workload.Time(() =>
        {
            Check(AppendEvents, Workload.AppendRaw(n.NativeStore, serialized));
            return Task.CompletedTask;
        });
        if (r % 2 != 0)
        {
            b = await Workload.Time(async () => Check(AppendEvents, await a.AddAsync(batch, CancellationToken.None)));
        }
        if (r >= 0)
        {
            binding.Add(b);
            native.Add(c);
        }
    }

    List<double> serializeOnly = [];
    for (int r = -warmup; r < rounds; r++)
    {
        double t = await Workload.Time(() =>
        {
            long total = 0;
            foreach (EventMessage m in batch)
            {
                total += JsonSerializer.SerializeToUtf8Bytes(m, info).Length;
            }

            Check(serialized.Sum(x => (long)x.Length), total);
            return Task.CompletedTask;
        });
        if (r >= 0)
        {
            serializeOnly.Add(t);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A1 detail: serializing the 1,000 messages alone takes {Median(serializeOnly):F2} ms (median)"));
    rows.Add(new Row("A1", "append 1,000 events (one batch, fsync): AddAsync vs C ABI with pre-serialized bytes", Median(binding), Median(native), Median(native) / Median(binding), ">= 0.8 (throughput ratio)"));
}

// -- M1: Marten on PostgreSQL -----------------------------------------------------------------
if (string.IsNullOrEmpty(postgres))
{
    Console.WriteLine("Marten cases skipped: LODE_BENCH_PG is not set (scripts/run-dotnet-bench starts PostgreSQL and sets it)");
}
else
{
    await using DocumentStore marten = DocumentStore.For(options =>
    {
        options.Connection(postgres);
        options.DatabaseSchemaName = "lode_bench";
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.Events.StreamIdentity = StreamIdentity.AsString;
    });
    await marten.Advanced.Clean.CompletelyRemoveAllAsync();
    MartenFundsDeposited[] martenBatch = [.. batch.Select(m => (FundsDeposited)m.Event).Select(e => new MartenFundsDeposited(e.Id, e.Amount, e.Date))];
    await using (IDocumentSession session = marten.LightweightSession())
    {
        for (int i = 0; i < ReadEvents; i += 1_000)
        {
            _ = session.Events.Append("read", martenBatch);
            await session.SaveChangesAsync();
        }
    }

    List<double> martenAppend = [], lodeAppend = [], martenRead = [], lodeRead = [];
    await using IEventStore reader = await provider.OpenStoreAsync("BankAccount", "read", CancellationToken.None);
    for (int r = -1; r < martenRounds; r++)
    {
        await using LodeEventStore a = (LodeEventStore)await provider.OpenStoreAsync("BankAccount", $"vs-marten-{r}", CancellationToken.None);
        double l = await Workload.Time(async () => Check(AppendEvents, await a.AddAsync(batch, CancellationToken.None)));
        double m = await Workload.Time(async () =>
        {
            await using IDocumentSession session = marten.LightweightSession();
            _ = session.Events.StartStream($"marten-{r}", martenBatch);
            await session.SaveChangesAsync();
        });
        double lr = await Workload.Time(async () => Check(ReadEvents, (await reader.GetAsync(false, CancellationToken.None)).Count()));
        double mr = await Workload.Time(async () =>
        {
            await using IQuerySession session = marten.QuerySession();
            IReadOnlyList<IEvent> events = await session.Events.FetchStreamAsync("read");
            Check(ReadEvents, events.Count);
        });
        if (r >= 0)
        {
            lodeAppend.Add(l);
            martenAppend.Add(m);
            lodeRead.Add(lr);
            martenRead.Add(mr);
        }
    }

    rows.Add(new Row("M1a", "append 1,000 events: Marten (PostgreSQL) vs lode AddAsync", Median(martenAppend), Median(lodeAppend), Median(martenAppend) / Median(lodeAppend), "lode faster when > 1 (time ratio)"));
    rows.Add(new Row("M1b", "read 10,000 events: Marten FetchStreamAsync vs lode GetAsync", Median(martenRead), Median(lodeRead), Median(martenRead) / Median(lodeRead), "lode faster when > 1 (time ratio)"));
}

long peakKiB = Workload.PeakResidentKiB();
Console.WriteLine();
Console.WriteLine($"| case | what | measured ms | baseline ms | ratio | target |");
Console.WriteLine($"|---|---|---:|---:|---:|---|");
foreach (Row row in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Id} | {row.Case} | {row.MeasuredMs:F2} | {row.BaselineMs:F2} | {row.Ratio:F2} | {row.Target} |"));
}

Console.WriteLine($"peak RSS: {peakKiB / 1024} MiB");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { library = LodeProvider.LibraryVersion, dotnet = Environment.Version.ToString(), cores = Environment.ProcessorCount, rounds, peakRssKiB = peakKiB, cases = rows }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written: {output}");
provider.Dispose();
Directory.Delete(directory, recursive: true);

static double Median(List<double> values)
{
    List<double> sorted = [.. values.Order()];
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static void Check(long expected, long actual)
{
    if (expected != actual)
    {
        throw new InvalidOperationException($"expected {expected}, got {actual}");
    }
}

namespace Lode.Bench
{
    /// <summary>One line of the table.</summary>
    internal sealed record Row(string Id, string Case, double MeasuredMs, double BaselineMs, double Ratio, string Target);

    /// <summary>The bank-account deposit of the workload (wire-format.md's example event).</summary>
    [PolymorphicSerialization]
    public partial record FundsDeposited([property: DataMember] string Id, [property: DataMember] decimal Amount, [property: DataMember] DateTimeOffset Date)
    {
        public string DomainId => Id;

        public static string DomainName => "BankAccount";
    }

    /// <summary>The same payload as a plain Marten event.</summary>
    public sealed record MartenFundsDeposited(string Id, decimal Amount, DateTimeOffset Date);

    internal static class Workload
    {
        public static EventMessage[] Events(string account, int count, int offset)
            => [.. Enumerable.Range(offset, count).Select(i => new FundsDeposited(account, 1500 + i, new DateTimeOffset(2026, 1, 4, 14, 51, 49, TimeSpan.FromHours(1)).AddTicks(1234567 + i)).CreateMessage(userId: "teller-42", partitionId: "default"))];

        public static async Task<double> Time(Func<Task> action)
        {
            long start = Stopwatch.GetTimestamp();
            await action();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        public static (byte[] Bytes, int[] Starts, int[] Ends) Copy(LodeStore store)
        {
            using MessageBuffer buffer = store.Read(false);
            using MemoryStream all = new();
            int[] starts = new int[buffer.Count];
            int[] ends = new int[buffer.Count];
            for (int i = 0; i < buffer.Count; i++)
            {
                starts[i] = (int)all.Position;
                all.Write(buffer[i]);
                ends[i] = (int)all.Position;
            }

            return (all.ToArray(), starts, ends);
        }

        /// <summary>lode_store_append straight through the C ABI, with pre-serialized bytes.</summary>
        public static unsafe long AppendRaw(LodeStore store, byte[][] messages)
        {
            System.Runtime.InteropServices.GCHandle[] pins = new System.Runtime.InteropServices.GCHandle[messages.Length];
            LodeBytes[] batch = new LodeBytes[messages.Length];
            try
            {
                for (int i = 0; i < messages.Length; i++)
                {
                    pins[i] = System.Runtime.InteropServices.GCHandle.Alloc(messages[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                    batch[i].Pointer = (byte*)pins[i].AddrOfPinnedObject();
                    batch[i].Length = (nuint)messages[i].Length;
                }

                fixed (LodeBytes* b = batch)
                {
                    int status = NativeMethods.StoreAppend(store.Handle, b, (nuint)batch.Length, out long version, out nint error);
                    LodeErrors.Check(status, error);
                    return version;
                }
            }
            finally
            {
                foreach (System.Runtime.InteropServices.GCHandle pin in pins)
                {
                    if (pin.IsAllocated)
                    {
                        pin.Free();
                    }
                }
            }
        }

        public static long PeakResidentKiB()
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }
    }
}
