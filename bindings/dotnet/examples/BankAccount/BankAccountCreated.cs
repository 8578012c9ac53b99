namespace Hexalith.EventStores.Example;

using System.Runtime.Serialization;

using Hexalith.PolymorphicSerializations;

/// <summary>An account was opened.</summary>
/// <param name="Id">The account number.</param>
/// <param name="Name">The owner.</param>
/// <param name="Currency">The currency.</param>
[PolymorphicSerialization]
public partial record BankAccountCreated(
    string Id,
    [property: DataMember] string Name,
    [property: DataMember] string Currency) : BankAccountEvent(Id);
