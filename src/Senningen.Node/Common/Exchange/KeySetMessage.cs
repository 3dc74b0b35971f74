using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// <c>exchange.keyset</c> v1: a partner pushes its key set after a rotation or revocation, so this node pins the new
/// key or refuses the revoked one without waiting for its next fetch. A set no trusted key vouches for is refused on
/// receipt, with the rule, and pins nothing.
/// </summary>
internal sealed class KeySetHandler(PartnerKeySets sets, AuditLog audit) : IMessageHandler<KeySetWire>, IMessageAdmission<KeySetWire>
{
    public const string Type = "exchange.keyset";

    public ValueTask<string?> RefusalAsync(CountryCode sender, KeySetWire payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        ValueTask.FromResult(KeySetMapping.FromWire(payload) is { } offer ? sets.Check(sender, offer) : KeySetVerification.Malformed);

    public async Task HandleAsync(InboxMessage message, KeySetWire payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        // Checked again: the pins may have changed since receipt (a later set revoked the key that vouched for this one).
        if (KeySetMapping.FromWire(payload) is { } offer && sets.Check(message.Sender, offer) is null)
        {
            await sets.LearnAsync(db, audit, message.Sender, offer, cancellationToken);
            db.AfterCommit(() => sets.Pin(message.Sender, offer));
        }
    }
}

/// <summary>Keeps the keys current on this instance: its own every few seconds (another instance may have rotated), partners' every few minutes.</summary>
internal sealed partial class KeySetRefresher(NodeKeyRing ring, PartnerKeySets sets, PartnerLinks links, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<KeySetRefresher> log) : BackgroundService
{
    public static readonly TimeSpan OwnKeysEvery = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan PartnerKeysEvery = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the node takes requests: it signs with the right key and refuses revoked ones from the first message.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            await ring.EnsureEncryptionKeyAsync(db, cancellationToken);
            await ring.LoadAsync(db, cancellationToken);
            await sets.LoadAsync(db, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var partnersDue = clock.GetUtcNow();
        using var timer = new PeriodicTimer(OwnKeysEvery, clock);
        do
        {
            if (clock.GetUtcNow() >= partnersDue)
            {
                partnersDue = clock.GetUtcNow() + PartnerKeysEvery;
                foreach (var link in links.All)
                {
                    await sets.RefreshAsync(link.Partner.Country, unlessRecent: false, stoppingToken);
                }
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ring.LoadAsync(scope.ServiceProvider.GetRequiredService<SenningenDbContext>(), stoppingToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                // The database may be away for a moment; the keys read last stay in use until the next tick.
                ReloadFailed(log, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node's keys could not be read again: {Error}")]
    private static partial void ReloadFailed(ILogger logger, string error);
}
