using Microsoft.OpenApi;

namespace Senningen.Node.Common.Observability;

/// <summary>
/// The problem+json answer as the document describes it: RFC 9457's members and the <c>errors</c> extension that names
/// each broken field and rule (<see cref="Errors.FieldError"/>), so a generated client reads a refusal as a typed error.
/// </summary>
internal static class OpenApiProblems
{
    public const string SchemaId = "Problem";
    public const string FieldErrorSchemaId = "FieldError";
    public const string MediaType = "application/problem+json";

    /// <summary>What each error status means on this API, the same for every operation that can answer it.</summary>
    public static readonly IReadOnlyDictionary<int, string> Meanings = new Dictionary<int, string>
    {
        [StatusCodes.Status400BadRequest] = "Bad input: `errors` names each field and broken rule.",
        [StatusCodes.Status401Unauthorized] = "Not signed in: no valid bearer token (missing, expired, revoked, user disabled); on the token endpoints, credentials or refresh token refused.",
        [StatusCodes.Status403Forbidden] = "The user's role, or a treaty or need-to-know rule, does not allow this; `errors` names the rule where there is one.",
        [StatusCodes.Status404NotFound] = "No such object, or one outside the caller's need to know (the two are not told apart).",
        [StatusCodes.Status409Conflict] = "The object is not in a state that allows this, or a request with the same Idempotency-Key is still running.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than the node accepts (`errors`: field `body`, rule `max-size`).",
        [StatusCodes.Status415UnsupportedMediaType] = "The body's Content-Type is not one this operation reads.",
        [StatusCodes.Status429TooManyRequests] = "Too many requests; try again after the number of seconds in Retry-After.",
    };

    public static void AddSchemas(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[FieldErrorSchemaId] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One broken rule on one field of the request.",
            Required = new HashSet<string> { "field", "rule", "message" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["field"] = Text("The field, as a JSON path in the request (`fields.hostCountry`, `reads[3].plate`), a query parameter or a header."),
                ["rule"] = Text("The stable name of the broken rule (`required`, `max-length`, `one-of`, `format`, `range`, `need-to-know`, ...)."),
                ["message"] = Text("The rule in the caller's language."),
            },
        };
        document.Components.Schemas[SchemaId] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, in the caller's language.",
            Required = new HashSet<string> { "type", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A stable URN per kind of problem (`urn:senningen:problem:validation`, `...:not-found`, `...:conflict`)."),
                ["title"] = Text("The kind of problem, in the caller's language."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("What went wrong in this case."),
                ["instance"] = Text("The request's path."),
                ["traceId"] = Text("The correlation id to quote to the node's operator."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = "Each broken field and rule; present on 400 answers and on refusals that name a rule.",
                    Items = new OpenApiSchemaReference(FieldErrorSchemaId, document),
                },
            },
        };
    }

    /// <summary>The framework's ProblemDetails, which every error answer now names as ours, goes unless a 5xx answer still uses it.</summary>
    public static void DropUnusedFrameworkSchema(OpenApiDocument document)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values.AsEnumerable() ?? [])
            .Any(m => m.Schema is OpenApiSchemaReference { Reference.Id: "ProblemDetails" });
        if (!used)
        {
            document.Components?.Schemas?.Remove("ProblemDetails");
        }
    }

    public static OpenApiResponse Response(int status, OpenApiDocument? document) => new()
    {
        Description = Meanings.TryGetValue(status, out var meaning) ? meaning : "The request was refused.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
