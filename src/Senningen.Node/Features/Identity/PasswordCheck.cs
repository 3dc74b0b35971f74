using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// The one place a password is checked: lock-out counting and the audit entry, for console and API alike. An unknown
/// user costs the same hash verification as a wrong password, so the answer's timing does not tell who has an account.
/// </summary>
internal sealed class PasswordCheck(UserManager<SenningenUser> users, SignInManager<SenningenUser> signIn, AuditLog audit, NodeSettings settings,
    UnknownUserHash unknownUserHash)
{
    public sealed record Outcome(SenningenUser? User, bool LockedOut);

    /// <param name="action">The audit action the attempt is recorded under (console sign-in or token).</param>
    public async Task<Outcome> RunAsync(string username, string password, string action, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(username.Trim());
        var attempted = new Actor(Truncate(username.Trim()), "", settings.Country.Value);
        if (user is null)
        {
            unknownUserHash.Verify(users.PasswordHasher, password);
            await audit.WriteAsync(new AuditRecord(action, AuditOutcomes.Failed, Detail: "unknown user"), attempted, cancellationToken);
            return new Outcome(null, false);
        }

        var actor = new Actor(user.UserName ?? attempted.Name, user.Unit, user.Country.Value);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded && !await users.AllowsLocalPasswordAsync(user))
        {
            // Linked to the identity provider: answered and counted as a wrong password, audited with the true reason.
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(new AuditRecord(action, AuditOutcomes.Failed, Detail: "local password not allowed: linked to an external identity"),
                actor, cancellationToken);
            return new Outcome(null, await users.IsLockedOutAsync(user));
        }

        if (result.Succeeded)
        {
            await audit.WriteAsync(new AuditRecord(action, AuditOutcomes.Success), actor, cancellationToken);
            return new Outcome(user, false);
        }

        var why = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
        await audit.WriteAsync(new AuditRecord(action, AuditOutcomes.Failed, Detail: why), actor, cancellationToken);
        return new Outcome(null, result.IsLockedOut);
    }

    private static string Truncate(string name) => name.Length <= 64 ? name : name[..64];
}
