using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Who may be at the other end of a TLS connection between nodes: a certificate that chains to the federation CA, is
/// revoked neither by the CA's CRL (<c>Senningen:Exchange:CrlPath</c>) nor by this node's own list
/// (<c>Senningen:Exchange:RevokedThumbprints</c>), and whose SHA-256 thumbprint is pinned for that very partner — as
/// its server when this node sends, as its client when it receives. The CRL is read again when its file changes
/// (checked every second) and at least every <c>Senningen:Exchange:CrlRecheck</c>; when it changes, connections already
/// open to partners are closed, so a revoked server is not used a minute longer on a pooled connection.
/// </summary>
public sealed partial class PartnerCertificates : IDisposable
{
    private readonly NodeSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger<PartnerCertificates> _logger;
    private readonly X509Certificate2Collection _roots = [];
    private readonly HashSet<string> _revokedThumbprints;
    private readonly Lock _lock = new();
    private readonly HashSet<Stream> _connections = [];
    private readonly ITimer? _timer;
    private RevocationList? _crl;
    private (DateTime Written, long Length) _crlFile;
    private DateTimeOffset _crlRead;

    public PartnerCertificates(NodeSettings settings, TimeProvider clock, ILogger<PartnerCertificates> logger)
    {
        _settings = settings;
        _clock = clock;
        _logger = logger;
        _revokedThumbprints = [.. settings.Exchange.RevokedThumbprints];
        if (settings.Exchange.TrustedCaPath is { } ca)
        {
            _roots.ImportFromPemFile(ca);
        }

        if (settings.Exchange.CrlPath is { } path)
        {
            // The settings reader has read it once already; a file broken since then stops the node as it would have.
            _crl = RevocationList.Read(path, _roots);

            _crlFile = Stamp(path);
            _crlRead = clock.GetUtcNow();
            _timer = clock.CreateTimer(_ => Recheck(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>True when the node checks certificates at all (a federation CA is configured).</summary>
    public bool Enabled => _roots.Count > 0;

    /// <summary>For the TLS handshake of a caller: the refusal's reason unless it chains to the CA and is not revoked. Which partner it is, is known per envelope.</summary>
    public string? JudgeCaller(X509Certificate certificate) => Judge(certificate, pins: []);

    /// <summary>For the TLS handshake with a partner this node sends to: the refusal's reason, or null to go on.</summary>
    public string? JudgeServer(X509Certificate? certificate, CountryCode partner) =>
        certificate is null ? "no-certificate" : Judge(certificate, Pins(partner));

    /// <summary>For an envelope a partner signed: the rejection reason when the connection's certificate is not one pinned for it.</summary>
    public string? JudgeClient(X509Certificate2? certificate, CountryCode partner)
    {
        var pins = Pins(partner);
        if (pins.Count == 0)
        {
            // Demo mode only (elsewhere pins are required): the handshake checked chain and revocation, the signature the rest.
            return null;
        }

        return certificate is null ? RejectionReasons.CertificateNotPinned : Judge(certificate, pins);
    }

    /// <summary>Opened to a partner: closed when the revocation list changes, so the next request shakes hands again.</summary>
    public Stream Track(Stream connection)
    {
        var tracked = new TrackedStream(connection, this);
        lock (_lock)
        {
            _connections.Add(tracked);
        }

        return tracked;
    }

    public void Dispose() => _timer?.Dispose();

    private string? Judge(X509Certificate certificate, IReadOnlyList<string> pins)
    {
        using var copy = certificate as X509Certificate2 is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        var leaf = copy ?? (X509Certificate2)certificate;
        if (!ChainsToRoots(leaf))
        {
            return "certificate-untrusted";
        }

        var thumbprint = leaf.GetCertHashString(HashAlgorithmName.SHA256);
        if (_revokedThumbprints.Contains(thumbprint) || Volatile.Read(ref _crl)?.Revokes(leaf) == true)
        {
            return RejectionReasons.CertificateRevoked;
        }

        // No pins is demo mode only (the configuration requires them elsewhere): the CA alone vouches.
        return pins.Count == 0 || pins.Contains(thumbprint, StringComparer.OrdinalIgnoreCase) ? null : RejectionReasons.CertificateNotPinned;
    }

    private bool ChainsToRoots(X509Certificate2 leaf)
    {
        if (_roots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        // Revocation is this class's own CRL check: the platform's would fetch distribution points from the network.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private IReadOnlyList<string> Pins(CountryCode partner) =>
        _settings.Partners.FirstOrDefault(p => p.Country == partner)?.CertificateThumbprints ?? [];

    private void Recheck()
    {
        var path = _settings.Exchange.CrlPath!;
        try
        {
            var stamp = Stamp(path);
            var now = _clock.GetUtcNow();
            if (stamp == _crlFile && now - _crlRead < _settings.Exchange.CrlRecheck)
            {
                return;
            }

            var list = RevocationList.Read(path, _roots);
            _crlFile = stamp;
            _crlRead = now;
            if (_crl is { } current && list.Number < current.Number)
            {
                LogOlderCrl(_logger, path, list.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            Volatile.Write(ref _crl, list);
            CloseConnections();
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or System.Formats.Asn1.AsnContentException or FormatException or ArgumentException)
        {
            // A copy still being written, or a bad one: the list in force stays, and the next second tries again.
            _crlFile = default;
            LogCrlUnreadable(_logger, path, ex.Message);
        }
    }

    private void CloseConnections()
    {
        List<Stream> open;
        lock (_lock)
        {
            open = [.. _connections];
        }

        foreach (var connection in open)
        {
            connection.Dispose();
        }
    }

    private void Forget(Stream connection)
    {
        lock (_lock)
        {
            _connections.Remove(connection);
        }
    }

    private static (DateTime, long) Stamp(string path)
    {
        var info = new FileInfo(path);
        return (info.LastWriteTimeUtc, info.Length);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The revocation list {Path} could not be read again; the previous one stays in force: {Reason}")]
    private static partial void LogCrlUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The revocation list {Path} is older (CRL number {Number}) than the one in force; ignored")]
    private static partial void LogOlderCrl(ILogger logger, string path, string number);

    private sealed class TrackedStream(Stream inner, PartnerCertificates owner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                owner.Forget(this);
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
