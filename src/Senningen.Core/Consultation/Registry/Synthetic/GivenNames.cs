namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>Given names by tradition and sex, common ones first, with the diacritics the registers keep.</summary>
internal static class GivenNames
{
    private static readonly string[] DutchFemale =
    [
        "Maria", "Anna", "Johanna", "Emma", "Sanne", "Lotte", "Anouk", "Femke", "Sophie", "Julia", "Eva", "Lieke", "Noëlle",
        "Chloë", "Zoë", "Inge", "Marieke", "Ilse", "Fenna", "Sara", "Anneke", "Geertje", "Wilhelmina", "Ingrid", "Daphne",
        "Esmée", "Iris", "Mila", "Tess", "Yara", "Fatima", "Renée",
    ];

    private static readonly string[] DutchMale =
    [
        "Johannes", "Jan", "Cornelis", "Hendrik", "Pieter", "Daan", "Sem", "Lucas", "Bram", "Thijs", "Ruben", "Joost", "Maarten",
        "Sjoerd", "Wouter", "Gijs", "Jeroen", "Stijn", "Teun", "Jesse", "Willem", "Gerrit", "Niels", "Koen", "Arjen", "Hüseyin",
        "Mohammed", "Joël", "Raphaël", "Michiel", "Floris", "Ids",
    ];

    private static readonly string[] FlemishFemale =
    [
        "Maria", "Marie", "An", "Els", "Katrien", "Liesbeth", "Sofie", "Leen", "Lien", "Hanne", "Lotte", "Emma", "Louise",
        "Elise", "Febe", "Nele", "Ine", "Griet", "Annelies", "Joke", "Ilse", "Hilde", "Martine", "Noor", "Lore", "Marthe",
        "Anaïs", "Chloë", "Zoë", "Inès",
    ];

    private static readonly string[] FlemishMale =
    [
        "Jan", "Jozef", "Luc", "Marc", "Dirk", "Geert", "Bart", "Tom", "Pieter", "Wim", "Koen", "Kristof", "Jens", "Arne",
        "Wout", "Lars", "Seppe", "Robbe", "Warre", "Lander", "Stijn", "Jef", "Frans", "Staf", "Rik", "Ludo", "Noël", "Joël",
        "Michaël", "Raphaël",
    ];

    private static readonly string[] WalloonFemale =
    [
        "Marie", "Anne", "Isabelle", "Nathalie", "Sophie", "Catherine", "Véronique", "Françoise", "Martine", "Christine",
        "Céline", "Émilie", "Julie", "Aurélie", "Mélanie", "Laetitia", "Hélène", "Geneviève", "Louise", "Camille", "Léa",
        "Chloé", "Margaux", "Anaïs", "Maëlle", "Noémie", "Zoé", "Inès", "Clémence", "Joséphine",
    ];

    private static readonly string[] WalloonMale =
    [
        "Jean", "Pierre", "Philippe", "Michel", "Luc", "Alain", "Jacques", "André", "Christophe", "Olivier", "Benoît", "Frédéric",
        "Stéphane", "Jérôme", "Sébastien", "Grégory", "Quentin", "Maxime", "Thibault", "Nicolas", "Hugo", "Louis", "Arthur",
        "Théo", "Noé", "Loïc", "Gaëtan", "Raphaël", "Joël", "François",
    ];

    private static readonly string[] LuxembourgishFemale =
    [
        "Marie", "Anne", "Josée", "Martine", "Carole", "Nathalie", "Claudine", "Sandra", "Sonja", "Nadine", "Michèle",
        "Danielle", "Tessy", "Joëlle", "Lynn", "Mia", "Emma", "Léa", "Julie", "Sophie", "Charlotte", "Chloé", "Ana", "Sofia",
        "Marguerite", "Liliane", "Romaine", "Françoise",
    ];

    private static readonly string[] LuxembourgishMale =
    [
        "Jean", "Jos", "Marc", "Paul", "Claude", "Romain", "Fernand", "Guy", "Nico", "Gilles", "Yves", "Tom", "Luc", "Pit",
        "Mike", "Ben", "Max", "Léon", "Noah", "Gabriel", "Liam", "Tiago", "João", "Henri", "Mathis", "Raphaël", "Théo", "Jérôme",
    ];

    public static string[] For(NameCulture culture, Sex sex) => (culture, sex) switch
    {
        (NameCulture.Dutch, Sex.Female) => DutchFemale,
        (NameCulture.Dutch, _) => DutchMale,
        (NameCulture.Flemish, Sex.Female) => FlemishFemale,
        (NameCulture.Flemish, _) => FlemishMale,
        (NameCulture.Walloon, Sex.Female) => WalloonFemale,
        (NameCulture.Walloon, _) => WalloonMale,
        (_, Sex.Female) => LuxembourgishFemale,
        _ => LuxembourgishMale,
    };
}
