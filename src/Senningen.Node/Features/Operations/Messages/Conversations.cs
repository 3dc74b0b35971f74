using System.Security.Cryptography;
using System.Text;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary>
/// One exchange conversation per (operation, partner), derived rather than stored, so that every message about an
/// operation to that partner (crossing, positions, left, ended) is delivered and handled in order.
/// </summary>
internal static class Conversations
{
    public static Guid For(Guid operationId, Core.Countries.CountryCode partner)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"senningen:operation:{operationId:N}:{partner.Value}"), hash);
        return new Guid(hash[..16]);
    }
}
