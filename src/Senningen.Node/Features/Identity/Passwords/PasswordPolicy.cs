using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.Passwords;

/// <summary>
/// NIST SP 800-63B 3.1.1.2: length over composition (no required digits or capitals; every Unicode character counts as
/// one), and a refusal of what a guesser tries first: common and leaked words, runs and sequences, and the words of the
/// context (user name, display name, the platform's name, the node's country). In demo mode, whose password "demo" is
/// published, only the lengths apply.
/// </summary>
internal sealed class PasswordPolicy(CommonPasswords common, NodeSettings settings, Texts texts) : IPasswordValidator<SenningenUser>
{
    public const int MaxLength = 128;

    public const string TooShort = "password-too-short";
    public const string TooLong = "password-too-long";
    public const string Common = "password-common";
    public const string Repetitive = "password-repetitive";
    public const string ContainsName = "password-contains-name";

    public Task<IdentityResult> ValidateAsync(UserManager<SenningenUser> manager, SenningenUser user, string? password)
    {
        var broken = Check(password ?? "", user.UserName, user.DisplayName);
        return Task.FromResult(broken.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. broken.Select(ToError)]));
    }

    /// <summary>The rules <paramref name="password"/> breaks, in a stable order; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Check(string password, string? username, string? displayName)
    {
        var broken = new List<string>();
        var length = password.EnumerateRunes().Count();
        if (length < settings.Auth.PasswordMinLength)
        {
            broken.Add(TooShort);
        }

        if (length > MaxLength)
        {
            broken.Add(TooLong);
        }

        if (settings.DemoMode || broken.Count > 0)
        {
            return broken;
        }

        var plain = Fold(password);
        var core = plain.Trim(NotALetter);
        if (PasswordShapes.IsRepetitive(plain) || (core.Length >= 4 && PasswordShapes.IsRepetitive(core)))
        {
            broken.Add(Repetitive);
        }

        var letters = PasswordShapes.Unleet(core);
        if (common.Contains(core) || common.Contains(letters) || common.Contains(PasswordShapes.LettersOnly(letters)))
        {
            broken.Add(Common);
        }

        if (ContextWords(username, displayName).Any(w => plain.Contains(w, StringComparison.Ordinal) || letters.Contains(w, StringComparison.Ordinal)))
        {
            broken.Add(ContainsName);
        }

        return broken;
    }

    private static readonly char[] NotALetter = [.. Enumerable.Range(32, 96).Select(i => (char)i).Where(c => !char.IsAsciiLetter(c)), ' ', '\t'];

    private IEnumerable<string> ContextWords(string? username, string? displayName)
    {
        yield return "senningen";
        foreach (var language in Texts.Languages)
        {
            yield return Fold(texts.Get(language, $"country.{settings.Country.Value}"));
        }

        if (username is { Length: >= 3 })
        {
            yield return Fold(username);
        }

        var name = Fold(displayName ?? "");
        if (name.Length >= 3)
        {
            yield return name;
            yield return PasswordShapes.LettersOnly(name);
        }

        foreach (var part in name.Split([' ', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 4))
        {
            yield return part;
        }
    }

    /// <summary>Compatibility-normalised, lower-cased, accents removed: "Bélgïque" and "BELGIQUE" are the same word.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private IdentityError ToError(string rule) => new()
    {
        Code = rule,
        Description = rule switch
        {
            TooShort => texts[$"rule.{rule}", "password", settings.Auth.PasswordMinLength],
            TooLong => texts[$"rule.{rule}", "password", MaxLength],
            _ => texts[$"rule.{rule}", "password"],
        },
    };
}
