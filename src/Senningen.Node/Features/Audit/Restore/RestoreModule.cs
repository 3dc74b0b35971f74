using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Features.Audit.Restore;

/// <summary>A node restored from a backup asks its partners for what it lost and checks its log against what they hold (issue 19).</summary>
internal static class RestoreModule
{
    public static WebApplicationBuilder AddAuditRestore(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RequestResync>().AddHostedService<RestoreMarker>();
        builder.Services.AddMessageType<ResyncRequestPayload, ResyncRequestHandler>(ResyncRequestPayload.Type, 1);
        builder.Services.AddMessageType<ResyncAnswerPayload, ResyncAnswerHandler>(ResyncAnswerPayload.Type, 1);
        return builder;
    }

    public static WebApplication MapAuditRestore(this WebApplication app)
    {
        app.MapPost("/api/v1/exchange/resync", ResyncAsync).WithTags("Exchange").RequireAuthorization(Policies.Admin)
            .WithSummary("After a restore: ask every partner to send again what it delivered since an instant (default: the last message held from it) and to show the head of this log it holds.");
        return app;
    }

    public static async Task<Results<Ok<ResyncRequested>, ProblemHttpResult>> ResyncAsync(ResyncRequest request, RequestResync resync, CurrentOfficer officer,
        NodeSettings settings, TimeProvider clock, Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var since = request.Since is null ? null : validator.Moment("since", request.Since);
        var now = clock.GetUtcNow();
        var oldest = now - settings.Exchange.MaxLifetime;
        if (since is { } at && (at < oldest || at > now + settings.Exchange.ClockSkew))
        {
            validator.Add("since", Rules.Range, "rule.resync-since", oldest.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(await resync.RunAsync(since, officer.Actor, ct));
    }
}
