using Senningen.Core.Consultation.Registry;

namespace Senningen.Node.Features.Registry.Public;

/// <summary>A country's register of identity cards and passports it issued.</summary>
public interface IDocumentRegistry
{
    /// <param name="number">Normalised by <see cref="DocumentNumbers.Normalise"/>; a number can exist once per issuer and type.</param>
    Task<IReadOnlyList<IdentityDocument>> FindByNumberAsync(string number, CancellationToken ct);

    Task<IReadOnlyList<IdentityDocument>> FindByHolderAsync(long personId, CancellationToken ct);
}
