using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;

namespace Senningen.Bench.Exchange;

/// <summary>
/// The pure kernel of message-level encryption (ADR 0029) on a 2 KB payload: what the sender does per message (encrypt
/// to the partner and itself, then sign) and what the receiver adds (decrypt), against signing alone, the path without it.
/// </summary>
public class PayloadCryptoBenchmarks
{
    private readonly ECDsa _signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDiffieHellman _partner = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDiffieHellman _self = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private MessageEnvelope _envelope = null!;
    private EncryptionRecipient[] _recipients = [];
    private string _jwe = "";

    [GlobalSetup]
    public void Setup()
    {
        var payload = "{\"note\":\"" + new string('x', 2048 - 11) + "\"}";
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        _envelope = new MessageEnvelope(Guid.CreateVersion7(), Guid.CreateVersion7(), 1, "bench.load", 1, CountryCode.Parse("BE"), CountryCode.Parse("NL"),
            at, at.AddHours(1), null, payload);
        _recipients = [new(PayloadEncryption.Fingerprint(_partner), _partner), new(PayloadEncryption.Fingerprint(_self), _self)];
        _jwe = PayloadEncryption.Encrypt(payload, _envelope.Id, _recipients);
        if (PayloadEncryption.Decrypt(_jwe, _envelope.Id, Find).Plaintext != payload)
        {
            throw new InvalidOperationException("The payload does not come back as it went in.");
        }
    }

    [Benchmark(Baseline = true, Description = "sign only (clear payload)")]
    public string SignOnly() => Es256.Sign(_signer, CanonicalForm.Of(_envelope));

    [Benchmark(Description = "encrypt to 2 recipients + sign")]
    public string EncryptAndSign()
    {
        var sealedEnvelope = _envelope with { Payload = PayloadEncryption.Encrypt(_envelope.Payload, _envelope.Id, _recipients) };
        return Es256.Sign(_signer, CanonicalForm.Of(sealedEnvelope));
    }

    [Benchmark(Description = "decrypt (receiver)")]
    public string? Decrypt() => PayloadEncryption.Decrypt(_jwe, _envelope.Id, Find).Plaintext;

    private ECDiffieHellman? Find(string kid) => kid == _recipients[0].KeyId ? _partner : null;
}
