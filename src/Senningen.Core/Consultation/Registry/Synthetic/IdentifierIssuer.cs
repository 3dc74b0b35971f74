using System.Globalization;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>
/// Hands out identifiers that are unique within one generated registry without remembering them: national numbers by
/// a counter per birth date (a date whose serials are used up moves the person to the next day), everything else by
/// walking an affine permutation of its number space, so consecutive records do not get consecutive numbers.
/// Memory is one counter per birth date in use, a few tens of thousands at most.
/// </summary>
internal sealed class IdentifierIssuer(CountryCode country, ulong seed)
{
    private const string NoO = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
    private const string NoOAndDigits = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789";
    private static readonly string[] BelgianPassportSeries = ["EM", "EN", "EP", "ER", "ES", "ET"];
    private readonly Dictionary<int, int> _issuedPerDay = [];
    private readonly AffineWalk _bsn = new(90_000_000, seed, 1);
    private readonly AffineWalk _plates = new(PlateSpace(country), seed, 2);
    private readonly AffineWalk _cards = new(100_000_000, seed, 3);
    private readonly AffineWalk _dutchDocuments = new(35L * 35 * 35 * 35 * 35 * 35, seed, 4);
    private readonly AffineWalk _belgianPassports = new(6_000_000, seed, 5);
    private readonly AffineWalk _luxembourgDocuments = new(26_000_000, seed, 6);

    public NationalId NationalId(ref DateOnly birthDate, Sex sex)
    {
        while (true)
        {
            var key = (birthDate.DayNumber * 2) + (sex == Sex.Male ? 1 : 0);
            var used = _issuedPerDay.GetValueOrDefault(key);
            var capacity = country.Value switch { "BE" => 498, "LU" => 500, _ => int.MaxValue };
            if (used < capacity)
            {
                _issuedPerDay[key] = used + 1;
                return Registry.NationalId.Parse(country, Digits(birthDate, sex, used));
            }

            birthDate = birthDate.AddDays(1);
        }
    }

    public string Plate()
    {
        while (true)
        {
            var text = PlateText(country, _plates.Next());
            // The Dutch format refuses some letter groups (SS, PVV, …); those points of the space are skipped.
            if (Anpr.Plate.TryParse(text, country, out var plate) && plate.Format.IsKnown)
            {
                return text;
            }
        }
    }

    public string DocumentNumber(DocumentType type)
    {
        switch (country.Value, type)
        {
            case ("BE", DocumentType.IdentityCard):
                return DocumentNumbers.BelgianCard(5_900_000_000L + _cards.Next());
            case ("BE", _):
                var n = _belgianPassports.Next();
                return BelgianPassportSeries[n % BelgianPassportSeries.Length] + (n / BelgianPassportSeries.Length).ToString("D6", CultureInfo.InvariantCulture);
            case ("NL", _):
                return DutchDocument(type, _dutchDocuments.Next());
            default:
                var k = _luxembourgDocuments.Next();
                return string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + (k / 1_000_000 % 26))}{(type == DocumentType.Passport ? 'P' : 'I')}{k % 1_000_000:D6}");
        }
    }

    private string Digits(DateOnly birthDate, Sex sex, int used) => country.Value switch
    {
        // Serials 001-997: odd for men, even for women.
        "BE" => BelgianNationalNumber.Create(birthDate, sex == Sex.Male ? (used * 2) + 1 : (used * 2) + 2),
        "LU" => LuxembourgMatricule.Create(birthDate, (used * 2) + (sex == Sex.Male ? 1 : 0)),
        _ => Bsn(),
    };

    private string Bsn()
    {
        while (true)
        {
            var eight = (10_000_000 + _bsn.Next()).ToString("D8", CultureInfo.InvariantCulture);
            var check = DutchBsn.CheckDigit(eight);
            if (check >= 0)
            {
                return eight + (char)('0' + check);
            }
        }
    }

    // Two letters, six letters or digits and a final digit, never the letter O; the first letter tells the type apart.
    private static string DutchDocument(DocumentType type, long k)
    {
        Span<char> text = stackalloc char[9];
        text[0] = type == DocumentType.Passport ? 'N' : 'I';
        text[1] = NoO[(int)(k % NoO.Length)];
        var rest = k;
        for (var i = 7; i >= 2; i--)
        {
            text[i] = NoOAndDigits[(int)(rest % 35)];
            rest /= 35;
        }

        text[8] = (char)('0' + (k % 10));
        return new string(text);
    }

    private static long PlateSpace(CountryCode country) => country.Value switch
    {
        "BE" => 2L * 26 * 26 * 26 * 1000,
        "NL" => 3L * 1000 * 18 * 18 * 18,
        _ => 26L * 26 * 10_000,
    };

    /// <summary>Decodes a point of the country's plate space into one of its current formats, as printed.</summary>
    private static string PlateText(CountryCode country, long k)
    {
        const string dutch = "BDFGHJKLMNPRSTVWXZ";
        switch (country.Value)
        {
            case "BE":
                var digits = k % 1000;
                k /= 1000;
                return string.Create(CultureInfo.InvariantCulture,
                    $"{1 + (k % 2)}-{(char)('A' + (k / 2 % 26))}{(char)('A' + (k / 52 % 26))}{(char)('A' + (k / 1352 % 26))}-{digits:D3}");
            case "NL":
                // Sidecodes 9 (LL-999-L), 10 (L-999-LL) and 11 (LLL-99-L), the ones issued in recent years.
                var sidecode = k % 3;
                k /= 3;
                var number = k % 1000;
                k /= 1000;
                Span<char> l = stackalloc char[3];
                for (var i = 0; i < 3; i++)
                {
                    l[i] = dutch[(int)(k % 18)];
                    k /= 18;
                }

                return sidecode switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $"{l[0]}{l[1]}-{number:D3}-{l[2]}"),
                    1 => string.Create(CultureInfo.InvariantCulture, $"{l[0]}-{number:D3}-{l[1]}{l[2]}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"{l[0]}{l[1]}{l[2]}-{number % 100:D2}-{dutch[(int)(number / 100)]}"),
                };
            default:
                return string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + (k / 10_000 % 26))}{(char)('A' + (k / 260_000 % 26))} {k % 10_000:D4}");
        }
    }

    /// <summary>k ↦ (a·k + b) mod n with a coprime to n: visits every point of [0, n) once, in a seed-dependent order.</summary>
    private sealed class AffineWalk
    {
        private readonly long _n;
        private readonly long _a;
        private readonly long _b;
        private long _k;

        public AffineWalk(long n, ulong seed, int stream)
        {
            var random = new SyntheticRandom(unchecked(seed ^ ((ulong)stream * 0xA24BAED4963EE407UL)));
            _n = n;
            _a = (long)(random.NextUInt64() % (ulong)n) | 1;
            while (Gcd(_a, n) != 1)
            {
                _a += 2;
            }

            _b = (long)(random.NextUInt64() % (ulong)n);
        }

        public long Next()
        {
            var k = _k++ % _n;
            return (long)((((UInt128)(ulong)_a * (ulong)k) + (ulong)_b) % (ulong)_n);
        }

        private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
    }
}
