using Senningen.Core.Consultation.Names;

namespace Senningen.Bench.NameMatch;

/// <summary>
/// FEBRL4 as read from bench/data/febrl: the originals (4a) to index, the duplicates (4b) to query, and the truth
/// (rec-N-org ↔ rec-N-dup-0). Fields map onto <see cref="PersonParticulars"/>: soc_sec_id is the shared identifier,
/// suburb the municipality, address_1 the street; address_2 and state are not used. A date of birth that is no date
/// (a corrupted month or day, 62 of the duplicates) is read as unknown, as a register's intake would refuse it.
/// </summary>
internal sealed record FebrlRow(string Id, string GivenName, string Surname, string StreetNumber, string Address1, string Suburb,
    string Postcode, string DateOfBirth, string SocSecId)
{
    /// <summary>The original's id for a duplicate: rec-N-dup-0 → rec-N-org.</summary>
    public string TrueOriginal => Id.Replace("-dup-0", "-org", StringComparison.Ordinal);

    public PersonParticulars Particulars(bool withIdentifier) => new()
    {
        GivenNames = GivenName,
        Surname = Surname,
        BirthDate = BirthDate.TryParse(DateOfBirth, out var date) ? date : default,
        Postcode = Postcode,
        Municipality = Suburb,
        Street = Address1,
        HouseNumber = StreetNumber,
        OtherId = withIdentifier ? SocSecId : null,
    };

    public static List<FebrlRow> Read(string path)
    {
        var rows = new List<FebrlRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // FEBRL pads every value after a comma with one space and never quotes: split and trim is the whole parser.
            var f = line.Split(',').Select(v => v.Trim()).ToArray();
            if (f.Length == 11)
            {
                rows.Add(new FebrlRow(f[0], f[1], f[2], f[3], f[4], f[6], f[7], f[9], f[10]));
            }
        }

        return rows;
    }
}
