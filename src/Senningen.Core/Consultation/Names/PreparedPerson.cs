namespace Senningen.Core.Consultation.Names;

/// <summary>A person's particulars folded once (at index build, or once per query), so comparing touches no raw text.</summary>
internal sealed class PreparedPerson
{
    private PreparedPerson(PersonParticulars person)
    {
        Given = GivenNamesForm.Parse(person.GivenNames);
        Surname = SurnameForm.Parse(person.Surname);
        BirthDate = person.BirthDate;
        Sex = person.Sex;
        Postcode = Code(person.Postcode);
        Municipality = NameText.Compact(NameText.Fold(person.Municipality ?? ""));
        Street = NameText.Compact(NameText.Fold(person.Street ?? ""));
        HouseNumber = Code(person.HouseNumber);
        OtherId = Code(person.OtherId);
    }

    public GivenNamesForm Given { get; }

    public SurnameForm Surname { get; }

    public BirthDate BirthDate { get; }

    public Sex Sex { get; }

    public string Postcode { get; }

    public string Municipality { get; }

    public string Street { get; }

    public string HouseNumber { get; }

    public string OtherId { get; }

    public static PreparedPerson From(PersonParticulars person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PreparedPerson(person);
    }

    /// <summary>Codes (postcodes, numbers, identifiers) compare on their letters and digits: "1000 AB" = "1000ab".</summary>
    private static string Code(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        Span<char> buffer = text.Length <= 64 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
