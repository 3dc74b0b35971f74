using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Errors;

/// <summary>
/// Refuses a declared oversized body before anything reads it, with a problem the caller can understand;
/// Kestrel's own limit (set to the same value) stops chunked bodies that lie about their size.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, NodeSettings settings, Texts texts)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = settings.Api.MaxRequestBodyBytes;
        if (context.Request.ContentLength is long length && length > limit)
        {
            var problem = Problems.Create(texts, StatusCodes.Status413PayloadTooLarge, "too-large", texts["problem.too-large.detail"],
                new Dictionary<string, object?>
                {
                    ["errors"] = new[] { new FieldError("body", "max-size", texts["rule.max-size", "body", limit]) },
                });
            await problem.ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
