using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Senningen.Node.Common.Observability;

/// <summary>The OpenAPI document at /openapi/v1.json and a browsable reference at /api-reference.</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddOperationTransformer<OpenApiOperations>();
            o.AddOperationTransformer<OpenApiExamples>();
            o.AddSchemaTransformer<OpenApiSchemaLimits>();
            o.AddOperationTransformer<Conventions.OpenApiConventions>();
            o.AddSchemaTransformer((schema, _, _) =>
            {
                OpenApiSchemas.NumbersAsNumbers(schema);
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Senningen node API",
                    Version = "v1",
                    Description = "One national node of the Benelux cross-border police cooperation platform. "
                        + "Get a token with POST /api/v1/auth/token and send it as 'Authorization: Bearer …'. "
                        + "Every refusal is RFC 9457 problem+json; bad input names each field and rule in `errors`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[OpenApiOperations.SecuritySchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Token from POST /api/v1/auth/token",
                };
                OpenApiProblems.AddSchemas(document);
                OpenApiProblems.DropUnusedFrameworkSchema(document);
                OpenApiTags.Describe(document);
                // The server is the address the document was asked at; a trailing slash would double the one every path starts with.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // A police network blocks calls to third parties and a security review objects to them: the reference loads its
        // script from the node and asks nothing of Scalar's services (fonts, AI agent, MCP, telemetry, client downloads).
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Senningen node API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts().DisableAgent().DisableMcp().DisableTelemetry().HideDeveloperTools().HideClientButton())
            .AllowAnonymous();
        return app;
    }
}
