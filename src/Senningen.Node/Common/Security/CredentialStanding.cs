using System.Security.Claims;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Whether a signed-in principal still speaks for its user (ADR 0024). A request is authenticated once; a response that
/// lasts, such as an event stream, asks this again while it runs, so a withdrawn user is cut off within the window.
/// </summary>
public interface ICredentialStanding
{
    Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct);
}
