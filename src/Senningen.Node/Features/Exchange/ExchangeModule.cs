using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Exchange.Keys;
using Senningen.Node.Features.Exchange.Monitor;
using Senningen.Node.Features.Exchange.Parking;
using Senningen.Node.Features.Exchange.Ping;
using Senningen.Node.Features.Exchange.Public;
using Senningen.Node.Common.Conventions;

namespace Senningen.Node.Features.Exchange;

/// <summary>The message list's filters, as the query string names them; as text, so that a malformed one is a problem naming it.</summary>
internal sealed record MessageFilter(
    [FromQuery(Name = "direction")] string? Direction = null,
    [FromQuery(Name = "status")] string? Status = null,
    [FromQuery(Name = "partner")] string? Partner = null,
    [FromQuery(Name = "page")] string? Page = null,
    [FromQuery(Name = "pageSize")] string? PageSize = null);

internal static class ExchangeModule
{
    public static WebApplicationBuilder AddExchange(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PayloadPrivacy>().AddScoped<ExchangeMonitor>().AddScoped<IExchangeStatus>(sp => sp.GetRequiredService<ExchangeMonitor>()).AddScoped<PingPartner>()
            .AddScoped<Keys.RotateNodeKey>().AddScoped<Keys.RevokeNodeKey>()
            .AddScoped<ParkedMessages>().AddScoped<RetryMessage>().AddScoped<DropMessage>();
        return builder;
    }

    public static WebApplication MapExchange(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/exchange").RequireAuthorization(Policies.ExchangeMonitor).WithTags("Exchange");
        group.MapGet("/status", async (ExchangeMonitor monitor, CancellationToken ct) => TypedResults.Ok(await monitor.StatusAsync(ct))).WithETag()
            .WithSummary("Per partner: queue depth, oldest undelivered, last success and error, circuit state.");
        group.MapGet("/messages", ListAsync)
            .Paged<ExchangeMessagePage, ExchangeMessageView>("exchange-messages", newestFirst: true,
                _ => throw new InvalidOperationException("The monitor names where a page of messages ends."), p => p.Messages,
                (whole, page) => whole with { Messages = page }, MessagesDefault, MessagesMax)
            .DeprecatedParameter("page", "cursor", PageDeprecated, PageSunset, "/docs/adr/0026-api-versioning-and-deprecation.md")
            .DeprecatedParameter("pageSize", "limit", PageDeprecated, PageSunset, "/docs/adr/0026-api-versioning-and-deprecation.md")
            .WithSummary("Messages in one direction (direction=out|in), newest first, with the total the filter matches.");
        group.MapGet("/messages/{id}", GetAsync).WithSummary("One message with its signed envelope and receipt (audited).");
        group.MapParking();
        group.MapPost("/ping", PingAsync).WithSummary("A signed round trip to a partner; reports the latency from commit to receipt.");
        app.MapGet("/api/v1/node/key", (NodeKeyRing keys, NodeSettings settings) =>
                TypedResults.Ok(new NodeKeyView(settings.Country.Value, keys.Current.KeyId, keys.Current.PublicKeyPem)))
            .WithTags("Node").WithSummary("This node's public signing key and fingerprint, to compare out of band with partners.");
        app.MapNodeKeys();
        return app;
    }

    /// <summary>What a call without <c>limit</c> gets, and the most a page holds: the old <c>pageSize</c>'s default and maximum.</summary>
    public const int MessagesDefault = 50;
    public const int MessagesMax = 500;

    private static readonly DateTimeOffset PageDeprecated = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PageSunset = new(2027, 6, 7, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One page of messages. The deprecated <c>pageSize</c> (1-500) still sets the first page's size when no <c>limit</c>
    /// is given, and <c>page</c> (1-100,000) still skips to that page when no <c>cursor</c> is given.
    /// </summary>
    public static async Task<Results<Ok<ExchangeMessagePage>, ProblemHttpResult>> ListAsync([AsParameters] MessageFilter filter, ExchangeMonitor monitor,
        Texts texts, HttpContext http, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var dir = string.IsNullOrWhiteSpace(filter.Direction) ? "out" : filter.Direction.ToLowerInvariant();
        validator.OneOf("direction", dir, ["out", "in"]);
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            validator.OneOf("status", filter.Status.ToLowerInvariant(), dir == "in" ? ["accepted", "handled", "parked", "dropped"]
                : ["queued", "receipted", "rejected", "expired", "parked", "dropped"]);
        }

        var country = string.IsNullOrWhiteSpace(filter.Partner) ? (Core.Countries.CountryCode?)null : validator.Country("partner", filter.Partner, partyOnly: true);
        var pageNumber = validator.WholeNumber("page", filter.Page, 1, 1, 100_000);
        var size = validator.WholeNumber("pageSize", filter.PageSize, MessagesDefault, 1, MessagesMax);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var page = PageRequest.Of(http, MessagesDefault);
        if (filter.PageSize is not null && !http.Request.Query.ContainsKey(PagedFilter<object>.LimitField))
        {
            page = page with { Limit = size };
            http.Features.Set(page);
        }

        var skip = page.After is null ? (pageNumber - 1) * page.Limit : 0;
        return TypedResults.Ok(await monitor.ListAsync(dir, filter.Status, country, page, skip, ct));
    }

    public static async Task<Results<Ok<ExchangeMessageDetail>, ProblemHttpResult>> GetAsync(string id, ExchangeMonitor monitor, Texts texts,
        CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var messageId))
        {
            return Problems.Validation(texts, new FieldError("id", Rules.Format, texts["rule.guid-format", "id"]));
        }

        return await monitor.OpenAsync(messageId, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound(texts, "message");
    }

    public static async Task<Results<Ok<PingResult>, ProblemHttpResult>> PingAsync(PingRequest request, PingPartner ping, NodeSettings settings,
        Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var partner = validator.Country("partner", request.Partner, partyOnly: true);
        if (partner.IsValid && !settings.Partners.Any(p => p.Country == partner))
        {
            validator.Add("partner", Rules.OneOf, "rule.one-of", string.Join(", ", settings.Partners.Select(p => p.Country.Value)));
        }

        validator.MaxLength("note", request.Note, 500);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(await ping.PingAsync(partner, request.Note, ct));
    }
}
