using Senningen.Contracts.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Retention;
using Senningen.Node.Common.Security;
using Senningen.Node.Components.Layout;
using Senningen.Node.Features.Requests.Drafting;
using Senningen.Node.Features.Requests.Messages;
using Senningen.Node.Features.Requests.Reading;
using Senningen.Node.Features.Requests.Retention;
using Senningen.Node.Features.Requests.Workflow;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Conventions;
using Senningen.Node.Common.Idempotency;

namespace Senningen.Node.Features.Requests;

/// <summary>
/// Cooperation requests between the partners (issue 7, ADR 0014): types as data, a workflow both nodes follow over the
/// exchange, deadlines of Directive (EU) 2023/977, routing to the competent authority, crisis paging, printable forms.
/// </summary>
internal static class RequestsModule
{
    public static WebApplicationBuilder AddRequests(this WebApplicationBuilder builder)
    {
        var (services, configuration, node) = (builder.Services, builder.Configuration, builder.NodeSettings);
        var settings = RequestsSettings.Read(configuration, node);
        services.AddSingleton(settings);
        services.AddSchemaLimits(DraftRules.Limits);
        services.AddSingleton(sp => RequestCatalogueLoader.Load(settings.Directory, sp.GetRequiredService<TreatyCatalogue>()));
        services.AddConsoleBanner<Ui.CrisisBanner>(Policies.Alerts);
        services.AddScoped<RequestAccess>().AddScoped<RequestSteps>().AddScoped<RequestTransitions>().AddScoped<RequestDrafts>().AddScoped<RequestReader>()
            .AddScoped<RequestReading>().AddScoped<DraftAttachments>().AddScoped<Sharing.RequestDisclosures>().AddScoped<Liaison.LiaisonDirectory>()
            .AddScoped<Public.RequestStatisticsFacts>().AddScoped<StreamRequestSteps>();
        services.AddRetentionTarget<RequestRetention>();
        services.AddMessageType<SubmittedPayload, SubmittedHandler>(SubmittedPayload.MessageType, 1);
        services.AddMessageType<TransitionPayload, TransitionHandler>(TransitionPayload.Type, 1);
        services.AddSingleton<Deadlines.DeadlineWorker>();
        if (node.Exchange.DispatcherEnabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<Deadlines.DeadlineWorker>());
        }

        return builder;
    }

    public static Task SeedDemoRequestsAsync(this IServiceProvider services, string patrolUnit, CancellationToken ct) =>
        Demo.DemoRequests.SeedAsync(services, patrolUnit, ct);

    public static WebApplication MapRequests(this WebApplication app)
    {
        var requests = app.MapGroup("/api/v1/requests").RequireAuthorization(Policies.Requests).WithTags("Requests");
        requests.MapGet("/types", ReadRequests.Types).Bounded(50, "The reviewed treaty catalogue's request types: a handful, changed only by a catalogue release").WithSummary("The request types with their form fields, urgencies and legal basis, in the caller's language.");
        requests.MapPost("", CreateDraft.HandleAsync).Idempotent().WithSummary("Creates a draft; 400 naming each broken field rule, 403 naming the treaty or joint-use rule.");
        requests.MapGet("", ReadRequests.ListAsync).WithETag()
            .Paged<Contracts.Requests.RequestSummary>("requests", newestFirst: true, r => Keyset.Of(r.CreatedAt, r.Id), 500, 500, regrouped: true)
            .WithSummary("Inbox (box=inbox) and outbox (box=outbox), filtered by state, type, urgency and overdue=true; crisis first, then newest.");
        requests.MapGet("/crisis/open", ReadRequests.OpenCrisisAsync).WithETag()
            .Paged<Contracts.Requests.RequestSummary>("requests-crisis-open", newestFirst: false, r => Keyset.Of(r.CreatedAt, r.Id), 500, 500)
           .WithSummary("Crisis requests to this node nobody acknowledged yet (the control-room banner).");
        requests.MapGet("/{id:guid}", ReadRequests.GetAsync).WithETag().WithSummary("One request with its fields, route, legal basis, timeline and the caller's next actions (audited).");
        requests.MapGet("/{id:guid}/form", ReadForm.HandleAsync).WithSummary("The printable form's content in one language (lang=nl|fr|de|en; audited).");
        requests.MapPost("/{id:guid}/transitions", TransitionRequest.HandleAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("One workflow action (submit, accept, refuse, ...); 409 from the wrong state, 403 for the other side or role; sent to the partner.");
        requests.MapPost("/{id:guid}/acknowledge", TransitionRequest.AcknowledgeAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The partner's desk has seen a (crisis) request.");
        requests.MapPost("/{id:guid}/attachments", AddAttachment.HandleAsync).Idempotent().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Attaches a file to a draft (pdf, jpeg, png, text; size limited).");
        requests.MapPost("/{id:guid}/disclosures", Sharing.PassOn.HandleAsync).Idempotent()
            .WithSummary("Passes on a purpose-limited answer (administrative approach) to a recipient the request named, for its stated purpose; 403 naming the rule otherwise.");

        app.MapGet("/api/v1/streams/requests", StreamRequestSteps.Open).RequireAuthorization(Policies.Requests).WithTags("Requests")
            .ProducesEventStream<RequestStepEvent>()
            .WithSummary("Server-sent events: each step of the requests the caller may read as it is stored (received, answered, deadline); Last-Event-ID resumes (audited).");
        var liaison = app.MapGroup("/api/v1/liaison").RequireAuthorization(Policies.Requests).WithTags("Requests");
        liaison.MapGet("/officers", Liaison.ReadLiaison.Directory).Bounded(200, "The reviewed directory of Benelux liaison officers posted abroad, shipped as data").WithSummary("The Benelux liaison officers posted abroad (host=, language= filter).");
        liaison.MapGet("/proposals", Liaison.ReadLiaison.Propose)
            .WithSummary("Joint use: liaison officers of the other Benelux countries who can help this node's officers in a host country (host=, language=).");
        return app;
    }
}
