using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.Revocation;

/// <summary>
/// The console cookie's periodic check: Identity compares the security stamp; a lock-out after failed sign-ins does not
/// change the stamp, so the lock-out is checked here too.
/// </summary>
internal sealed class StandingStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<SenningenUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<SenningenUser>(options, signInManager, logger)
{
    protected override async Task<SenningenUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && !await SignInManager.UserManager.IsLockedOutAsync(user) ? user : null;
    }
}
