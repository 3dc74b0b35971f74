using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>Registers the node's key, trust list, outbox, dispatcher, inbox and the partner-facing endpoint.</summary>
internal static class ExchangeSetup
{
    public static WebApplicationBuilder AddPartnerMessaging(this WebApplicationBuilder builder)
    {
        var (services, settings) = (builder.Services, builder.NodeSettings);
        services.AddSingleton(_ => NodeKeyStore.LoadOrCreate(settings.DataDirectory, settings.Exchange.SigningKeyFile, settings.Exchange.SigningKeyPassword));
        services.AddSingleton<NodeKeyRing>();
        services.AddSingleton<PartnerLinks>();
        services.AddSingleton<PartnerKeySets>();
        services.AddHostedService<KeySetRefresher>();
        services.AddMessageType<KeySetWire, KeySetHandler>(KeySetHandler.Type, 1);
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<ExchangeMetrics>();
        services.AddSingleton<PartnerDelivery>();
        services.AddSingleton<PayloadProtection>();
        services.AddSingleton(sp => new MessageContracts(sp.GetServices<MessageContract>(), sp.GetRequiredService<PayloadProtection>()));
        services.AddScoped<Outbox>();
        services.AddScoped<Handling.OnwardUses>();
        services.AddScoped<InboxReceiver>();
        services.AddSingleton(InboxRefusalLimits.Read(builder.Configuration));
        services.AddSingleton(ParkingSettings.Read(builder.Configuration));
        services.AddSingleton<InboxRefusals>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxRefusals>());
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy<string, InboxRefusalPolicy>(InboxRefusalPolicy.Name));
        services.AddMessageType<PingPayload, PingHandler>(PingPayload.Type, 1);
        services.AddMessageType<MessageDroppedPayload, MessageDroppedHandler>(MessageDroppedPayload.Type, 1);
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<InboxProcessor>();
        // Liveness first: the workers claim only once this instance holds its liveness lock.
        services.AddSingleton<Persistence.InstanceLiveness>();
        services.AddHostedService(sp => sp.GetRequiredService<Persistence.InstanceLiveness>());
        services.AddSingleton<ClaimSweeper>();
        if (settings.Exchange.DispatcherEnabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<ClaimSweeper>());
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
            services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        }

        services.AddSingleton<PartnerCertificates>();
        services.AddSingleton<TransportRefusals>();
        services.AddHostedService(sp => sp.GetRequiredService<TransportRefusals>());
        // One client per partner: its handshake accepts only the server certificates pinned for that partner.
        services.AddHttpClient();
        foreach (var partner in settings.Partners)
        {
            services.AddHttpClient(PartnerDelivery.ClientFor(partner.Country))
                .ConfigurePrimaryHttpMessageHandler(sp => PartnerHandler(settings, partner.Country, sp))
                .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        }
        return builder;
    }

    /// <summary>
    /// The node's own keys, made and loaded before anything is seeded: the demo's requests are submitted during the start,
    /// and a payload can only be sealed once the node has an encryption key of its own (ADR 0029).
    /// </summary>
    public static async Task PrepareNodeKeysAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        await scope.ServiceProvider.GetRequiredService<NodeKeyRing>().EnsureEncryptionKeyAsync(db, cancellationToken);
    }

    public static IEndpointRouteBuilder MapExchangeInbox(this IEndpointRouteBuilder app)
    {
        // Partners are authenticated by their signature (and, in production, their TLS client certificate), not by a user.
        app.MapPost("/exchange/v1/inbox", async (EnvelopeWire envelope, InboxReceiver receiver, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await receiver.ReceiveAsync(envelope, http.Connection.ClientCertificate, ct, InboxRefusalPolicy.Caller(http))))
            .AllowAnonymous()
            .RequireRateLimiting(InboxRefusalPolicy.Name)
            .WithTags("Exchange")
            .WithSummary("Partner nodes deliver signed envelopes here and get a signed receipt.");
        app.MapPost("/exchange/v1/inbox/batch", ReceiveBatchAsync)
            .AllowAnonymous()
            .RequireRateLimiting(InboxRefusalPolicy.Name)
            .WithTags("Exchange")
            .WithSummary("Up to 200 envelopes in one request and one transaction; one signed receipt each, in the same order.");
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<ReceiptWire>>,
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> ReceiveBatchAsync(
        EnvelopeWire[] envelopes, InboxReceiver receiver, Localization.Texts texts, HttpContext http, CancellationToken ct)
    {
        if (envelopes.Length is 0 or > InboxReceiver.MaxBatch)
        {
            return Errors.Problems.Validation(texts, new Errors.FieldError("body", Errors.Rules.Range,
                texts["rule.batch-size", "body", InboxReceiver.MaxBatch]));
        }

        return TypedResults.Ok(await receiver.ReceiveBatchAsync(envelopes, http.Connection.ClientCertificate, ct, caller: InboxRefusalPolicy.Caller(http)));
    }

    private static SocketsHttpHandler PartnerHandler(NodeSettings settings, Senningen.Core.Countries.CountryCode partner, IServiceProvider services)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 32,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        PartnerTls.ConfigureClient(handler, settings.Exchange, partner, services);
        return handler;
    }
}
