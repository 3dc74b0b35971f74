using System.Globalization;
using Senningen.Core.Consultation.Names;

namespace Senningen.Bench.NameMatch;

/// <summary>
/// BENCH-ONLY seeded population for the 1 M latency run, not the product's registry generator: Benelux-like
/// surnames with a realistic head (the commonest about 0.6 % of people, as de Jong or Peeters are) over a long tail
/// built from syllables, given names with a similar skew, dates of birth 1930-2010, 4-digit postcodes. Queries are
/// people from the population, as written or with one error of the kinds the engine forgives.
/// </summary>
internal static class SyntheticPeople
{
    private static readonly string[] HeadSurnames =
    [
        "de Jong", "Jansen", "Peeters", "de Vries", "Janssens", "van den Berg", "Maes", "van Dijk", "Bakker", "Jacobs", "Janssen",
        "Mertens", "Visser", "Willems", "Smit", "Claes", "Meijer", "Goossens", "de Boer", "Wouters", "Mulder", "De Smet", "de Groot",
        "Dubois", "Bos", "Lambert", "Vos", "Dupont", "Peters", "Martin", "Hendriks", "Schmit", "van Leeuwen", "Müller", "Dekker",
        "Weber", "Brouwer", "Wagner", "de Wit", "Hoffmann", "Dijkstra", "Lejeune", "Smits", "Vermeulen", "de Graaf", "Dumont",
        "van der Meer", "Desmet", "van der Linden", "Declercq", "Kok", "Leclercq", "Wuyts", "Hermans", "van Damme", "Thys",
        "Coppens", "Heijnen", "Bijl", "Schouten", "Huijbrechts", "Vandenberghe", "Van de Velde", "Vercauteren", "d'Hondt",
        "Van Acker", "de la Croix", "Dumoulin", "Michiels", "Verhoeven", "Van Dyck", "Dierckx", "Hendrickx", "Segers", "Aerts",
        "Stevens", "De Clercq", "Pauwels", "Verstraeten", "Van Hove", "Renard", "Simon", "Laurent", "Leroy", "François",
        "Reuter", "Thill", "Kremer", "Faber", "Hoffmann-Reuter", "Janssens-De Vos", "Bosch van Drakestein", "Schneider", "Meyer",
        "Klein", "Wolff", "Becker", "Hansen", "Kieffer", "Ries", "Wirtz", "Muller", "Welter", "Weis",
    ];

    private static readonly string[] GivenNames =
    [
        "Jan", "Maria", "Peter", "Anna", "Johannes", "Sophie", "Luc", "Marie", "Pieter", "Emma", "Marc", "Julie", "Hendrik",
        "Nathalie", "Willem", "Elisabeth", "Philippe", "Hélène", "Koen", "Els", "Bart", "Sarah", "Jean", "Anne", "Thomas", "Laura",
        "Michel", "Lotte", "Daan", "Sanne", "Wouter", "Femke", "Thijs", "Lisa", "Stijn", "Fleur", "Ruben", "Lea", "Noah", "Chloé",
        "Liam", "Julia", "Lucas", "Nina", "Louis", "Eva", "Arthur", "Zoë", "Jules", "Mila", "Victor", "Olivia", "Mathis", "Louise",
        "François", "Joëlle", "Guillaume", "Marie-Claire", "Jean-Pierre", "Jan-Willem", "Kathelijne", "Griet", "Joris", "Lieve",
        "Dirk", "Inge", "Geert", "Katrien", "Paul", "Monique", "André", "Martine", "Claude", "Sylvie", "Georges", "Christiane",
        "Gilles", "Tom", "Kevin", "Nicolas", "Romain", "Steve", "Carine", "Josée", "Fernand", "Nicole", "René", "Jeannine", "Yves",
    ];

    private static readonly string[] TailPrefixes = ["", "", "", "van ", "de ", "van der ", "Ver", "Le ", "Du ", "Van den ", "ter "];
    private static readonly string[] TailRoots =
    [
        "Berg", "Hoeven", "Meul", "Broek", "Kamp", "Veld", "Hout", "Beek", "Straat", "Molen", "Dries", "Heuvel", "Bosch", "Laan",
        "Haegh", "Brugg", "Kerck", "Water", "Steen", "Hove", "Mont", "Champ", "Fontain", "Roch", "Bois", "Chen", "Mar", "Lann",
        "Gheyl", "Schoon", "Wijn", "Raedt", "Cauwe", "Baert", "Maer", "Vlaem", "Pyck", "Coene", "Daen", "Wyck",
    ];

    private static readonly string[] TailSuffixes = ["", "s", "en", "ens", "man", "mans", "ink", "ing", "aert", "ier", "eau", "el", "ers", "ijn", "ot", "ckx", "e", "tte", "heim", "inger"];

    public static PersonRecord[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var head = Cumulative(HeadSurnames.Length, 40);
        var given = Cumulative(GivenNames.Length, 10);
        var people = new PersonRecord[count];
        for (var i = 0; i < count; i++)
        {
            var surname = random.NextDouble() < 0.6
                ? HeadSurnames[Pick(head, random)]
                : TailPrefixes[random.Next(TailPrefixes.Length)] + TailRoots[random.Next(TailRoots.Length)] + TailSuffixes[random.Next(TailSuffixes.Length)]
                    + TailSuffixes[random.Next(TailSuffixes.Length)];
            var names = GivenNames[Pick(given, random)] + (random.Next(3) == 0 ? " " + GivenNames[Pick(given, random)] : "");
            people[i] = new PersonRecord(string.Create(CultureInfo.InvariantCulture, $"s{i}"), new PersonParticulars
            {
                GivenNames = names,
                Surname = surname,
                BirthDate = BirthDate.From(random.Next(1930, 2011), random.Next(1, 13), random.Next(1, 29)),
                Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                Postcode = random.Next(1000, 10_000).ToString(CultureInfo.InvariantCulture),
            });
        }

        return people;
    }

    /// <summary>A query for a random person: 30 % as written, 65 % with one error, 5 % the surname alone (to exercise refusals).</summary>
    public static (PersonParticulars Query, string TrueId, string Kind) Query(PersonRecord[] people, Random random)
    {
        var person = people[random.Next(people.Length)];
        var p = person.Person with { Sex = Sex.Unknown, Postcode = random.Next(2) == 0 ? person.Person.Postcode : null };
        var date = p.BirthDate;
        var (query, kind) = random.Next(20) switch
        {
            < 6 => (p, "as registered"),
            6 or 7 => (p with { Surname = Typo(p.Surname!, random) }, "surname typo"),
            8 or 9 => (p with { GivenNames = Typo(p.GivenNames!, random) }, "given-name typo"),
            10 => (p with { GivenNames = p.GivenNames![..1] + "." }, "initial"),
            11 => (p with { Surname = Folded(p.Surname!) }, "particles glued, upper case"),
            12 => (p with { Surname = ParticlesLast(p.Surname!) }, "particles after the stem"),
            13 or 14 => (p with { BirthDate = date.Day <= 12 ? BirthDate.From(date.Year, date.Day, date.Month) : BirthDate.From(date.Year, date.Month, (date.Day % 9) + 1) },
                "day-month swap (or one day digit)"),
            15 or 16 => (p with { BirthDate = BirthDate.From(date.Year + (date.Year % 10 == 9 ? -1 : 1), date.Month, date.Day) }, "one year digit"),
            17 or 18 => (p with { BirthDate = BirthDate.From(date.Year) }, "year only"),
            _ => (new PersonParticulars { Surname = p.Surname }, "surname alone"),
        };
        return (query, person.Id, kind);
    }

    private static string Typo(string word, Random random)
    {
        var at = random.Next(1, Math.Max(2, word.Length));
        return random.Next(3) switch
        {
            0 when at < word.Length => word.Remove(at, 1),
            1 when at + 1 < word.Length => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
            _ => word.Insert(Math.Min(at, word.Length), "e"),
        };
    }

    private static string Folded(string surname) => surname.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string ParticlesLast(string surname)
    {
        var space = surname.LastIndexOf(' ');
        return space < 0 ? surname : surname[(space + 1)..] + ", " + surname[..space];
    }

    private static double[] Cumulative(int count, int offset)
    {
        var weights = Enumerable.Range(1, count).Select(k => 1.0 / (k + offset)).ToArray();
        var total = weights.Sum();
        var sum = 0.0;
        return [.. weights.Select(w => sum += w / total)];
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(at < 0 ? ~at : at, cumulative.Length - 1);
    }
}
