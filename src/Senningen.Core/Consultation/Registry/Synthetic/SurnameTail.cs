namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>
/// The long tail of surnames: the common names of <see cref="Surnames"/> cover only part of a real register, the rest
/// is thousands of rarer names. They are composed here from each tradition's particles, place-name roots and
/// patronymic or occupational stems and endings, so that a block of candidates for one surname stays as small as in a
/// real register. Composed names may not all exist; they follow the tradition's spelling.
/// </summary>
internal static class SurnameTail
{
    private static readonly string[] DutchParticles = ["van", "van de", "van der", "van den", "ter", "ten", "de", "van 't", "in 't", "op de"];

    private static readonly string[] DutchPlaces =
    [
        "Dijk", "Berg", "Veen", "Broek", "Hoven", "Beek", "Dam", "Wijk", "Velde", "Kamp", "Hout", "Heuvel", "Laar", "Loon", "Bosch", "Akker",
        "Hoek", "Meer", "Sloot", "Weerd", "Horst", "Haar", "Water", "Zande", "Steeg", "Mortel", "Rijt", "Gaag", "Wiel", "Ham", "Ende", "Vliet",
    ];

    private static readonly string[] DutchStems =
    [
        "Bakk", "Smed", "Hoog", "Groen", "Wit", "Zwart", "Kramp", "Roos", "Vink", "Mol", "Hart", "Brand", "Klaas", "Jans", "Peet", "Hendr",
        "Gerrit", "Wouter", "Dirk", "Bouw", "Kuijp", "Timmer", "Veld", "Molen", "Haan", "Blank", "Stam", "Boer", "Lub", "Reij", "Sijb", "Tjeerd",
    ];

    private static readonly string[] DutchEndings = ["s", "sen", "ing", "ers", "man", "mans", "stra", "ma", "inga", "huis", "kamp", "veld", "horst", "er", "en"];

    private static readonly string[] FlemishParticles = ["Van", "Van de", "Van den", "Van der", "Vande", "Vanden", "De", "D'", "Ver", "Van 't"];

    private static readonly string[] FlemishPlaces =
    [
        "berghe", "broeck", "velde", "walle", "bossche", "putte", "hecke", "damme", "acker", "steen", "meulen", "poel", "kerckhove", "eycken",
        "houtte", "linden", "moortel", "wiele", "bruggen", "cauwenberghe", "hove", "straeten", "driessche", "voorde",
    ];

    private static readonly string[] FlemishStems =
    [
        "Goos", "Claes", "Wout", "Geer", "Jan", "Maer", "Hendrick", "Verhae", "Pauw", "Seg", "Lemm", "Meeu", "Baet", "Wuyt", "Mich", "Lambr",
        "Coppe", "Cool", "Smed", "Vermeer", "Bogae", "Heyl", "Schepe", "Hermé", "Dierick", "Wauter",
    ];

    private static readonly string[] FlemishEndings = ["s", "sens", "x", "ens", "ers", "aert", "eels", "ckx", "e", "ynck"];

    private static readonly string[] WalloonParticles = ["de la", "Le", "De", "d'", "Du", "Delle"];

    private static readonly string[] WalloonPlaces = ["Haye", "Croix", "Fontaine", "Motte", "Rivière", "Vallée", "Roche", "Forge", "Court", "Marche", "Fosse", "Tour"];

    private static readonly string[] WalloonStems =
    [
        "Lamb", "Dup", "Ren", "Dum", "Coll", "Lem", "Gér", "Font", "Pir", "Mass", "Jacqu", "Delh", "Lef", "March", "Poncel", "Hard", "Ler",
        "Delv", "Goff", "Merc", "Bast", "Charl", "Bouv", "Gill", "Thir", "Hub", "Warn", "Rob", "Clos", "Dess", "Hen", "Baud",
    ];

    private static readonly string[] WalloonEndings = ["ard", "et", "ier", "on", "eau", "in", "ot", "elle", "ay", "aux", "ais", "enne", "ès", "oy"];

    private static readonly string[] LuxembourgStems =
    [
        "Schm", "Web", "Wagn", "Hoffm", "Thill", "Schröd", "Reut", "Kief", "Beck", "Krem", "Fab", "Mey", "Schilt", "Majer", "Welt", "Kay",
        "Zenn", "Steich", "Goed", "Red", "Bisd", "Glesen", "Hilb", "Kohn", "Nill", "Orig", "Peff", "Roll", "Schol", "Urb", "Wolt", "Zeim",
        "Feid", "Trausch", "Mull", "Ewen",
    ];

    private static readonly string[] LuxembourgEndings = ["er", "es", "en", "ges", "ing", "ert", "inger", "ius", "y", "el", "and", "ach"];

    public static string Compose(NameCulture culture, ref SyntheticRandom random) => culture switch
    {
        NameCulture.Dutch => random.Chance(0.3)
            ? $"{random.Pick(DutchParticles)} {random.Pick(DutchPlaces)}"
            : random.Pick(DutchStems) + random.Pick(DutchEndings),
        NameCulture.Flemish => random.Chance(0.35) ? Flemish(random.Pick(FlemishParticles), random.Pick(FlemishPlaces))
            : random.Pick(FlemishStems) + random.Pick(FlemishEndings),
        NameCulture.Walloon => random.Chance(0.15)
            ? Walloon(random.Pick(WalloonParticles), random.Pick(WalloonPlaces))
            : random.Pick(WalloonStems) + random.Pick(WalloonEndings),
        _ => random.Pick(LuxembourgStems) + random.Pick(LuxembourgEndings),
    };

    // Fused particles take the root as it is ("Vandenberghe"), separate ones capitalise it ("Van den Berghe").
    private static string Flemish(string particle, string place) => particle switch
    {
        "Vande" or "Vanden" or "Ver" => particle + place,
        "D'" => particle + char.ToUpperInvariant(place[0]) + place[1..],
        _ => $"{particle} {char.ToUpperInvariant(place[0])}{place[1..]}",
    };

    private static string Walloon(string particle, string place) => particle == "d'" ? particle + place : $"{particle} {place}";
}
