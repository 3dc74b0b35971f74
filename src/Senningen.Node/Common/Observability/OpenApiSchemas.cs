using Microsoft.OpenApi;

namespace Senningen.Node.Common.Observability;

/// <summary>Schema corrections that make the document say what a client should send, not every form the reader tolerates.</summary>
internal static class OpenApiSchemas
{
    /// <summary>
    /// The web serializer also reads numbers written as strings ("12"), so the framework describes every number as
    /// "integer or string matching a number pattern"; generators then make every count an untyped union. The document
    /// names the number alone, which the node reads as well.
    /// </summary>
    public static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }
}
