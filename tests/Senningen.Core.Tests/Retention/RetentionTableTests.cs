using FsCheck.Xunit;
using Senningen.Core.Countries;
using Senningen.Core.Retention;
using Senningen.Core.Tests.Treaty;
using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Retention;

/// <summary>The shipped retention table, its parser's refusals, and the cutoff it answers with.</summary>
public sealed class RetentionTableTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static string ShippedText => File.ReadAllText(Path.Combine(TreatyFiles.RepositoryRoot(), "treaty", "retention", RetentionTableParser.FileName));

    private static RetentionTable Shipped
    {
        get
        {
            var result = RetentionTableParser.Parse(new TreatySource(RetentionTableParser.FileName, ShippedText));
            return result.Table ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
        }
    }

    [Fact]
    public void ShippedTable_HasOneRuleForEveryPartyAndKind()
    {
        Shipped.Rules.Select(r => (r.Country.Value, r.Kind)).ShouldBe(
            [.. CountryCode.TreatyParties.SelectMany(c => RetentionKinds.All.Select(k => (c.Value, k))).OrderBy(x => x.Value, StringComparer.Ordinal).ThenBy(x => x.k, StringComparer.Ordinal)]);
    }

    [Theory]
    [InlineData("NL", 28, false)]
    [InlineData("BE", 365, false)]
    [InlineData("LU", 28, true)]
    public void ShippedTable_AnprReads_FollowTheNationalLaw_AndLuxembourgIsToBeVerified(string country, int days, bool verify)
    {
        var rule = Shipped.RuleFor(Parse(country), RetentionKinds.AnprRead);

        rule.Period.ShouldBe(TimeSpan.FromDays(days));
        rule.Verify.ShouldBe(verify);
        rule.Action.ShouldBe(RetentionAction.Delete);
        rule.CountedFrom.ShouldBe(CountedFrom.Observation);
    }

    [Fact]
    public void ShippedTable_EveryRuleWithoutAFigureFromLaw_AsksItsQuestion_AndKindsAgreeAcrossCountries()
    {
        foreach (var rule in Shipped.Rules)
        {
            (rule.OpenQuestion is not null).ShouldBe(rule.Verify, $"{rule.Country.Value} {rule.Kind}");
            rule.LegalBasis.ShouldNotBeNullOrWhiteSpace();
        }

        // What the node does with a kind is code: only the period and its basis differ between countries.
        foreach (var kind in Shipped.Rules.GroupBy(r => r.Kind))
        {
            kind.Select(r => (r.CountedFrom, r.Action, string.Join(",", r.Fields))).Distinct().ShouldHaveSingleItem(kind.Key);
        }
    }

    [Theory]
    [InlineData("country: BE", "country: FR", "'country' must be BE, NL or LU, found 'FR'")]
    [InlineData("kind: anpr-hit", "kind: anpr-hits", "'kind' must be one of anpr-read, anpr-hit")]
    [InlineData("days: 365", "days: 0", "'days' must be a whole number from 1 to 36500, found '0'")]
    [InlineData("days: 365", "days: a year", "'days' must be a whole number")]
    [InlineData("countedFrom: hit", "countedFrom: the hit", "'countedFrom' must be one of observation, hit")]
    [InlineData("action: delete", "action: shred", "'action' must be one of delete, anonymise, found 'shred'")]
    [InlineData("    verify: true\n", "    verify: yes\n", "'verify' must be true or false, found 'yes'")]
    [InlineData("    legalBasis:", "    legalBase:", "unknown key 'legalBase'")]
    public void BrokenRule_IsReported_WithItsLineAndRule(string find, string replace, string message)
    {
        var problems = ParseReplacingFirst(find, replace);

        // A misspelt key is also a missing one; every other break is one problem.
        problems.Count.ShouldBeLessThanOrEqualTo(2);
        problems.ShouldContain(p => p.Message.Contains(message, StringComparison.Ordinal) && p.Line > 9 && p.FileName == RetentionTableParser.FileName);
    }

    [Fact]
    public void VerifiedRule_WithoutOpenQuestion_AndDeletion_WithFields_AreReported()
    {
        var text = ShippedText;
        var question = text.IndexOf("    openQuestion:", StringComparison.Ordinal);
        var lineEnd = text.IndexOf('\n', question);
        var noQuestion = text.Remove(question, lineEnd - question + 1);
        var deletionWithFields = ShippedText.Replace("action: anonymise\n    fields: [payload, caseReference]", "action: delete\n    fields: [payload, caseReference]", StringComparison.Ordinal);

        Problems(noQuestion).ShouldHaveSingleItem().Message.ShouldContain("verify is true, so 'openQuestion' must say what to check");
        Problems(deletionWithFields).Select(p => p.Message).ShouldAllBe(m => m.Contains("'fields' is only for action anonymise", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateAndMissingRules_AreReported()
    {
        var duplicate = ShippedText.Replace("country: BE\n    kind: anpr-hit", "country: BE\n    kind: anpr-read", StringComparison.Ordinal);

        var problems = Problems(duplicate);

        problems.ShouldHaveSingleItem().Message.ShouldContain("BE anpr-read already has a rule");
        var withoutFirst = ShippedText[..ShippedText.IndexOf("  - country:", StringComparison.Ordinal)]
            + ShippedText[ShippedText.IndexOf("  - country:", ShippedText.IndexOf("  - country:", StringComparison.Ordinal) + 1, StringComparison.Ordinal)..];
        Problems(withoutFirst).ShouldHaveSingleItem().Message.ShouldContain("no rule for BE anpr-read");
    }

    [Property]
    public bool Cutoff_IsNowMinusThePeriod_AndARecordIsDueExactlyWhenItsPeriodHasRun(ushort days, int secondsBefore)
    {
        var period = TimeSpan.FromDays(days % 3650 + 1);
        var table = Shipped.WithPeriod(CountryCode.Netherlands, RetentionKinds.UnitPosition, period);
        var rule = table.RuleFor(CountryCode.Netherlands, RetentionKinds.UnitPosition);
        var start = Now.AddSeconds(-(long)secondsBefore);

        // Oracle: the period has run when start + period lies before now.
        return table.CutoffFor(RetentionKinds.UnitPosition, CountryCode.Netherlands, Now) == Now - period
            && rule.IsDue(start, Now) == (start + period < Now);
    }

    [Fact]
    public void ConfiguredPeriod_ChangesOnlyItsRule_AndMarksItForReview()
    {
        var shipped = Shipped;
        var table = shipped.WithPeriod(CountryCode.Belgium, RetentionKinds.AnprHit, TimeSpan.FromDays(30));

        var rule = table.RuleFor(CountryCode.Belgium, RetentionKinds.AnprHit);
        rule.Period.ShouldBe(TimeSpan.FromDays(30));
        rule.Verify.ShouldBeTrue();
        rule.OpenQuestion!.ShouldStartWith("Period set by configuration to 30 days instead of 365.");
        table.Rules.Where(r => !(r.Country == CountryCode.Belgium && r.Kind == RetentionKinds.AnprHit)).ShouldBe(
            shipped.Rules.Where(r => !(r.Country == CountryCode.Belgium && r.Kind == RetentionKinds.AnprHit)));
        shipped.WithPeriod(CountryCode.Netherlands, RetentionKinds.AnprRead, TimeSpan.FromDays(28))
            .RuleFor(CountryCode.Netherlands, RetentionKinds.AnprRead).Verify.ShouldBeFalse();
    }

    private static CountryCode Parse(string code) => CountryCode.TryParse(code, out var c) ? c : throw new ArgumentException(code);

    private static IReadOnlyList<TreatyProblem> ParseReplacingFirst(string find, string replace)
    {
        var text = ShippedText;
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, find);
        return Problems(string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length)));
    }

    private static IReadOnlyList<TreatyProblem> Problems(string text)
    {
        var result = RetentionTableParser.Parse(new TreatySource(RetentionTableParser.FileName, text));
        result.Table.ShouldBeNull();
        return result.Problems;
    }
}
