namespace Lode.Tests;

using System.Diagnostics;

/// <summary>
/// Tests that measure the process's resident memory: they run alone (no other test class at
/// the same time), so what they measure is their own.
/// </summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class RunsAlone
{
}

/// <summary>R-RES-4 through the binding: handles and buffers are released, memory stays flat.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    [Fact]
    [Trait("Rule", "R-RES-4")]
    public void TenThousandOpenCloseLoops_KeepMemoryFlat()
    {
        static void Cycle(string path, int i)
        {
            using LodeProvider provider = new(path);
            using LodeStore store = provider.OpenStore(null, "BankAccount", "loop");
            if (i % 10 == 0)
            {
                _ = store.Append(T.Batch(T.Raw($"loop-{i}")));
            }

            using MessageBuffer buffer = store.Slice(1, 1);
        }

        using TempDirectory dir = new();
        for (int i = 0; i < 1_000; i++)
        {
            Cycle(dir.Path, i);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = Process.GetCurrentProcess().WorkingSet64;
        for (int i = 1_000; i < 11_000; i++)
        {
            Cycle(dir.Path, i);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long after = Process.GetCurrentProcess().WorkingSet64;
        Assert.True(after - before < 48L << 20, $"resident memory grew by {(after - before) >> 20} MiB over 10,000 open/close cycles");
        using LodeProvider check = new(dir.Path);
        using LodeStore reader = check.OpenStore(null, "BankAccount", "loop");
        Assert.Equal(1_100, reader.Version());
    }
}
