using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Exchange.Monitor;
using Senningen.Node.Features.Exchange.Ping;
using Senningen.Node.Features.Exchange.Public;

namespace Senningen.Node.Features.Exchange;

internal static class ExchangeModule
{
    public static WebApplicationBuilder AddExchange(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExchangeMonitor>().AddScoped<IExchangeStatus>(sp => sp.GetRequiredService<ExchangeMonitor>()).AddScoped<PingPartner>();
        return builder;
    }

    public static WebApplication MapExchange(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/exchange").RequireAuthorization(Policies.ExchangeMonitor).WithTags("Exchange");
        group.MapGet("/status", (ExchangeMonitor monitor, CancellationToken ct) => monitor.StatusAsync(ct))
            .WithSummary("Per partner: queue depth, oldest undelivered, last success and error, circuit state.");
        group.MapGet("/messages", ListAsync).WithSummary("Messages in either direction, newest first.");
        group.MapGet("/messages/{id}", GetAsync).WithSummary("One message with its signed envelope and receipt (audited).");
        group.MapPost("/ping", PingAsync).WithSummary("A signed round trip to a partner; reports the latency from commit to receipt.");
        app.MapGet("/api/v1/node/key", (NodeSigningKey key, NodeSettings settings) =>
                TypedResults.Ok(new NodeKeyView(settings.Country.Value, key.KeyId, key.PublicKeyPem)))
            .WithTags("Node").WithSummary("This node's public signing key and fingerprint, to compare out of band with partners.");
        return app;
    }

    public static async Task<Results<Ok<ExchangeMessagePage>, ProblemHttpResult>> ListAsync(string? direction, string? status, string? partner,
        string? page, string? pageSize, ExchangeMonitor monitor, Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var dir = string.IsNullOrWhiteSpace(direction) ? "out" : direction.ToLowerInvariant();
        validator.OneOf("direction", dir, ["out", "in"]);
        if (!string.IsNullOrWhiteSpace(status))
        {
            validator.OneOf("status", status.ToLowerInvariant(), dir == "in" ? ["accepted", "handled", "failed"] : ["queued", "receipted", "rejected", "expired"]);
        }

        var country = string.IsNullOrWhiteSpace(partner) ? (Core.Countries.CountryCode?)null : validator.Country("partner", partner, partyOnly: true);
        var pageNumber = validator.WholeNumber("page", page, 1, 1, 100_000);
        var size = validator.WholeNumber("pageSize", pageSize, 50, 1, 500);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(await monitor.ListAsync(dir, status, country?.Value, pageNumber, size, ct));
    }

    public static async Task<Results<Ok<ExchangeMessageDetail>, ProblemHttpResult>> GetAsync(string id, ExchangeMonitor monitor, AuditLog audit,
        Texts texts, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var messageId))
        {
            return Problems.Validation(texts, new FieldError("id", Rules.Format, texts["rule.guid-format", "id"]));
        }

        var detail = await monitor.FindAsync(messageId, ct);
        if (detail is null)
        {
            return Problems.NotFound(texts, "message");
        }

        // The payload may carry personal data: reading it is a disclosure like any other.
        await audit.WriteAsync(new AuditRecord(AuditActions.MessageRead, AuditOutcomes.Success, [$"message:{messageId}"],
            CaseReference: detail.Message.CaseReference, Detail: $"{detail.Message.Direction} {detail.Message.Type}"), cancellationToken: ct);
        return TypedResults.Ok(detail);
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
