using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Senningen.Node.Common.Observability;

/// <summary>
/// A rule the node enforces on one property of a request body, as a capability declares it from the same constants its
/// rules check, so the document and the check cannot drift apart. <paramref name="Property"/> is the JSON name.
/// </summary>
public sealed record SchemaLimit(Type Type, string Property, int? MinLength = null, int? MaxLength = null, double? Minimum = null, double? Maximum = null,
    IReadOnlyList<string>? OneOf = null)
{
    public static SchemaLimit Length<T>(string property, int max, int? min = null) => new(typeof(T), property, MinLength: min, MaxLength: max);

    public static SchemaLimit Range<T>(string property, double min, double max) => new(typeof(T), property, Minimum: min, Maximum: max);

    public static SchemaLimit Names<T>(string property, IEnumerable<string> names) => new(typeof(T), property, OneOf: [.. names]);
}

public static class SchemaLimitsSetup
{
    /// <summary>Declares limits for the document; each capability adds its own next to its rules.</summary>
    public static IServiceCollection AddSchemaLimits(this IServiceCollection services, params SchemaLimit[] limits)
    {
        foreach (var limit in limits)
        {
            services.AddSingleton(limit);
        }

        return services;
    }
}

/// <summary>Writes the declared <see cref="SchemaLimit"/>s into the schemas of the request bodies they belong to.</summary>
internal sealed class OpenApiSchemaLimits(IEnumerable<SchemaLimit> limits) : IOpenApiSchemaTransformer
{
    private readonly ILookup<Type, SchemaLimit> _byType = limits.ToLookup(l => l.Type);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || !_byType.Contains(context.JsonTypeInfo.Type) || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var limit in _byType[context.JsonTypeInfo.Type])
        {
            if (!schema.Properties.TryGetValue(limit.Property, out var found) || found is not OpenApiSchema property)
            {
                throw new InvalidOperationException($"{context.JsonTypeInfo.Type.Name} has no property '{limit.Property}' to document a limit on.");
            }

            property.MinLength = limit.MinLength ?? property.MinLength;
            property.MaxLength = limit.MaxLength ?? property.MaxLength;
            property.Minimum = limit.Minimum is { } min ? min.ToString(CultureInfo.InvariantCulture) : property.Minimum;
            property.Maximum = limit.Maximum is { } max ? max.ToString(CultureInfo.InvariantCulture) : property.Maximum;
            if (limit.OneOf is { } names)
            {
                property.Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))];
            }
        }

        return Task.CompletedTask;
    }
}
