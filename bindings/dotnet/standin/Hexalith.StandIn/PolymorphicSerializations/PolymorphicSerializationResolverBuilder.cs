// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

/// <summary>
/// Collects mappers.
/// </summary>
public class PolymorphicSerializationResolverBuilder
{
    private readonly List<IPolymorphicSerializationMapper> _mappers = [];

    /// <summary>
    /// Adds a mapper.
    /// </summary>
    /// <param name="serializationMapper">The mapper.</param>
    /// <returns>This builder.</returns>
    public PolymorphicSerializationResolverBuilder AddMapper(IPolymorphicSerializationMapper serializationMapper)
    {
        ArgumentNullException.ThrowIfNull(serializationMapper);
        _mappers.Add(serializationMapper);
        return this;
    }

    /// <summary>
    /// Gives the mappers added so far.
    /// </summary>
    /// <returns>The mappers.</returns>
    public IEnumerable<IPolymorphicSerializationMapper> Build() => _mappers;
}
