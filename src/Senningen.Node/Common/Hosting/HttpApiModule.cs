using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Common.Hosting;

/// <summary>
/// The conventions every endpoint shares: problem+json for expected failures and for the one exception handler, bad
/// bindings as 400, enums as strings in JSON, audited refusals, antiforgery, rate limits and the OpenAPI document.
/// </summary>
internal static class HttpApiModule
{
    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        var (services, settings) = (builder.Services, builder.NodeSettings);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        // Secure when the request came over TLS, at Kestrel or at the front (X-Forwarded-Proto); plain on the demo's http.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = settings.CookiePrefix + ".Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddApiRateLimits(settings);
        services.AddPaging();
        services.AddOpenApiDocument();
        return builder;
    }
}
