using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.ManageUsers;

/// <summary>
/// Taking access away and giving it back. Each change renews the user's security stamp, which every token, cookie and
/// console circuit is checked against within <c>Senningen:Auth:RevalidateEvery</c> (ADR 0024); each is audited.
/// </summary>
public sealed partial class UserDirectory
{
    /// <summary>
    /// A disabled user is locked out until a date no lock-out after failed sign-ins reaches: Identity then refuses the
    /// password itself, and no column is added for it.
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(SenningenUser user) => user.LockoutEnd >= DisabledUntil;

    public Task<CreateResult> DisableAsync(string username, CancellationToken cancellationToken) =>
        ChangeAsync(username, AuditActions.UserDisable, "disabled", async user =>
        {
            Ensure(await users.SetLockoutEnabledAsync(user, true));
            Ensure(await users.SetLockoutEndDateAsync(user, DisabledUntil));
        }, cancellationToken);

    public Task<CreateResult> EnableAsync(string username, CancellationToken cancellationToken) =>
        ChangeAsync(username, AuditActions.UserEnable, "enabled", async user =>
        {
            Ensure(await users.SetLockoutEndDateAsync(user, null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

    /// <summary>Adds or removes one role; an unknown role is a 400 naming <c>role</c>.</summary>
    public async Task<CreateResult> ChangeRoleAsync(string username, string? role, bool grant, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator(texts);
        if (validator.Required("role", role))
        {
            validator.OneOf("role", role, Roles.All);
        }

        if (validator.HasErrors)
        {
            return new CreateResult(null, validator.Errors);
        }

        return await ChangeAsync(username, AuditActions.UserRoles, grant ? $"granted: {role}" : $"withdrawn: {role}", async user =>
        {
            var holds = await users.IsInRoleAsync(user, role!);
            if (grant && !holds)
            {
                Ensure(await users.AddToRoleAsync(user, role!));
            }
            else if (!grant && holds)
            {
                Ensure(await users.RemoveFromRoleAsync(user, role!));
            }
        }, cancellationToken);
    }

    /// <summary>Ends every session of the user: tokens, refresh tokens, cookies and console pages.</summary>
    public Task<CreateResult> SignOutEverywhereAsync(string username, CancellationToken cancellationToken) =>
        ChangeAsync(username, AuditActions.UserSignOut, "all sessions ended", _ => Task.CompletedTask, cancellationToken);

    private async Task<CreateResult> ChangeAsync(string username, string action, string detail, Func<SenningenUser, Task> change,
        CancellationToken cancellationToken)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(username), cancellationToken);
        if (user is null)
        {
            return new CreateResult(null, [], NotFound: true);
        }

        await change(user);
        Ensure(await users.UpdateSecurityStampAsync(user));
        await audit.WriteAsync(new AuditRecord(action, AuditOutcomes.Success, [$"user:{user.UserName}"], Detail: detail),
            cancellationToken: cancellationToken);
        return new CreateResult(await SummariseAsync(user), []);
    }

    // The user exists and the values were checked: a refusal here is the store failing, not the request.
    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The user store refused a change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
