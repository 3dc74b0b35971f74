using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Idempotency;

/// <summary>
/// Makes a POST safe to send again: with an <c>Idempotency-Key</c> header, the first request does the work and its
/// success is kept; the same key from the same user gets the kept answer (header <c>Idempotent-Replayed: true</c>)
/// and nothing is done twice. The key's row is added before the handler runs, so the handler's own save commits it
/// with the business change: a concurrent duplicate fails that save on the key and changes nothing.
/// Failures are not kept: the client may correct and send again under the same key.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;
    private const int MinKeyLength = 8;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        // Scoped services from the request: the handler must share this DbContext for its save to carry the key.
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
        if (await FindAsync(db, user, key, http.RequestAborted) is { } kept)
        {
            return Answer(texts, kept, request, http);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var row = new IdempotentRequest { Key = key, UserName = user, Request = request, CreatedAtMs = now.ToUnixTimeMilliseconds() };
        db.Add(row);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key saved first: answer as it did, or let the failure stand.
            db.ChangeTracker.Clear();
            if (await FindAsync(db, user, key, CancellationToken.None) is { } raced)
            {
                return Answer(texts, raced, request, http);
            }

            throw;
        }

        // Typed unions (Results<Created<T>, ProblemHttpResult>) wrap the result that says what happened.
        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var entry = db.Entry(row);
        if (status is < 200 or > 299)
        {
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }

            return result;
        }

        row.Status = status;
        row.Location = inner?.GetType().GetProperty("Location")?.GetValue(inner) as string;
        row.Body = inner is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions) : null;
        await db.SaveChangesAsync(http.RequestAborted);
        return result;
    }

    private static bool WellFormed(string key) =>
        key.Length is >= MinKeyLength and <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static Task<IdempotentRequest?> FindAsync(SenningenDbContext db, string user, string key, CancellationToken ct) =>
        db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.UserName == user && r.Key == key, ct);

    private static object Answer(Texts texts, IdempotentRequest kept, string request, HttpContext http)
    {
        if (!string.Equals(kept.Request, request, StringComparison.Ordinal))
        {
            return Problems.Validation(texts, new FieldError(Header, Rules.Unique, texts["rule.idempotency-key-reused", Header]));
        }

        if (kept.Status == 0)
        {
            return Problems.Conflict(texts, texts["problem.idempotency-in-progress"]);
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
}

/// <summary>Route builder sugar: <c>.Idempotent()</c> on a POST that a client may have to send again.</summary>
internal static class IdempotencyExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.AddEndpointFilter<IdempotencyFilter>()
        .WithMetadata(new IdempotentMetadata());
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c>, for the tests that list them.</summary>
internal sealed class IdempotentMetadata;
