using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// A hash of a random password, made once with the node's own hasher (same algorithm and iteration count as every user's):
/// verifying a guess against it costs what verifying against a real user's hash costs.
/// </summary>
internal sealed class UnknownUserHash
{
    private static readonly SenningenUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<SenningenUser> hasher, string password)
    {
        // A race makes two hashes at first; either serves, and the result of the check is never used.
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
