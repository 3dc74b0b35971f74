using System.Text.Json;
using Senningen.Core.Consultation;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Tests.Localization;

/// <summary>
/// People read labels, not codes (issue 21, point 6): every audit action the node writes, every request action a button
/// offers and every identifier a consultation answer may ask for has a text in each language. The keys are built at
/// run time, so the literal-key check of <see cref="TextsTests"/> cannot see them.
/// </summary>
public sealed class LabelTextsTests
{
    private static readonly Dictionary<string, Dictionary<string, string>> ByLanguage = Texts.Languages.ToDictionary(
        language => language,
        language => JsonSerializer.Deserialize<Dictionary<string, string>>(
            typeof(Texts).Assembly.GetManifestResourceStream($"texts.{language}.json")!)!);

    public static TheoryData<string> AuditActionKeys() => [.. AuditActions.All.Select(a => $"audit.action.{a}")];

    public static TheoryData<string> RequestButtonKeys() => [.. RequestNames.All<RequestAction>().Select(a => $"request.do.{a}")];

    public static TheoryData<string> IdentifierKeys() =>
        [.. Enum.GetValues<PersonIdentifier>().Select(i => $"consultation.add.{PersonSelectivity.NameOf(i)}")];

    // Every message type on the exchange: the payload records carry it as their Type constant.
    public static TheoryData<string> MessageTypeKeys() =>
    [
        .. typeof(Texts).Assembly.GetTypes()
            .Where(t => typeof(Senningen.Node.Common.Exchange.IValidatedPayload).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => t.GetField("Type")?.GetRawConstantValue() as string)
            .OfType<string>()
            .Select(type => $"exchange.type.{type}"),
    ];

    [Fact]
    public void MessageTypes_AreFound() => MessageTypeKeys().Count.ShouldBeGreaterThanOrEqualTo(10);

    [Theory]
    [MemberData(nameof(MessageTypeKeys))]
    [MemberData(nameof(AuditActionKeys))]
    [MemberData(nameof(RequestButtonKeys))]
    [MemberData(nameof(IdentifierKeys))]
    public void Label_ExistsInEveryLanguage(string key)
    {
        foreach (var (language, texts) in ByLanguage)
        {
            texts.ShouldContainKey(key, $"{language}.json");
            texts[key].ShouldNotContain(key);
        }
    }

    [Fact]
    public void EveryAuditActionConstant_IsListedInAll_SoItGetsALabel()
    {
        var constants = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        AuditActions.All.ShouldBe(constants, ignoreOrder: true);
    }

    [Fact]
    public void RequestButtons_AreVerbs_NotTheStateTheyLeadTo()
    {
        // The timeline says what happened ("Aanvaard"); the button says what to do ("Aanvaarden").
        foreach (var action in RequestNames.All<RequestAction>())
        {
            ByLanguage["nl"][$"request.do.{action}"].ShouldNotBe(ByLanguage["nl"][$"request.action.{action}"], action);
            ByLanguage["en"][$"request.do.{action}"].ShouldNotBe(ByLanguage["en"][$"request.action.{action}"], action);
        }
    }
}
