namespace Hexalith.EventStores.Example;

using System.Runtime.Serialization;

using Hexalith.PolymorphicSerializations;

/// <summary>The base of the bank-account events: its id is the aggregate id.</summary>
/// <param name="Id">The account number.</param>
[PolymorphicSerialization]
public partial record BankAccountEvent([property: DataMember] string Id)
{
    /// <summary>Gets the aggregate id.</summary>
    public string DomainId => Id;

    /// <summary>Gets the aggregate type.</summary>
    public static string DomainName => "BankAccount";
}
