using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Learns partners' keys from their signed key sets (ADR 0028): fetched at start, every few minutes, and when an
/// envelope or receipt names a key not pinned yet, or pushed by the partner as <c>exchange.keyset</c>. A set is merged
/// only when a key already trusted vouches for it; what is learnt is stored, so a restart keeps it.
/// </summary>
public sealed partial class PartnerKeySets(PartnerLinks links, IServiceScopeFactory scopes, IHttpClientFactory http, NodeSettings settings,
    TimeProvider clock, ILogger<PartnerKeySets> log)
{
    /// <summary>The shortest time between two fetches from one partner: a sender naming unknown key ids cannot make this node hammer it.</summary>
    public static readonly TimeSpan MinFetchInterval = TimeSpan.FromSeconds(10);

    private readonly Dictionary<CountryCode, FetchState> _fetches = links.All.ToDictionary(l => l.Partner.Country, _ => new FetchState());

    /// <summary>Rebuilds every partner's pins from the stored rows on top of its configured key.</summary>
    public async Task LoadAsync(SenningenDbContext db, CancellationToken ct)
    {
        var rows = await db.PartnerKeys.AsNoTracking().ToListAsync(ct);
        foreach (var link in links.All)
        {
            var pins = PinnedKeys.Anchor(link.Partner.KeyId, link.Partner.PublicKey);
            foreach (var row in rows.Where(r => r.Country == link.Partner.Country))
            {
                pins = pins.With(row.Use == KeyUses.Encryption
                    ? new PinnedKey(row.KeyId, null, row.ExpiresAt, row.RevokedAt, OpenAgreement(row.PublicKeyPem), row.NotBefore)
                    : new PinnedKey(row.KeyId, row.PublicKeyPem is null ? null : NodeKeyStore.ReadPublicKey(row.PublicKeyPem), row.ExpiresAt, row.RevokedAt));
            }

            link.Partner.Keys.Replace(pins);
        }
    }

    /// <summary>Null when <paramref name="offer"/> from <paramref name="country"/> may be merged, else the reason it may not.</summary>
    public string? Check(CountryCode country, SignedKeySet offer) => links.Trust.Find(country) is { } partner
        ? KeySetVerification.Check(offer, country, partner.Keys.Current, clock.GetUtcNow(), settings.Exchange.ClockSkew)
        : RejectionReasons.UnknownSender;

    /// <summary>
    /// Adds the verified set's keys and revocations to <paramref name="db"/>'s unit of work with an audit entry when
    /// something is new; the caller <see cref="Pin"/>s it in memory once that commits.
    /// </summary>
    public async Task LearnAsync(SenningenDbContext db, AuditLog audit, CountryCode country, SignedKeySet offer, CancellationToken ct)
    {
        var partner = links.Trust.Find(country)!;
        var before = partner.Keys.Current;
        var merged = before.Merge(offer.Set);
        var stored = await db.PartnerKeys.Where(k => k.Country == country).ToDictionaryAsync(k => k.KeyId, StringComparer.Ordinal, ct);
        var (added, revoked) = (0, 0);
        foreach (var pin in merged.All)
        {
            var known = before.Find(pin.KeyId);
            added += known is null && (pin.PublicKey is not null || pin.AgreementKey is not null) ? 1 : 0;
            revoked += known?.RevokedAt is null && pin.RevokedAt is not null ? 1 : 0;
            if (!stored.TryGetValue(pin.KeyId, out var row))
            {
                db.PartnerKeys.Add(row = new PartnerKey { Country = country, KeyId = pin.KeyId, PinnedAt = clock.GetUtcNow() });
            }

            row.PublicKeyPem ??= pin.PublicKey?.ExportSubjectPublicKeyInfoPem() ?? pin.AgreementKey?.ExportSubjectPublicKeyInfoPem();
            (row.Use, row.NotBefore) = pin.AgreementKey is null ? (row.Use, row.NotBefore) : (KeyUses.Encryption, pin.NotBefore);
            (row.ExpiresAt, row.RevokedAt) = (pin.ExpiresAt, pin.RevokedAt);
        }

        if (added + revoked > 0)
        {
            audit.Add(new AuditRecord(AuditActions.PartnerKeysPinned, AuditOutcomes.Success, [.. offer.Set.Keys.Select(k => $"key:{k.KeyId}")],
                Recipient: country.Value, Detail: $"{country}: {added} key(s) pinned, {revoked} revoked"), Actor.Node(settings));
        }

    }

    /// <summary>Merges a verified, stored set into the pins this instance checks against.</summary>
    public void Pin(CountryCode country, SignedKeySet offer)
    {
        var partner = links.Trust.Find(country)!;
        partner.Keys.Replace(partner.Keys.Current.Merge(offer.Set));
    }

    /// <summary>
    /// Fetches the partner's set and learns it, at most once per <see cref="MinFetchInterval"/>; concurrent callers wait
    /// for the fetch under way. A partner that cannot be reached is left for the next occasion.
    /// </summary>
    public async Task RefreshAsync(CountryCode country, bool unlessRecent, CancellationToken ct)
    {
        if (links.Find(country) is not { } link || !_fetches.TryGetValue(country, out var fetch))
        {
            return;
        }

        await fetch.Gate.WaitAsync(ct);
        try
        {
            // Only fetches made for an unknown key id count against the limit: the one at start or the periodic one must
            // not make the node refuse a key its partner starts using a moment later.
            if (unlessRecent && fetch.LastOnDemand is { } last && clock.GetElapsedTime(last) < MinFetchInterval)
            {
                return;
            }

            if (unlessRecent)
            {
                fetch.LastOnDemand = clock.GetTimestamp();
            }

            await FetchAsync(link, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            FetchFailed(log, country.Value, ex.Message);
        }
        finally
        {
            fetch.Gate.Release();
        }
    }

    private async Task FetchAsync(PartnerLink link, CancellationToken ct)
    {
        var client = http.CreateClient(PartnerDelivery.ClientFor(link.Partner.Country));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Exchange.DeliveryTimeout);
        var wire = await client.GetFromJsonAsync<KeySetWire>(new Uri(link.Partner.BaseUrl, "api/v1/node/keys"), WireMapping.Json, timeout.Token);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var country = link.Partner.Country;
        var offer = KeySetMapping.FromWire(wire);
        var refusal = offer is null ? KeySetVerification.Malformed : Check(country, offer);
        if (refusal is not null)
        {
            audit.Add(new AuditRecord(AuditActions.PartnerKeysRefused, AuditOutcomes.Denied, Recipient: country.Value,
                Detail: $"key set fetched from {country}: {refusal}"), Actor.Node(settings));
        }
        else
        {
            await LearnAsync(db, audit, country, offer!, ct);
        }

        await db.SaveChangesAsync(ct);
        if (offer is not null && refusal is null)
        {
            Pin(country, offer);
        }
    }

    private static System.Security.Cryptography.ECDiffieHellman? OpenAgreement(string? pem)
    {
        if (pem is null)
        {
            return null;
        }

        var key = System.Security.Cryptography.ECDiffieHellman.Create();
        key.ImportFromPem(pem);
        return key;
    }

    private sealed class FetchState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long? LastOnDemand { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The key set of {Country} could not be fetched: {Error}")]
    private static partial void FetchFailed(ILogger logger, string country, string error);
}
