namespace Senningen.Contracts.Exchange;

/// <summary>
/// <c>GET /api/v1/node/keys</c>: the node's signing keys as a signed, JWKS-like set. Times are Unix seconds.
/// <c>Status</c> (current, next, retiring) is for people reading it; partners go by <c>Nbf</c>, <c>Exp</c> and <c>Revoked</c>,
/// which the signatures cover.
/// </summary>
public sealed record KeySetWire(
    string Country,
    long Iat,
    IReadOnlyList<KeyWire> Keys,
    IReadOnlyList<RevokedKeyWire> Revoked,
    IReadOnlyList<KeySignatureWire> Signatures);

/// <summary>One public key as a JWK (<c>kty</c> EC, <c>crv</c> P-256, <c>alg</c> ES256) with its validity.</summary>
public sealed record KeyWire(string Kid, string Kty, string Crv, string X, string Y, string Alg, string Use, long Nbf, long? Exp, string Status);

public sealed record RevokedKeyWire(string Kid, long RevokedAt);

public sealed record KeySignatureWire(string Kid, string Signature);

/// <summary>Body of <c>POST /api/v1/node/keys/rotate</c>: how long the new key is published before the node signs with it.</summary>
public sealed record RotateKeyRequest(int? GraceSeconds);

/// <summary>Body of <c>POST /api/v1/node/keys/revoke</c>.</summary>
public sealed record RevokeKeyRequest(string? Kid);
