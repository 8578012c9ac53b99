// Consumes Lode.EventStores as a NuGet user does: the [PolymorphicSerialization] generator, the
// Hexalith surface, the DI extension and the native library all come from the package.
using System.Runtime.InteropServices;
using System.Runtime.Serialization;

using Hexalith.EventStores;
using Hexalith.EventStores.Exceptions;
using Hexalith.PolymorphicSerializations;

using Microsoft.Extensions.DependencyInjection;

using PackageTest.Extensions;

PackageTestSerialization.RegisterPolymorphicMappers();
string directory = args[0];

ServiceCollection services = new();
services.AddLodeEventStore(directory);
await using ServiceProvider container = services.BuildServiceProvider();
IEventStoreProvider provider = container.GetRequiredService<IEventStoreProvider>();

await using (IEventStore store = await provider.OpenStoreAsync("Counter", "1", CancellationToken.None))
{
    long version = await store.AddAsync([new Incremented("1", 1).CreateMessage(), new Incremented("1", 2).CreateMessage(sequenceNumber: 2)], CancellationToken.None);
    try
    {
        await store.AddAsync([new Incremented("1", 3).CreateMessage(sequenceNumber: 9)], CancellationToken.None);
        throw new InvalidOperationException("the version check did not fire");
    }
    catch (StoreVersionMismatchException e) when (e.ExpectedVersion == 3 && e.ActualVersion == 9)
    {
    }

    int total = (await store.GetAsync(CancellationToken.None)).Sum(m => ((Incremented)m.Event).By);
    string native = NativeLibraryPath();
    if (version != 2 || total != 3 || !native.Contains("runtimes/linux-x64/native", StringComparison.Ordinal) && !native.EndsWith("liblode.so", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"unexpected: version {version}, total {total}, native {native}");
    }

    Console.WriteLine($"package test passed: version {version}, total {total}, lode {Lode.LodeProvider.LibraryVersion}, native library {native}");
}

static string NativeLibraryPath()
{
    foreach (string line in File.ReadLines("/proc/self/maps"))
    {
        int at = line.IndexOf('/', StringComparison.Ordinal);
        if (at >= 0 && line.EndsWith("liblode.so", StringComparison.Ordinal))
        {
            return line[at..];
        }
    }

    return RuntimeInformation.RuntimeIdentifier + ": liblode.so not mapped";
}

[PolymorphicSerialization]
public partial record Incremented([property: DataMember] string Id, [property: DataMember] int By)
{
    public string DomainId => Id;

    public static string DomainName => "Counter";
}
