// The reference Hexalith.EventStores bank-account example. The only change: the provider is
// built by lode (a store directory: the first argument, else a new temporary one) instead of
// `new KeyValueEventStoreProvider(new JsonFileKeyValueProvider(...))`.
using System.Text.Json;

using Hexalith.EventStores;
using Hexalith.EventStores.Example;
using Hexalith.EventStores.Example.Extensions;
using Hexalith.PolymorphicSerializations;

// Register the polymorphic mappers generated for the application events
HexalithEventStoresExampleSerialization.RegisterPolymorphicMappers();

const string BankAccountId = "1500530001";

using LodeEventStoreProvider provider = new(args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("lode-bank-account-").FullName);

IEventStore store = await provider.OpenStoreAsync("BankAccount", "123456000", CancellationToken.None).ConfigureAwait(false);

// Open a bank account with a 1500 EUR deposit
await store.AddAsync(
    [
    new BankAccountCreated(BankAccountId, "Joe Dalton", "EUR").CreateMessage(),
    new FundsDeposited(BankAccountId, 1500, DateTimeOffset.Now).CreateMessage(),
    ],
    CancellationToken.None).ConfigureAwait(false);

// Withdraw 500 EUR
await store.AddAsync(
    [new FundsWithdrawn(BankAccountId, 500, DateTimeOffset.Now).CreateMessage()],
    CancellationToken.None).ConfigureAwait(false);

// Deposit 1000 EUR
await store.AddAsync(
    [new FundsDeposited(BankAccountId, 1000, DateTimeOffset.Now).CreateMessage()],
    CancellationToken.None).ConfigureAwait(false);

// Withdraw 500 EUR with a sequence verification. Will fail if the sequence is not correct.
// The expected sequence in the message is the last sequence number in the store + 1.
await store.AddAsync(
    [new FundsWithdrawn(BankAccountId, 500, DateTimeOffset.Now).CreateMessage(5)],
    CancellationToken.None).ConfigureAwait(false);

// Write the store events to the console
foreach (EventMessage message in await store.GetAsync(CancellationToken.None).ConfigureAwait(false))
{
    Console.WriteLine(JsonSerializer.Serialize(message.Event, PolymorphicHelper.DefaultJsonSerializerOptions));
}
