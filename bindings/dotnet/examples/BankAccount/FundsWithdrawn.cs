namespace Hexalith.EventStores.Example;

using System.Runtime.Serialization;

using Hexalith.PolymorphicSerializations;

/// <summary>Money was taken out.</summary>
/// <param name="Id">The account number.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Date">When.</param>
[PolymorphicSerialization]
public partial record FundsWithdrawn(
    string Id,
    [property: DataMember] decimal Amount,
    [property: DataMember] DateTimeOffset Date) : BankAccountEvent(Id);
