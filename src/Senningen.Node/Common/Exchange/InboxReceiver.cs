using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
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
/// Receives envelopes: checks each, stores the acceptable ones once (deduplicated by id) with their audit entries in
/// one transaction per request, and answers each with a signed receipt. A second delivery of the same envelope gets
/// the first receipt and has no second effect.
/// </summary>
public sealed class InboxReceiver(SenningenDbContext db, AuditLog audit, NodeKeyRing keys, PartnerKeySets keySets, PartnerLinks links, MessageContracts contracts,
    NodeSettings settings, ExchangeMetrics metrics, DispatchSignal signal, InboxRefusals refusals, PartnerCertificates certificates, TransportRefusals transport,
    IServiceProvider services, TimeProvider clock, PayloadProtection protection)
{
    public const int MaxBatch = 200;
    private string? _caller;

    public async Task<ReceiptWire> ReceiveAsync(EnvelopeWire wire, X509Certificate2? clientCertificate, CancellationToken ct, string? caller = null) =>
        (await ReceiveBatchAsync([wire], clientCertificate, ct, caller: caller))[0];

    /// <param name="caller">The caller's address: refusals nobody can be held to are counted against it (<see cref="InboxRefusals"/>).</param>
    public async Task<IReadOnlyList<ReceiptWire>> ReceiveBatchAsync(IReadOnlyList<EnvelopeWire> batch, X509Certificate2? clientCertificate,
        CancellationToken ct, bool retrying = false, string? caller = null)
    {
        _caller ??= caller;
        await LearnUnknownKeysAsync(batch, ct);
        var now = WireMapping.Truncate(clock.GetUtcNow());
        var ids = batch.Select(w => w.Id).Distinct().ToList();
        var stored = await db.Inbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var admitted = new Dictionary<Guid, (string Hash, ReceiptWire Receipt)>();
        var rows = new List<InboxMessage>(batch.Count);
        var receipts = new List<ReceiptWire>(batch.Count);
        foreach (var wire in batch)
        {
            receipts.Add(await AdmitAsync(wire, clientCertificate, now, stored, admitted, rows, ct));
        }

        try
        {
            await db.SaveChangesAsync(token => InboxRows.InsertAsync(db, rows, token), ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException && !retrying)
        {
            // Another request stored one of these envelopes first; take them one at a time, now seeing what it stored.
            db.ChangeTracker.Clear();
            var one = new List<ReceiptWire>(batch.Count);
            foreach (var wire in batch)
            {
                one.Add((await ReceiveBatchAsync([wire], clientCertificate, ct, retrying: true))[0]);
            }

            return one;
        }

        foreach (var wire in batch.Where(w => admitted.ContainsKey(w.Id)).DistinctBy(w => w.Id))
        {
            metrics.Received(wire.Sender, wire.Type);
        }

        if (admitted.Count > 0)
        {
            signal.InboxChanged();
        }

        return receipts;
    }

    // A trusted partner signing with a key not pinned yet has most likely rotated: its key set says so (rate-limited fetch).
    private async Task LearnUnknownKeysAsync(IReadOnlyList<EnvelopeWire> batch, CancellationToken ct)
    {
        foreach (var sender in batch
                     .Select(w => (Partner: links.Trust.Find(CountryCode.ParseOrDefault(w.Sender)), w.KeyId))
                     .Where(s => s.Partner is not null && s.KeyId is not null && s.Partner.Keys.Current.Find(s.KeyId) is null)
                     .Select(s => s.Partner!.Country).Distinct())
        {
            await keySets.RefreshAsync(sender, unlessRecent: true, ct);
        }
    }

    private async ValueTask<ReceiptWire> AdmitAsync(EnvelopeWire wire, X509Certificate2? certificate, DateTimeOffset now,
        Dictionary<Guid, InboxMessage> stored, Dictionary<Guid, (string Hash, ReceiptWire Receipt)> admitted, List<InboxMessage> rows,
        CancellationToken ct)
    {
        var (incoming, hash, payload, reason) = Inspect(wire, certificate, now);
        if (reason is not null || incoming is null || payload is null)
        {
            return Refuse(wire, reason ?? RejectionReasons.InvalidPayload, hash, now);
        }

        if (stored.TryGetValue(wire.Id, out var row))
        {
            return string.Equals(row.EnvelopeHash, hash, StringComparison.Ordinal)
                ? Repeat(wire, JsonSerializer.Deserialize<ReceiptWire>(row.Receipt, WireMapping.Json)!)
                : Refuse(wire, RejectionReasons.IdReused, hash, now);
        }

        if (admitted.TryGetValue(wire.Id, out var earlier))
        {
            return string.Equals(earlier.Hash, hash, StringComparison.Ordinal) ? Repeat(wire, earlier.Receipt) : Refuse(wire, RejectionReasons.IdReused, hash, now);
        }

        // Only now, for a new envelope from an authenticated sender: may it speak about what its payload names?
        if (contracts.Find(wire.Type, wire.Version)?.Admit is { } admit && await admit(services, incoming.Envelope.Sender, payload, db, ct) is { } refusal)
        {
            return Refuse(wire, refusal, hash, now);
        }

        var receipt = Sign(new Receipt(wire.Id, settings.Country, incoming.Envelope.Sender, ReceiptStatus.Accepted, null, now, hash));
        rows.Add(InboxRows.From(incoming, hash, now, JsonSerializer.Serialize(receipt, WireMapping.Json)));
        audit.Add(Record(AuditActions.MessageReceived, AuditOutcomes.Success, wire, $"{wire.Type} v{wire.Version} from {wire.Sender}"), Actor.Node(settings));
        admitted[wire.Id] = (hash, receipt);
        return receipt;
    }

    private (SignedEnvelope? Incoming, string Hash, object? Payload, string? Reason) Inspect(EnvelopeWire wire, X509Certificate2? certificate,
        DateTimeOffset now)
    {
        var incoming = WireMapping.ToSigned(wire);
        if (incoming is null)
        {
            return (null, "", null, RejectionReasons.UnknownSender);
        }

        // Built once: the signature is checked over these bytes and the receipt quotes their hash.
        var canonical = CanonicalForm.Of(incoming.Envelope);
        var hash = CanonicalForm.Hash(canonical);
        var rules = new TimeRules(settings.Exchange.ClockSkew, settings.Exchange.MaxLifetime);
        var reason = EnvelopeInspection.Check(incoming, canonical, links.Trust, settings.Country, now, rules) ?? TransportCheck(incoming, certificate);
        if (reason is null && (wire.Case is { Length: > 100 } || wire.Type.Length > 100 || wire.Sequence < 1))
        {
            reason = RejectionReasons.InvalidPayload;
        }

        if (reason is not null)
        {
            return (incoming, hash, null, reason);
        }

        // Only a signed envelope from a trusted sender is decrypted (encrypt-then-sign, ADR 0029); the row keeps the ciphertext.
        var opened = protection.OpenIncoming(wire.Type, wire.Id, wire.Payload);
        if (opened.Plaintext is not { } plaintext)
        {
            return (incoming, hash, null, opened.Refusal ?? RejectionReasons.Undecryptable);
        }

        if (!ReferenceEquals(plaintext, wire.Payload) && EnvelopeInspection.NestsDeeperThan(plaintext, EnvelopeInspection.MaxPayloadDepth))
        {
            return (incoming, hash, null, RejectionReasons.PayloadTooDeep);
        }

        var (payload, rejection) = contracts.Read(wire.Type, wire.Version, plaintext);
        return (incoming, hash, payload, rejection);
    }

    private ReceiptWire Repeat(EnvelopeWire wire, ReceiptWire first)
    {
        audit.Add(Record(AuditActions.MessageDuplicate, AuditOutcomes.Success, wire, "delivered again; answered with the first receipt"), Actor.Node(settings));
        return first;
    }

    private ReceiptWire Refuse(EnvelopeWire wire, string reason, string hash, DateTimeOffset now)
    {
        var sender = CountryCode.ParseOrDefault(wire.Sender);
        metrics.Refused(sender.IsValid ? sender.Value : "?", reason);
        if (!InboxRefusals.IsUnattributable(reason) || refusals.Note(_caller, sender.IsValid ? sender.Value : "?", reason))
        {
            audit.Add(Record(AuditActions.MessageRefused, AuditOutcomes.Denied, wire,
                $"{Clip(wire.Type)} v{wire.Version} claimed from {Clip(wire.Sender)}: {reason}"), Actor.Node(settings));
        }

        return Sign(new Receipt(wire.Id, settings.Country, sender, ReceiptStatus.Rejected, reason, now, hash));
    }

    // With mutual TLS, the envelope must come over a connection whose certificate is pinned for the partner that signed it.
    private string? TransportCheck(SignedEnvelope incoming, X509Certificate2? certificate)
    {
        var sender = incoming.Envelope.Sender;
        var reason = certificates.JudgeClient(certificate, sender);
        if (reason is not null)
        {
            transport.Note(sender.Value, PartnerTls.Receiving, reason, PartnerTls.Describe(certificate), audit: false);
        }

        return reason;
    }

    private ReceiptWire Sign(Receipt receipt)
    {
        var key = keys.Current;
        return WireMapping.ToWire(new SignedReceipt(receipt, key.KeyId, Es256.Sign(key.Key, CanonicalForm.Of(receipt))));
    }

    private static AuditRecord Record(string action, string outcome, EnvelopeWire wire, string detail) =>
        new(action, outcome, [$"message:{wire.Id}"], CaseReference: Clip(wire.Case), Detail: detail);

    private static string? Clip(string? text) => text is { Length: > 100 } ? text[..100] : text;
}
