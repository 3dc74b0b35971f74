using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

public sealed class GivenNameAndDateAgreementTests
{
    private static Agreement Given(string a, string b)
    {
        var (x, y) = (GivenNamesForm.Parse(a), GivenNamesForm.Parse(b));
        var level = FieldComparison.GivenNames(x, y);
        FieldComparison.GivenNames(y, x).ShouldBe(level, "agreement is symmetric");
        return level;
    }

    [Theory]
    [InlineData("Jan", "jan", Agreement.Exact)]
    [InlineData("Jan Pieter", "Jan", Agreement.Exact)] // the first names agree
    [InlineData("Jean-Pierre", "Jeanpierre", Agreement.Exact)]
    [InlineData("Hélène", "Helene", Agreement.Exact)]
    [InlineData("J.", "Jan", Agreement.Initial)] // initials
    [InlineData("J", "Johannes Petrus", Agreement.Initial)]
    [InlineData("J. P.", "Jan Pieter", Agreement.Initial)]
    [InlineData("P.", "Jan", Agreement.Disagree)]
    [InlineData("Philippe", "Filippe", Agreement.Phonetic)] // ph / f
    [InlineData("Kathelijne", "Catheleyne", Agreement.Phonetic)] // c / k, ij / ey
    [InlineData("Joeri", "Jouri", Agreement.Phonetic)] // oe / ou
    [InlineData("Maria Johanna", "Johanna", Agreement.Compound)] // goes by a second name
    [InlineData("Willem", "Wilem", Agreement.Phonetic)] // doubled letter
    [InlineData("Christophe", "Christpohe", Agreement.Typo)] // transposition
    [InlineData("Bernadette", "Bernadete", Agreement.Phonetic)]
    [InlineData("Annelies", "Annalies", Agreement.Typo)]
    [InlineData("Jan", "Piet", Agreement.Disagree)]
    [InlineData("Marc", "Maria", Agreement.Disagree)]
    [InlineData("", "Jan", Agreement.Missing)]
    public void GivenNames(string a, string b, Agreement expected) => Given(a, b).ShouldBe(expected);

    [Theory]
    [InlineData("1984-03-07", "1984-03-07", Agreement.Exact)]
    [InlineData("07-03-1984", "1984-03-07", Agreement.Exact)] // dd-MM-yyyy and ISO are one date
    [InlineData("1984-03-07", "1984-07-03", Agreement.DayMonthSwapped)]
    [InlineData("1984-03-07", "1984-03-08", Agreement.OneDigit)] // one digit wrong
    [InlineData("1984-03-07", "1994-03-07", Agreement.OneDigit)]
    [InlineData("1984-03-07", "1948-03-07", Agreement.OneDigit)] // two adjacent digits swapped
    [InlineData("1984-03-17", "1984-03-71", Agreement.Disagree)] // not a date: 71 is no day (checked below)
    [InlineData("1984-03-07", "1984-11-21", Agreement.YearOnly)]
    [InlineData("1984", "1984-11-21", Agreement.YearOnly)] // only a year given
    [InlineData("1984", "1985-11-21", Agreement.Disagree)]
    [InlineData("1984-03-07", "1975-11-21", Agreement.Disagree)]
    [InlineData("1984-03-07", "1985-04-08", Agreement.Disagree)] // three digits
    public void BirthDates(string a, string b, Agreement expected)
    {
        if (!BirthDate.TryParse(b, out var y))
        {
            expected.ShouldBe(Agreement.Disagree, "the row expects the second date to be refused");
            BirthDate.TryParse(a, out _).ShouldBeTrue();
            return;
        }

        BirthDate.TryParse(a, out var x).ShouldBeTrue();
        FieldComparison.BirthDate(x, y).ShouldBe(expected);
        FieldComparison.BirthDate(y, x).ShouldBe(expected);
    }

    [Fact]
    public void BirthDate_Missing_WhenEitherIsUnknown() => FieldComparison.BirthDate(default, BirthDate.From(1984, 3, 7)).ShouldBe(Agreement.Missing);

    [Theory]
    [InlineData("19840307", 1984, 3, 7)]
    [InlineData("1984-03-07", 1984, 3, 7)]
    [InlineData("07/03/1984", 1984, 3, 7)]
    [InlineData("07.03.1984", 1984, 3, 7)]
    [InlineData("1984", 1984, 0, 0)]
    public void BirthDate_TryParse_ReadsTheUsualForms(string text, int year, int month, int day)
    {
        BirthDate.TryParse(text, out var date).ShouldBeTrue();
        (date.Year, date.Month, date.Day).ShouldBe((year, month, day));
    }

    [Theory]
    [InlineData("19841307")]
    [InlineData("1984-03-32")]
    [InlineData("1984-3-7")]
    [InlineData("07/03-1984")]
    [InlineData("1700")]
    [InlineData("")]
    [InlineData("nineteen")]
    public void BirthDate_TryParse_RefusesMalformedDates(string text) => BirthDate.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("1234", "1234", Agreement.Exact)]
    [InlineData("1000 AB", "1000ab", Agreement.Exact)]
    [InlineData("1234", "1243", Agreement.Typo)]
    [InlineData("1234", "1284", Agreement.Typo)]
    [InlineData("1234", "2143", Agreement.Disagree)]
    [InlineData("12", "13", Agreement.Disagree)] // too short to call a typo
    public void Codes(string a, string b, Agreement expected) =>
        FieldComparison.Code(a.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), b.ToUpperInvariant()).ShouldBe(expected);
}
