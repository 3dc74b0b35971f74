using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Errors;

/// <summary>
/// Turns request-binding failures into 400/413/415 problems that name the field, an unreachable database into a 503
/// with Retry-After, and anything else into a 500 problem that reveals nothing but the trace id.
/// </summary>
internal sealed partial class ProblemExceptionHandler(Texts texts, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The language middleware's culture ended with the exception that unwound it; its choice stays on the request.
        if (httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } language)
        {
            System.Globalization.CultureInfo.CurrentCulture = language.RequestCulture.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = language.RequestCulture.UICulture;
        }

        var result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problems.Create(texts, StatusCodes.Status413PayloadTooLarge, "too-large", texts["problem.too-large.detail"]),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                Problems.Create(texts, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", texts["problem.unsupported-media-type.detail"]),
            BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) =>
                Problems.Validation(texts, new FieldError("body", Rules.Required, texts["rule.body-required"])),
            BadHttpRequestException bad => Problems.Create(texts, bad.StatusCode, "bad-request", texts["problem.bad-request.detail"]),
            _ when DatabaseUnavailable.Is(exception) => Unavailable(httpContext, exception),
            Exchange.PartnerEncryptionKeyUnknownException unknown => EncryptionKeyUnknown(httpContext, unknown),
            _ => null,
        };

        if (result is null)
        {
            LogUnhandled(logger, exception);
            result = Problems.Create(texts, StatusCodes.Status500InternalServerError, "internal", texts["problem.internal.detail"]);
        }

        result.ProblemDetails.Extensions["traceId"] = httpContext.TraceIdentifier;
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unavailable(HttpContext httpContext, Exception exception)
    {
        LogDatabaseUnavailable(logger, exception.GetBaseException().Message);
        httpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(texts, StatusCodes.Status503ServiceUnavailable, "database-unavailable", texts["problem.database-unavailable.detail"]);
    }

    // Nothing was saved: the message is refused before the unit of work commits. Once the partner answers its key set
    // (fetched at most every few seconds on demand, every few minutes otherwise), the same request succeeds.
    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult EncryptionKeyUnknown(HttpContext httpContext, Exchange.PartnerEncryptionKeyUnknownException unknown)
    {
        httpContext.Response.Headers.RetryAfter = "60";
        var result = Problems.Create(texts, StatusCodes.Status503ServiceUnavailable, "partner-encryption-key-unknown",
            texts["problem.partner-encryption-key-unknown.detail", unknown.Partner.Value]);
        result.ProblemDetails.Extensions["partner"] = unknown.Partner.Value;
        return result;
    }

    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult FromJson(JsonException json)
    {
        // "$.roles[2]" -> "roles[2]"; a syntax error before any property has no path and concerns the body.
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        // System.Text.Json reports a value of the wrong type as "could not be converted"; anything else is malformed text.
        var syntax = !json.Message.Contains("could not be converted", StringComparison.OrdinalIgnoreCase);
        var error = syntax
            ? new FieldError(field, Rules.JsonSyntax, texts["rule.json-syntax", field, json.LineNumber + 1, json.BytePositionInLine + 1])
            : new FieldError(field, Rules.JsonType, texts["rule.json-type", field]);
        return Problems.Validation(texts, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot be reached; answered 503: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while serving the request")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
