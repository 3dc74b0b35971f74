using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Common.Conventions;

/// <summary>
/// Documents the conventions an endpoint's metadata says it follows: <c>limit</c>/<c>cursor</c> and the next link on a
/// paged list, <c>If-None-Match</c>/<c>ETag</c>/304 on a polled read, <c>deprecated</c> with its sunset.
/// </summary>
internal sealed class OpenApiConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<PagedMetadata>().LastOrDefault() is { } list)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = PagedFilter<object>.LimitField,
                In = ParameterLocation.Query,
                Description = $"Items per page, {list.DefaultLimit} when absent.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = list.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = PagedFilter<object>.CursorField,
                In = ParameterLocation.Query,
                Description = "Opaque: copy it from the previous page's Link rel=\"next\". Expires after an hour; altered, expired or "
                    + "another list's cursor is a 400 naming cursor (rule cursor-invalid or cursor-expired).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000 },
            });
            operation.Responses["400"] = OpenApiProblems.Response(StatusCodes.Status400BadRequest, context.Document);
            if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse)
            {
                okResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
                okResponse.Headers["Link"] = new OpenApiHeader
                {
                    Description = "<…>; rel=\"next\" when more items follow: the same query with limit and cursor set.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        foreach (var old in metadata.OfType<DeprecatedParameterMetadata>())
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == old.Name) is { } parameter)
            {
                parameter.Deprecated = true;
                parameter.Description = $"Deprecated: use {old.Instead}. Honoured until {old.Sunset:yyyy-MM-dd}; an answer to a call that uses it carries Deprecation and Sunset. {parameter.Description}".TrimEnd();
            }
        }

        if (metadata.OfType<ETagMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the answer the client has: 304 without a body while it is still current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the client's copy (its ETag) is current." };
        }

        if (metadata.OfType<DeprecatedMetadata>().LastOrDefault() is { } deprecated)
        {
            operation.Deprecated = true;
            operation.Description = $"{operation.Description} Deprecated; answers until {deprecated.Sunset:yyyy-MM-dd} (Sunset header), see {deprecated.Link}.".Trim();
        }

        return Task.CompletedTask;
    }
}
