using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.ManageUsers;

/// <summary>
/// Links a user to an identity at the configured OpenID Connect provider by issuer and subject, kept in Identity's
/// AspNetUserLogins (LoginProvider = issuer, ProviderKey = subject), and whether the user keeps a local password.
/// </summary>
public sealed class ExternalLogins(UserManager<SenningenUser> users, AuditLog audit, NodeSettings settings, Texts texts)
{
    /// <summary>The link after the change, or the broken rules (400), <see cref="NotFound"/> (404) or <see cref="Conflict"/> (409).</summary>
    public sealed record Result(ExternalLoginLink? Link, IReadOnlyList<FieldError> Errors, string? NotFound = null, bool Conflict = false);

    /// <summary>Issuers compare without a trailing slash, which providers and configurations write either way.</summary>
    public static string Canonical(string issuer) => issuer.Trim().TrimEnd('/');

    /// <summary>The only issuer whose identities are linked: the configured authority, or none when OpenID Connect is off.</summary>
    public string? TrustedIssuer => settings.Auth.Oidc is { } oidc ? Canonical(oidc.Authority) : null;

    public async Task<List<ExternalLoginLink>?> ReadAsync(string username)
    {
        if (await FindAsync(username) is not { } user)
        {
            return null;
        }

        var local = await AllowsLocalAsync(user);
        return [.. (await users.GetLoginsAsync(user)).Select(l => new ExternalLoginLink(user.UserName!, l.LoginProvider, l.ProviderKey, local))];
    }

    public async Task<Result> LinkAsync(string username, ExternalLoginRequest? request, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Count: > 0 } errors)
        {
            return new Result(null, errors);
        }

        if (await FindAsync(username) is not { } user)
        {
            return new Result(null, [], NotFound: "user");
        }

        var (issuer, subject) = (Canonical(request!.Issuer!), request.Subject!.Trim());
        var holder = await users.FindByLoginAsync(issuer, subject);
        if (holder is not null && holder.Id != user.Id)
        {
            return new Result(null, [], Conflict: true);
        }

        // One identity per user at the provider: linking another subject replaces the former one.
        foreach (var former in (await users.GetLoginsAsync(user)).Where(l => l.LoginProvider == issuer && l.ProviderKey != subject))
        {
            await users.RemoveLoginAsync(user, former.LoginProvider, former.ProviderKey);
        }

        if (holder is null)
        {
            await users.AddLoginAsync(user, new UserLoginInfo(issuer, subject, "OpenID Connect"));
        }

        await SetLocalPasswordAsync(user, request.AllowLocalPassword);
        await audit.WriteAsync(new AuditRecord(AuditActions.UserExternalLogin, AuditOutcomes.Success, [$"user:{user.UserName}"],
            Detail: $"linked: issuer {issuer}, subject {subject}; local password {(request.AllowLocalPassword ? "allowed" : "refused")}"),
            cancellationToken: cancellationToken);
        return new Result(new ExternalLoginLink(user.UserName!, issuer, subject, request.AllowLocalPassword), []);
    }

    public async Task<Result> UnlinkAsync(string username, ExternalLoginRequest? request, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Count: > 0 } errors)
        {
            return new Result(null, errors);
        }

        if (await FindAsync(username) is not { } user)
        {
            return new Result(null, [], NotFound: "user");
        }

        var (issuer, subject) = (Canonical(request!.Issuer!), request.Subject!.Trim());
        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == issuer && l.ProviderKey == subject))
        {
            return new Result(null, [], NotFound: "external-login");
        }

        await users.RemoveLoginAsync(user, issuer, subject);
        if ((await users.GetLoginsAsync(user)).Count == 0)
        {
            // A user with no link signs in locally anyway; a stale permission would reopen the next link.
            await SetLocalPasswordAsync(user, false);
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.UserExternalLogin, AuditOutcomes.Success, [$"user:{user.UserName}"],
            Detail: $"unlinked: issuer {issuer}, subject {subject}"), cancellationToken: cancellationToken);
        return new Result(new ExternalLoginLink(user.UserName!, issuer, subject, await AllowsLocalAsync(user)), []);
    }

    private List<FieldError> Validate(ExternalLoginRequest? request)
    {
        var validator = new RequestValidator(texts);
        if (request is null)
        {
            validator.Add("body", Rules.Required, "rule.body-required");
            return [.. validator.Errors];
        }

        if (validator.Required("issuer", request.Issuer) && Canonical(request.Issuer!) != TrustedIssuer)
        {
            validator.Add("issuer", Rules.OneOf, "rule.external-issuer", TrustedIssuer ?? "-");
        }

        validator.Required("subject", request.Subject);
        validator.MaxLength("subject", request.Subject?.Trim(), 255);
        return [.. validator.Errors];
    }

    private Task<SenningenUser?> FindAsync(string username) =>
        users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(username));

    private async Task<bool> AllowsLocalAsync(SenningenUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == UserMarks.LocalPassword && c.Value == UserMarks.Allowed);

    private async Task SetLocalPasswordAsync(SenningenUser user, bool allowed)
    {
        var held = (await users.GetClaimsAsync(user)).Where(c => c.Type == UserMarks.LocalPassword).ToList();
        if (held.Count > 0)
        {
            await users.RemoveClaimsAsync(user, held);
        }

        if (allowed)
        {
            await users.AddClaimAsync(user, UserMarks.LocalPasswordClaim);
        }
    }
}
