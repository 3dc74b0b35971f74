using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Senningen.Node.Common.Idempotency;

namespace Senningen.Node.Common.Observability;

/// <summary>
/// What every operation of the document says, derived from the endpoint's own metadata so that no endpoint can forget it:
/// a stable operationId, the bearer requirement unless the endpoint allows anonymous callers, the Idempotency-Key header
/// where the endpoint honours it, and the error answers the node's shared pipeline can give it, as problem+json.
/// </summary>
internal sealed class OpenApiOperations : IOpenApiOperationTransformer
{
    public const string SecuritySchemeId = "bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (description.RelativePath ?? "").TrimEnd('/');
        operation.OperationId ??= metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName
            ?? OperationId(description.HttpMethod ?? "GET", path);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId, context.Document)] = [] }];

        var idempotent = metadata.OfType<IdempotentMetadata>().Any();
        if (idempotent)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.Header,
                In = ParameterLocation.Header,
                Description = "Any unique text (8 to 100 characters) that makes the request safe to send again: the same key from the same "
                    + "user gets the first answer back (header Idempotent-Replayed: true) and nothing is done twice.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 8, MaxLength = IdempotencyFilter.MaxKeyLength },
            });
        }

        operation.Responses ??= [];
        foreach (var status in ErrorStatuses(description, metadata, path, anonymous, idempotent))
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = OpenApiProblems.Response(status, context.Document);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The error answers the shared pipeline gives this endpoint: bad input where something is bound from the request, the
    /// sign-in and role checks where authorisation applies, not-found where the route names an object, the body limit where
    /// there is a body, the per-user limit on /api; and what the endpoint declares itself (ProducesProblem, e.g. a 409).
    /// </summary>
    public static SortedSet<int> ErrorStatuses(ApiDescription description, IList<object> metadata, string path, bool anonymous, bool idempotent)
    {
        var statuses = new SortedSet<int>();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form)
            || description.SupportedRequestFormats.Count > 0;
        if (hasBody || idempotent || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Header))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (!anonymous)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (idempotent)
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (hasBody)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
        }

        if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        foreach (var declared in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode >= 400 && p.StatusCode < 500))
        {
            statuses.Add(declared.StatusCode);
        }

        return statuses;
    }

    /// <summary>
    /// The method and the route in camel case, a route parameter as By{Name}: <c>GET /api/v1/requests/{id}/form</c> is
    /// <c>getRequestsByIdForm</c>. Unique as long as routes are, and stable as long as the route, the public contract, is.
    /// </summary>
    public static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The prefix api/v1 says nothing an operation name needs; the exchange's keeps its name (exchange/v1/inbox: postExchangeInbox).
        foreach (var segment in segments.Skip(segments is ["api", ..] ? 1 : 0).Where(s => s != "v1"))
        {
            if (segment.StartsWith('{'))
            {
                var name = segment.Trim('{', '}').Split(':', '=', '?')[0].TrimStart('*');
                id.Append("By").Append(Pascal(name));
            }
            else
            {
                id.Append(Pascal(segment));
            }
        }

        return id.ToString();
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
