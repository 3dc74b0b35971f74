using Senningen.Core.Consultation.Names;

namespace Senningen.Node.Features.Registry.Public;

/// <summary>
/// The register's persons in Core's <see cref="PersonIndex"/>, which ranks names as a consultation answer needs
/// (particles, spelling variants, typos, initials, date errors). Registry keeps it current; callers only search it.
/// </summary>
public interface IPersonIndex
{
    Task<PersonIndex> CurrentAsync(CancellationToken ct);
}
