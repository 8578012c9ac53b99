// Holds the lease of one stream in a second process, for the cross-process tests.
// Usage: Lode.LeaseHolder <directory> <name> <id> <sessionTimeoutMs>
// Prints "HELD <pid> <version>" once the lease is taken (after appending one raw event), then
// waits for a line on stdin: "release" closes the store and prints "RELEASED"; end of input
// exits without closing (as a crash would leave the lease until its expiry).
using System.Globalization;
using System.Text;

using Lode;

string directory = args[0];
string name = args[1];
string id = args[2];
TimeSpan session = TimeSpan.FromMilliseconds(long.Parse(args[3], CultureInfo.InvariantCulture));

using LodeProvider provider = new(directory);
LodeStore store = provider.OpenStore(null, name, id, session, TimeSpan.FromSeconds(10));
string message = """{"Event":{"$type":"ChildEvent","Pid":PID},"Metadata":{"Message":{"Id":"child-PID","Name":"ChildEvent","Version":1,"Domain":{"Id":"AGG_ID","Name":"AGG_NAME"},"CreatedDate":"2026-01-04T14:51:49+00:00"},"Context":{"CorrelationId":"child","UserId":"child","PartitionId":"default","Scopes":[]}}}"""
    .Replace("PID", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
    .Replace("AGG_ID", id, StringComparison.Ordinal)
    .Replace("AGG_NAME", name, StringComparison.Ordinal);
long version = store.Append([Encoding.UTF8.GetBytes(message)]);
Console.WriteLine($"HELD {Environment.ProcessId} {version}");
Console.Out.Flush();
string? line = Console.ReadLine();
if (line == "release")
{
    store.Dispose();
    Console.WriteLine("RELEASED");
    Console.Out.Flush();
}
else
{
    Environment.Exit(3);
}
