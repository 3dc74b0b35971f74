using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Passwords;

namespace Senningen.Node.Tests.Identity;

/// <summary>NIST SP 800-63B: length, not composition; common, leaked, repetitive and context words refused; each refusal names its rule.</summary>
public sealed class PasswordPolicyTests
{
    private const string AdminPassword = "Fjord-lantern-Ossuary-31";

    private static readonly CommonPasswords List = new(CommonPasswords.DefaultPath);

    private static PasswordPolicy Policy(bool demo = false, int? minLength = null) => new(List, Settings(demo, minLength), Texts.Load());

    private static NodeSettings Settings(bool demo, int? minLength) => NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = "BE",
            // Demo mode is refused on anything but loopback.
            ["Senningen:Node:PublicUrl"] = demo ? "http://127.0.0.1/" : "https://senningen.example.be/",
            ["Senningen:Node:Demo"] = demo ? "true" : "false",
            ["Senningen:Auth:PasswordMinLength"] = minLength?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());

    [Theory]
    [InlineData("short-one-9", PasswordPolicy.TooShort)]
    [InlineData("Password2024!", PasswordPolicy.Common)]
    [InlineData("p@ssw0rd-2024", PasswordPolicy.Common)]
    [InlineData("pass word 2024", PasswordPolicy.Common)]
    [InlineData("Elephants123456", PasswordPolicy.Common)]
    [InlineData("azertyuiop2024", PasswordPolicy.Common)]
    [InlineData("Wachtwoord!!!!", PasswordPolicy.Common)]
    [InlineData("aaaaaaaaaaaaaa", PasswordPolicy.Repetitive)]
    [InlineData("12345678901234", PasswordPolicy.Repetitive)]
    [InlineData("abcabcabcabcabc", PasswordPolicy.Repetitive)]
    [InlineData("xyz-anna.peeters-17", PasswordPolicy.ContainsName)]
    [InlineData("I work for Senningen", PasswordPolicy.ContainsName)]
    [InlineData("mooi-Belgi\u00eb-2026!", PasswordPolicy.ContainsName)]
    [InlineData("La Belgique est belle", PasswordPolicy.ContainsName)]
    [InlineData("Peeters tuinhuisje 7", PasswordPolicy.ContainsName)]
    public void Check_APasswordAGuesserTriesEarly_NamesTheRule(string password, string rule) =>
        Policy().Check(password, "anna.peeters", "Anna Peeters").ShouldContain(rule);

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("tuinhuisje-op-de-dijk")]
    [InlineData("ΚαλημέραΚόσμε!")]
    [InlineData("这是一个很长的密码对不对")]
    [InlineData("alllowercasenodigitsatall")]
    public void Check_ALongPassphraseWithoutComposition_IsAccepted(string password) =>
        Policy().Check(password, "anna.peeters", "Anna Peeters").ShouldBeEmpty();

    [Fact]
    public void Check_CountsUnicodeCharacters_NotUtf16Units()
    {
        var twelveEmoji = string.Concat(Enumerable.Range(0, 12).Select(i => char.ConvertFromUtf32(0x1F600 + (i * 3))));
        twelveEmoji.Length.ShouldBe(24);

        Policy(minLength: 13).Check(twelveEmoji, "anna", "Anna").ShouldContain(PasswordPolicy.TooShort);
        Policy(minLength: 12).Check(twelveEmoji, "anna", "Anna").ShouldBeEmpty();
    }

    [Fact]
    public void Check_LongerThanTheMaximum_IsRefused_AndTheMaximumIsAtLeast64()
    {
        PasswordPolicy.MaxLength.ShouldBeGreaterThanOrEqualTo(64);

        Policy().Check(new string('x', 64) + "-tuinhuisje-" + new string('y', PasswordPolicy.MaxLength), "anna", "Anna")
            .ShouldContain(PasswordPolicy.TooLong);
    }

    [Fact]
    public void Check_InDemoMode_AppliesOnlyTheLengths()
    {
        Policy(demo: true).Check("demo", "officer", "Officer").ShouldBeEmpty();
        Policy(demo: true).Check("abc", "officer", "Officer").ShouldBe([PasswordPolicy.TooShort]);
    }

    [Fact]
    public void Start_MinimumLengthBelowEight_OutsideDemo_StopsTheNodeNamingTheKey()
    {
        var problem = Should.Throw<ConfigurationProblemException>(() => Settings(demo: false, minLength: 6));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith("Senningen:Auth:PasswordMinLength");
    }

    [Fact]
    public void CommonList_IsShipped_WithTheDictionaryAndTheKeyboardRows() =>
        new[] { "password", "qwertyuiop", "azertyuiop", "qwertzuiop", "wachtwoord", "motdepasse", "passwort", "elephant" }
            .ShouldAllBe(w => List.Contains(w));

    [Theory]
    [InlineData("Tablecloth99!", "password-common")]
    [InlineData("senningen-2026-rocks", "password-contains-name")]
    [InlineData("Kurz-genug", "password-too-short")]
    public async Task CreateUser_WithAWeakPassword_Answers400NamingTheRuleOnThePasswordField(string password, string rule)
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Node:Demo"] = "false",
            ["Senningen:Bootstrap:AdminUser"] = "first-admin",
            ["Senningen:Bootstrap:AdminPassword"] = AdminPassword,
        });
        using var admin = await node.SignedInAsync("first-admin", AdminPassword);
        var ct = TestContext.Current.CancellationToken;

        using var response = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest("jan.janssens", password, "Jan Janssens", "PZ Antwerpen", ["Officer"], "nl"), ct);
        using var strong = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest("jan.janssens", "koffie met drie klontjes", "Jan Janssens", "PZ Antwerpen", ["Officer"], "nl"), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ct);
        var error = problem!.Errors!.ShouldHaveSingleItem();
        (error.Field, error.Rule).ShouldBe(("password", rule));
        error.Message.ShouldNotContain("rule.");
        strong.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
