using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Users;
using Senningen.Core.Geo;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Data;
using Senningen.Node.Features.Identity.Passwords;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Identity.ManageUsers;

/// <summary>
/// Listing, creating and unlocking users and setting their authorisations, shared by the API, the console and the start-up
/// seeding. Audited in the current officer's name, or in the node's when it seeds (the <c>actor</c> parameters).
/// </summary>
public sealed partial class UserDirectory(UserManager<SenningenUser> users, AuditLog audit, NodeSettings settings, Texts texts, TimeProvider clock,
    ControlRoomDirectory rooms)
{
    /// <summary>The user after the change, or the rules the request broke (400), or <see cref="NotFound"/> (404).</summary>
    public sealed record CreateResult(UserSummary? User, IReadOnlyList<FieldError> Errors, bool NotFound = false);

    /// <summary>All users of this node; the read is audited.</summary>
    public async Task<List<UserSummary>> ReadAsync(CancellationToken cancellationToken, PageRequest? page = null)
    {
        var list = await ListAsync(cancellationToken, page);
        var shown = page?.Shown(list.Count) ?? list.Count;
        await audit.WriteAsync(new AuditRecord(AuditActions.UserRead, AuditOutcomes.Success, Detail: $"{shown} users listed"),
            cancellationToken: cancellationToken);
        return list;
    }

    /// <summary>All users again, not audited: the console showing what its administrator just changed.</summary>
    /// <param name="page">The API's page (by user name, the row past its limit included for the pager); the console's screen reads them all.</param>
    public async Task<List<UserSummary>> ListAsync(CancellationToken cancellationToken, PageRequest? page = null)
    {
        var all = await (page is null ? users.Users.OrderBy(u => u.UserName) : users.Users.PageBy(page, u => u.UserName!)).ToListAsync(cancellationToken);
        var list = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            list.Add(await SummariseAsync(user));
        }

        return list;
    }

    public async Task<CreateResult> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken, Actor? actor = null)
    {
        var validator = new RequestValidator(texts);
        validator.Required("username", request.Username);
        validator.MaxLength("username", request.Username, 64);
        validator.Required("password", request.Password);
        validator.Required("displayName", request.DisplayName);
        validator.MaxLength("displayName", request.DisplayName, 200);
        validator.Required("unit", request.Unit);
        validator.MaxLength("unit", request.Unit, 200);
        if (request.Roles is not { Count: > 0 })
        {
            validator.Add("roles", Rules.Required, "rule.required");
        }
        else
        {
            for (var i = 0; i < request.Roles.Count; i++)
            {
                validator.OneOf($"roles[{i}]", request.Roles[i], Roles.All);
            }
        }

        CheckAuthorisations(request.Authorisations, validator);
        var zones = CheckZones(request.Zones, validator);
        var language = request.Language?.ToLowerInvariant() ?? Texts.Fallback;
        validator.OneOf("language", language, Texts.Languages);
        if (!validator.HasErrors && await users.FindByNameAsync(request.Username!.Trim()) is not null)
        {
            validator.Add("username", Rules.Unique, "rule.unique");
        }

        if (validator.HasErrors)
        {
            return new CreateResult(null, validator.Errors);
        }

        var user = new SenningenUser
        {
            UserName = request.Username!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Unit = request.Unit!.Trim(),
            Zones = string.Join(',', zones),
            Country = settings.Country,
            Language = language,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                // PasswordPolicy's codes are the rule names, each with its own text.
                if (error.Code.StartsWith("password-", StringComparison.Ordinal))
                {
                    var limit = error.Code == PasswordPolicy.TooShort ? settings.Auth.PasswordMinLength : PasswordPolicy.MaxLength;
                    validator.Add("password", error.Code, $"rule.{error.Code}", limit);
                    continue;
                }

                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "username";
                var rule = field == "password" ? Rules.PasswordPolicy : Rules.Format;
                validator.Add(field, rule, "rule.identity", error.Description);
            }

            return new CreateResult(null, validator.Errors);
        }

        await users.AddToRolesAsync(user, request.Roles!.Distinct());
        var authorisations = (request.Authorisations ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (authorisations.Count > 0)
        {
            await users.AddClaimsAsync(user, authorisations.Select(a => new Claim(Actor.AuthorisationClaim, a)));
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.UserCreate, AuditOutcomes.Success, [$"user:{user.UserName}"],
            Detail: $"roles: {string.Join(',', request.Roles!.Distinct())}; authorisations: {string.Join(',', authorisations)}"), actor, cancellationToken);
        return new CreateResult(await SummariseAsync(user), []);
    }

    /// <summary>
    /// Replaces a user's national authorisations with the given set. The security stamp changes with it, so the user's
    /// tokens, cookies and console pages are refused within <c>Senningen:Auth:RevalidateEvery</c> and the next sign-in
    /// carries the new set.
    /// </summary>
    public async Task<CreateResult> SetAuthorisationsAsync(string username, IReadOnlyList<string>? authorisations, CancellationToken cancellationToken,
        Actor? actor = null)
    {
        var validator = new RequestValidator(texts);
        if (authorisations is null)
        {
            validator.Add("authorisations", Rules.Required, "rule.required");
        }

        CheckAuthorisations(authorisations, validator);
        if (validator.HasErrors)
        {
            return new CreateResult(null, validator.Errors);
        }

        var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(username), cancellationToken);
        if (user is null)
        {
            return new CreateResult(null, [], NotFound: true);
        }

        var wanted = authorisations!.Distinct(StringComparer.Ordinal).ToList();
        var held = (await users.GetClaimsAsync(user)).Where(c => c.Type == Actor.AuthorisationClaim).ToList();
        var removed = held.Where(c => !wanted.Contains(c.Value, StringComparer.Ordinal)).ToList();
        var added = wanted.Where(a => !held.Any(c => c.Value == a)).Select(a => new Claim(Actor.AuthorisationClaim, a)).ToList();
        if (removed.Count > 0)
        {
            await users.RemoveClaimsAsync(user, removed);
        }

        if (added.Count > 0)
        {
            await users.AddClaimsAsync(user, added);
        }

        await users.UpdateSecurityStampAsync(user);

        await audit.WriteAsync(new AuditRecord(AuditActions.UserAuthorisations, AuditOutcomes.Success, [$"user:{user.UserName}"],
            Detail: $"granted: {string.Join(',', added.Select(c => c.Value))}; withdrawn: {string.Join(',', removed.Select(c => c.Value))}"),
            actor, cancellationToken);
        return new CreateResult(await SummariseAsync(user), []);
    }

    /// <summary>Lifts a lock-out after failed logins; false when there is no such user.</summary>
    public async Task<bool> UnlockAsync(string username, CancellationToken cancellationToken)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(username), cancellationToken);
        if (user is null)
        {
            return false;
        }

        // Unlocking lifts the lock-out of failed sign-ins, never a disablement: that takes Enable.
        if (!IsDisabled(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(new AuditRecord(AuditActions.UserUnlock, AuditOutcomes.Success, [$"user:{user.UserName}"]),
            cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>The zone ids as the directory spells them; each must be one of this node's country.</summary>
    private List<string> CheckZones(IReadOnlyList<string>? zones, RequestValidator validator)
    {
        var known = new List<string>();
        for (var i = 0; i < (zones?.Count ?? 0); i++)
        {
            var room = rooms.All.FirstOrDefault(r => string.Equals(r.ZoneId, zones![i]?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (room is null || room.Country != settings.Country)
            {
                validator.Add($"zones[{i}]", Rules.OneOf, "rule.zone-of-country", settings.Country.Value);
            }
            else if (!known.Contains(room.ZoneId))
            {
                known.Add(room.ZoneId);
            }
        }

        return known;
    }

    private static void CheckAuthorisations(IReadOnlyList<string>? authorisations, RequestValidator validator)
    {
        for (var i = 0; i < (authorisations?.Count ?? 0); i++)
        {
            validator.OneOf($"authorisations[{i}]", authorisations![i], Authorisations.All);
        }
    }

    private async Task<UserSummary> SummariseAsync(SenningenUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var claims = await users.GetClaimsAsync(user);
        var disabled = IsDisabled(user);
        var lockedOut = !disabled && user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : (DateTimeOffset?)null;
        return new UserSummary(user.UserName ?? "", user.DisplayName, user.Country.Value, user.Unit, [.. roles.Order(StringComparer.Ordinal)],
            user.Language, lockedOut, user.AccessFailedCount)
        {
            Authorisations = [.. claims.Where(c => c.Type == Actor.AuthorisationClaim).Select(c => c.Value).Order(StringComparer.Ordinal)],
            Zones = [.. Core.Access.Holder.ParseZones(user.Zones).Order(StringComparer.Ordinal)],
            Disabled = disabled,
        };
    }
}
