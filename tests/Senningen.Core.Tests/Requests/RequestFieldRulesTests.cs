using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Senningen.Core.Requests;

namespace Senningen.Core.Tests.Requests;

/// <summary>The form rules of the shipped types, field by field, with properties where a simple oracle exists.</summary>
public sealed class RequestFieldRulesTests
{
    private static RequestType Type(string id) => RequestFiles.Catalogue.FindType(id)!;

    private static Dictionary<string, string?> Loan(string from = "2027-03-01", string until = "2027-03-03", string quantity = "2") => new()
    {
        ["item"] = "Drone", ["quantity"] = quantity, ["from"] = from, ["until"] = until, ["purpose"] = "Search", ["returnCondition"] = "As lent",
        ["costs"] = "shared",
    };

    [Fact]
    public void ValidLoan_HasNoViolation() => RequestFieldRules.Check(Type("material-loan"), Loan()).ShouldBeEmpty();

    [Fact]
    public void MissingMandatoryFields_AreEachNamed()
    {
        var violations = RequestFieldRules.Check(Type("material-loan"), new Dictionary<string, string?> { ["item"] = "Drone", ["costs"] = "  " });

        violations.Where(v => v.Rule == RequestFieldRules.Required).Select(v => v.Field)
            .ShouldBe(["fields.quantity", "fields.from", "fields.until", "fields.purpose", "fields.returnCondition", "fields.costs"], ignoreOrder: true);
    }

    [Fact]
    public void UntilBeforeFrom_IsADateOrderViolationOnUntil()
    {
        var violation = RequestFieldRules.Check(Type("material-loan"), Loan("2027-03-05", "2027-03-01")).ShouldHaveSingleItem();

        (violation.Field, violation.Rule, violation.Args[0]).ShouldBe(("fields.until", RequestFieldRules.DateOrder, (object)"fields.from"));
    }

    [Theory]
    [InlineData("2027-02-30", RequestFieldRules.Format)]
    [InlineData("01/03/2027", RequestFieldRules.Format)]
    public void ImpossibleOrForeignDate_IsAFormatViolation(string date, string rule) =>
        RequestFieldRules.Check(Type("material-loan"), Loan(from: date)).ShouldHaveSingleItem().Rule.ShouldBe(rule);

    [Fact]
    public void HearingWithoutConsent_MustBeTrue()
    {
        var fields = new Dictionary<string, string?>
        {
            ["action"] = "witness-hearing", ["personName"] = "A", ["place"] = "B", ["plannedAt"] = "2027-01-15T10:00:00+01:00",
            ["consentRecorded"] = "false", ["hostOfficerPresent"] = "true", ["prosecutorReference"] = "P", ["description"] = "D",
        };

        var violation = RequestFieldRules.Check(Type("investigative-action"), fields).ShouldHaveSingleItem();
        (violation.Field, violation.Rule).ShouldBe(("fields.consentRecorded", RequestFieldRules.MustBeTrue));
    }

    [Fact]
    public void UnknownFieldAndChoiceOutsideTheList_AreNamed()
    {
        var fields = Loan();
        fields["costs"] = "free";
        fields["colour"] = "blue";

        RequestFieldRules.Check(Type("material-loan"), fields).Select(v => (v.Field, v.Rule))
            .ShouldBe([("fields.colour", RequestFieldRules.UnknownField), ("fields.costs", RequestFieldRules.OneOf)], ignoreOrder: true);
    }

    [Property]
    public bool Quantity_IsInRange_ExactlyWhenNoRangeViolation(int quantity)
    {
        var violations = RequestFieldRules.Check(Type("material-loan"), Loan(quantity: quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return violations.Any(v => v.Rule == RequestFieldRules.Range) == quantity is < 1 or > 1000;
    }

    [Property]
    public bool DateOrder_ViolatedExactlyWhenUntilPrecedesFrom(byte fromDay, byte untilDay)
    {
        var start = new DateOnly(2027, 1, 1);
        var from = start.AddDays(fromDay);
        var until = start.AddDays(untilDay);
        var violations = RequestFieldRules.Check(Type("material-loan"), Loan(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return violations.Any(v => v.Rule == RequestFieldRules.DateOrder) == (until < from);
    }

    [Property]
    public Property SeveralChoices_AcceptedExactlyWhenAllAreListed(NonEmptyArray<bool> picks)
    {
        var all = new[] { "municipality", "public-prosecutor", "tax-authority", "neighbour" };
        var chosen = all.Where((_, i) => i < picks.Get.Length && picks.Get[i]).ToList();
        var fields = new Dictionary<string, string?>
        {
            ["requestingAuthority"] = "Mayor", ["nationalLegalBasis"] = "Law", ["purpose"] = "licence-decision", ["subject"] = "S", ["question"] = "Q",
            ["mayPassTo"] = string.Join(",", chosen),
        };
        var violated = RequestFieldRules.Check(Type("administrative-approach"), fields).Any(v => v.Field == "fields.mayPassTo");
        return (violated == (chosen.Count == 0 || chosen.Contains("neighbour"))).ToProperty();
    }
}
