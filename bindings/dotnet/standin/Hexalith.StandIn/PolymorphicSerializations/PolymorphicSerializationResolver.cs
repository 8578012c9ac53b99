// STAND-IN for Hexalith.PolymorphicSerializations (see standin/README.md).
namespace Hexalith.PolymorphicSerializations;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// A type info resolver that adds the registered derived types (and the <c>$type</c>
/// discriminator) to each polymorphic base type.
/// </summary>
public class PolymorphicSerializationResolver : DefaultJsonTypeInfoResolver
{
    private static readonly ConcurrentDictionary<Type, IPolymorphicSerializationMapper[]> _mappers = new();
    private static readonly Lock _gate = new();

    /// <summary>
    /// Registers a mapper with every resolver, unless its derived type is registered already.
    /// Register before the first serialization with a given options instance: the options cache
    /// what they resolved.
    /// </summary>
    /// <param name="mapper">The mapper.</param>
    public static void TryAddDefaultMapper(IPolymorphicSerializationMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        lock (_gate)
        {
            Type derived = mapper.JsonDerivedType.DerivedType;
            if (_mappers.Values.Any(list => list.Any(m => m.JsonDerivedType.DerivedType == derived)))
            {
                return;
            }

            _ = _mappers.AddOrUpdate(mapper.Base, [mapper], (_, existing) => [.. existing, mapper]);
        }
    }

    /// <summary>
    /// Registers several mappers (see <see cref="TryAddDefaultMapper"/>).
    /// </summary>
    /// <param name="mappers">The mappers.</param>
    public static void TryAddDefaultMappers(IEnumerable<IPolymorphicSerializationMapper> mappers)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        foreach (IPolymorphicSerializationMapper mapper in mappers)
        {
            TryAddDefaultMapper(mapper);
        }
    }

    /// <inheritdoc/>
    public override JsonTypeInfo GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        JsonTypeInfo info = base.GetTypeInfo(type, options);
        if (_mappers.TryGetValue(info.Type, out IPolymorphicSerializationMapper[]? mappers))
        {
            JsonPolymorphismOptions polymorphism = new()
            {
                TypeDiscriminatorPropertyName = PolymorphicHelper.Discriminator,
                IgnoreUnrecognizedTypeDiscriminators = false,
                UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            };
            foreach (JsonDerivedType derived in mappers.Select(m => m.JsonDerivedType).Distinct())
            {
                polymorphism.DerivedTypes.Add(derived);
            }

            info.PolymorphismOptions = polymorphism;
        }

        return info;
    }
}
