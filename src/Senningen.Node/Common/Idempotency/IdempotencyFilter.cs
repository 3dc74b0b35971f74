using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Idempotency;

/// <summary>
/// Makes a POST safe to send again: with an <c>Idempotency-Key</c> header, the first request does the work and its
/// success is kept; the same key from the same user gets the kept answer (header <c>Idempotent-Replayed: true</c>)
/// and nothing is done twice. The answer commits in one transaction with the handler's saves (see
/// <see cref="IdempotencyClaims"/>), so a client that lost the connection after the commit gets it on its retry.
/// A duplicate sent while the first still runs gets 409 of type <see cref="InProgressType"/>, the one answer a
/// client should wait on and send again. Failures are not kept: the client may correct and send again under the same key.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string InProgressType = Problems.TypePrefix + InProgressKind;
    public const int MaxKeyLength = 100;
    private const string InProgressKind = "idempotency-in-progress";
    private const int MinKeyLength = 8;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        // Scoped services from the request: the handler must share this DbContext for its saves to join the answer's transaction.
        var services = http.RequestServices;
        var db = services.GetRequiredService<SenningenDbContext>();
        var texts = services.GetRequiredService<Texts>();
        var key = values.ToString();
        if (!WellFormed(key))
        {
            return Problems.Validation(texts, new FieldError(Header, Rules.Format, texts["rule.idempotency-key", Header, MinKeyLength, MaxKeyLength]));
        }

        var user = http.User.Identity?.Name ?? "";
        var request = $"{http.Request.Method} {http.Request.Path}";
        var claims = new IdempotencyClaims(db, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<NodeSettings>().Api.IdempotencyTimeout);
        var claim = await claims.ClaimAsync(user, key, request, http.RequestAborted);
        if (!claim.Owned)
        {
            return Answer(texts, claim.Kept, request, http);
        }

        await using var unit = db.BeginUnitOfWork();
        object? result;
        try
        {
            result = await next(context);
            var inner = result;
            // Typed unions (Results<Created<T>, ProblemHttpResult>) wrap the result that says what happened.
            while (inner is INestedHttpResult nested)
            {
                inner = nested.Result;
            }

            var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            // Once the work is done it is committed with its answer even if the client has gone: its retry finds the answer.
            if (status is < 200 or > 299)
            {
                await claims.ReleaseAsync(user, key, claim.ClaimedAtMs, CancellationToken.None);
            }
            else if (!await claims.KeepAsync(user, key, claim.ClaimedAtMs, status, inner?.GetType().GetProperty("Location")?.GetValue(inner) as string,
                         Body(inner, services), CancellationToken.None))
            {
                // Taken over by a retry after the timeout: this request's work is rolled back; the retry's stands.
                return InProgress(texts, http);
            }

            await unit.CommitAsync(CancellationToken.None);
        }
        catch
        {
            await unit.DisposeAsync();
            await claims.AbandonAsync(user, key, claim.ClaimedAtMs);
            throw;
        }

        return result;
    }

    private static bool WellFormed(string key) =>
        key.Length is >= MinKeyLength and <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static string? Body(object? inner, IServiceProvider services) =>
        inner is IValueHttpResult { Value: { } value }
            ? JsonSerializer.Serialize(value, value.GetType(), services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)
            : null;

    private static object Answer(Texts texts, IdempotentRequest? kept, string request, HttpContext http)
    {
        if (kept is not null && !string.Equals(kept.Request, request, StringComparison.Ordinal))
        {
            return Problems.Validation(texts, new FieldError(Header, Rules.Unique, texts["rule.idempotency-key-reused", Header]));
        }

        if (kept is not { Status: not 0 })
        {
            return InProgress(texts, http);
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (kept.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return kept.Body is null
            ? Results.StatusCode(kept.Status)
            : Results.Text(kept.Body, "application/json", System.Text.Encoding.UTF8, kept.Status);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InProgress(Texts texts, HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return Problems.Create(texts, StatusCodes.Status409Conflict, InProgressKind, texts["problem.idempotency-in-progress"]);
    }
}

/// <summary>Route builder sugar: <c>.Idempotent()</c> on a POST that a client may have to send again.</summary>
internal static class IdempotencyExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<IdempotencyFilter>()
        .WithMetadata(new IdempotentMetadata());
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c>, for the tests that list them.</summary>
internal sealed class IdempotentMetadata;
