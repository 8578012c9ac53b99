// STAND-IN for Hexalith.PolymorphicSerializations.CodeGenerators (see standin/README.md).
namespace Hexalith.StandIn.CodeGenerators;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

/// <summary>
/// For every type marked [PolymorphicSerialization]: a partial declaration that makes it a
/// Polymorphic (when it has no base of its own), a mapper record carrying its discriminator,
/// and one registration class per assembly
/// (<c>{Assembly}.Extensions.{AssemblyWithoutDots}Serialization</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PolymorphicRecordGenerator : IIncrementalGenerator
{
    private const string AttributeName = "Hexalith.PolymorphicSerializations.PolymorphicSerializationAttribute";
    private const string PolymorphicName = "Hexalith.PolymorphicSerializations.Polymorphic";

    private static readonly DiagnosticDescriptor _badBase = new(
        "LODEHX001",
        "A polymorphic message must derive from Polymorphic",
        "'{0}' has a base type that is neither Polymorphic nor marked [PolymorphicSerialization]",
        "Hexalith.StandIn",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor _nested = new(
        "LODEHX002",
        "A polymorphic message must be a top-level, non-generic type",
        "'{0}' is nested or generic: the stand-in generator does not support it",
        "Hexalith.StandIn",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<Target> targets = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
            static (ctx, _) => Describe(ctx));

        IncrementalValueProvider<(string Assembly, bool HasServices)> assembly = context.CompilationProvider.Select(
            static (c, _) => (c.AssemblyName ?? "Assembly", c.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is not null));

        context.RegisterSourceOutput(targets, static (spc, t) => EmitType(spc, t));
        context.RegisterSourceOutput(targets.Collect().Combine(assembly), static (spc, all) => EmitRegistration(spc, all.Left, all.Right.Assembly, all.Right.HasServices));
    }

    private static Target Describe(GeneratorAttributeSyntaxContext ctx)
    {
        INamedTypeSymbol symbol = (INamedTypeSymbol)ctx.TargetSymbol;
        AttributeData attribute = ctx.Attributes[0];
        string? name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        int version = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int v ? v : 1;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Name" && named.Value.Value is string n)
            {
                name = n;
            }
            else if (named.Key == "Version" && named.Value.Value is int nv)
            {
                version = nv;
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            name = symbol.Name;
        }

        INamedTypeSymbol? baseType = symbol.BaseType;
        bool hasBase = baseType is not null && baseType.SpecialType != SpecialType.System_Object;
        bool validBase = !hasBase;
        for (INamedTypeSymbol? b = baseType; hasBase && b is not null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
        {
            if (b.ToDisplayString() == PolymorphicName || b.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeName))
            {
                validBase = true;
                break;
            }
        }

        string keyword = ctx.TargetNode is RecordDeclarationSyntax r
            ? (r.ClassOrStructKeyword.IsKind(SyntaxKind.None) ? "record" : "record " + r.ClassOrStructKeyword.Text)
            : "class";
        string ns = symbol.ContainingNamespace.IsGlobalNamespace ? string.Empty : symbol.ContainingNamespace.ToDisplayString();
        return new Target(
            ns,
            symbol.Name,
            keyword,
            symbol.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            version < 2 ? name! : name + "V" + version,
            symbol.IsAbstract,
            hasBase,
            validBase,
            symbol.ContainingType is not null || symbol.IsGenericType,
            ctx.TargetNode.GetLocation().SourceTree?.FilePath ?? string.Empty,
            ctx.TargetNode.Span.Start);
    }

    private static void EmitType(SourceProductionContext spc, Target t)
    {
        if (t.Unsupported)
        {
            spc.ReportDiagnostic(Diagnostic.Create(_nested, Location.None, t.Name));
            return;
        }

        if (!t.ValidBase)
        {
            spc.ReportDiagnostic(Diagnostic.Create(_badBase, Location.None, t.Name));
            return;
        }

        StringBuilder code = new();
        _ = code.AppendLine("// <auto-generated>")
            .AppendLine("// Generated by the lode binding's Hexalith stand-in (PolymorphicRecordGenerator).")
            .AppendLine("// Discriminator: " + t.Discriminator)
            .AppendLine("// </auto-generated>")
            .AppendLine("#nullable enable");
        if (t.Namespace.Length > 0)
        {
            _ = code.AppendLine("namespace " + t.Namespace + ";");
        }

        string inherits = t.HasBase ? string.Empty : " : global::Hexalith.PolymorphicSerializations.Polymorphic";
        _ = code.AppendLine()
            .AppendLine("[global::System.Runtime.Serialization.DataContract]")
            .AppendLine($"{t.Access} partial {t.Keyword} {t.Name}{inherits};")
            .AppendLine()
            .AppendLine($"/// <summary>Maps <see cref=\"{t.Name}\"/> to the discriminator <c>{t.Discriminator}</c>.</summary>")
            .AppendLine($"{t.Access} sealed record {t.Name}Mapper() : global::Hexalith.PolymorphicSerializations.PolymorphicSerializationMapper<{t.Name}, global::Hexalith.PolymorphicSerializations.Polymorphic>(\"{t.Discriminator}\");");
        spc.AddSource(HintName(t) + ".g.cs", code.ToString());
    }

    private static void EmitRegistration(SourceProductionContext spc, ImmutableArray<Target> targets, string assembly, bool hasServices)
    {
        List<Target> registered = targets
            .Where(t => !t.Unsupported && t.ValidBase && !t.IsAbstract)
            .OrderBy(t => t.Namespace, System.StringComparer.Ordinal)
            .ThenBy(t => t.Name, System.StringComparer.Ordinal)
            .ToList();
        if (targets.IsEmpty)
        {
            return;
        }

        string ns = Identifier(assembly, keepDots: true);
        string project = Identifier(assembly, keepDots: false);
        StringBuilder code = new();
        _ = code.AppendLine("// <auto-generated>")
            .AppendLine("// Generated by the lode binding's Hexalith stand-in (PolymorphicRecordGenerator).")
            .AppendLine("// </auto-generated>")
            .AppendLine("#nullable enable")
            .AppendLine("namespace " + ns + ".Extensions;")
            .AppendLine()
            .AppendLine($"/// <summary>Registers the polymorphic message types of the assembly <c>{assembly}</c>.</summary>")
            .AppendLine($"public static class {project}Serialization")
            .AppendLine("{");
        if (hasServices)
        {
            _ = code.AppendLine("    /// <summary>Adds the polymorphic mappers of this assembly to a service collection.</summary>")
                .AppendLine("    /// <param name=\"services\">The service collection.</param>")
                .AppendLine("    /// <returns>The service collection.</returns>")
                .AppendLine($"    public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection Add{project}PolymorphicMappers(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)")
                .AppendLine("    {")
                .AppendLine("        global::System.ArgumentNullException.ThrowIfNull(services);")
                .AppendLine("        global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::Hexalith.PolymorphicSerializations.PolymorphicSerializationResolver>(services);");
            foreach (Target t in registered)
            {
                _ = code.AppendLine($"        global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<global::Hexalith.PolymorphicSerializations.IPolymorphicSerializationMapper, {Qualified(t)}Mapper>(services);");
            }

            _ = code.AppendLine("        return services;").AppendLine("    }").AppendLine();
        }

        _ = code.AppendLine("    /// <summary>Registers the polymorphic mappers of this assembly with the default resolver. Idempotent.</summary>")
            .AppendLine("    public static void RegisterPolymorphicMappers()")
            .AppendLine("    {");
        foreach (Target t in registered)
        {
            _ = code.AppendLine($"        global::Hexalith.PolymorphicSerializations.PolymorphicSerializationResolver.TryAddDefaultMapper(new {Qualified(t)}Mapper());");
        }

        _ = code.AppendLine("    }").AppendLine("}");
        spc.AddSource("SerializationMapperExtension.g.cs", code.ToString());
    }

    private static string Qualified(Target t) => t.Namespace.Length > 0 ? "global::" + t.Namespace + "." + t.Name : "global::" + t.Name;

    private static string HintName(Target t) => (t.Namespace.Length > 0 ? t.Namespace + "." : string.Empty) + t.Name + "Mapper";

    private static string Identifier(string text, bool keepDots)
    {
        StringBuilder b = new();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                _ = b.Append(c);
            }
            else if (c == '.' && keepDots)
            {
                _ = b.Append(c);
            }
            else if (c != '.')
            {
                _ = b.Append('_');
            }
        }

        return b.Length == 0 || char.IsDigit(b[0]) ? "_" + b : b.ToString();
    }

    private sealed record Target(
        string Namespace,
        string Name,
        string Keyword,
        string Access,
        string Discriminator,
        bool IsAbstract,
        bool HasBase,
        bool ValidBase,
        bool Unsupported,
        string File,
        int Position);
}
