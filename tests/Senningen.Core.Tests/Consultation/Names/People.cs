using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

/// <summary>Deterministic test people with Benelux names, particles and diacritics; and the errors the engine must forgive.</summary>
internal static class People
{
    private static readonly string[] GivenNames =
    [
        "Jan", "Pieter", "Johannes", "Hendrik", "Willem", "Maria", "Anna", "Johanna", "Elisabeth", "Sophie", "Lotte", "Emma",
        "Luc", "Marc", "Philippe", "François", "Hélène", "Nathalie", "Joëlle", "Koen", "Bart", "Els", "Griet", "Wouter",
        "Thijs", "Daan", "Sanne", "Femke", "Jean-Pierre", "Marie-Claire", "Guillaume", "Léa", "Chloé", "Mathis", "Noah",
        "Liam", "Fleur", "Ruben", "Stijn", "Kathelijne",
    ];

    private static readonly string[] Surnames =
    [
        "Jansen", "de Jong", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Peeters",
        "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert",
        "Dupont", "Martin", "Lejeune", "Müller", "Schmit", "Weber", "Wagner", "Hoffmann", "d'Hondt", "Van de Velde",
        "Vercauteren", "Vandenberghe", "Declercq", "Van Damme", "Heijnen", "Bijl", "Schouten", "Huijbrechts", "Janssens-De Vos",
        "de la Croix", "Vanderlinden", "Dumoulin", "Leclercq", "Thys", "Coppens", "Hermans", "Van Acker", "Desmet",
    ];

    public static PersonRecord[] Population(int count, int seed)
    {
        var random = new Random(seed);
        var people = new PersonRecord[count];
        for (var i = 0; i < count; i++)
        {
            people[i] = new PersonRecord($"p{i}", new PersonParticulars
            {
                GivenNames = GivenNames[random.Next(GivenNames.Length)],
                Surname = Surnames[random.Next(Surnames.Length)],
                BirthDate = BirthDate.From(random.Next(1940, 2006), random.Next(1, 13), random.Next(1, 29)),
                Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                Postcode = random.Next(1000, 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return people;
    }

    /// <summary>One error in one field: a typo in a name, a dropped given name, day and month swapped, one digit wrong, only the year.</summary>
    public static PersonParticulars WithOneError(PersonParticulars person, Random random)
    {
        var date = person.BirthDate;
        return random.Next(6) switch
        {
            0 => person with { Surname = StringSimilarityTests.Typo(person.Surname!, random) },
            1 => person with { GivenNames = StringSimilarityTests.Typo(person.GivenNames!, random) },
            2 => person with { GivenNames = person.GivenNames![..1] + "." },
            3 => person with { BirthDate = date.Day <= 12 ? BirthDate.From(date.Year, date.Day, date.Month) : BirthDate.From(date.Year, date.Month, date.Day % 10 + 10) },
            4 => person with { BirthDate = BirthDate.From(date.Year + (date.Year % 10 == 9 ? -1 : 1), date.Month, date.Day) },
            _ => person with { BirthDate = BirthDate.From(date.Year) },
        };
    }
}
