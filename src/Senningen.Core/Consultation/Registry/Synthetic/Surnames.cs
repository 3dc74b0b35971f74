namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>
/// Surnames as each tradition writes them. Dutch particles are lower case after a given name ("Jan van der Berg");
/// in Belgium they keep the capital of the civil register ("Van den Broeck", "De Smet", "Le Clercq"). Earlier entries
/// are drawn more often (see <see cref="SyntheticRandom.Skewed"/>), as in real registers where a few names are very common.
/// </summary>
internal static class Surnames
{
    public static readonly string[] Dutch =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
        "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
        "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
        "Huisman", "Peeters", "de Lange", "Kuipers", "van Wijk", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink",
        "Scholten", "van Wijngaarden", "Martens", "van der Ploeg", "ter Horst", "ten Brink", "van 't Hof", "in 't Veld",
        "van Ooijen", "Ruiter", "Groenewegen", "Oosterhuis", "Huijbregts", "Wijnands", "Bruïne", "Çelik", "Yılmaz",
        "El Amrani", "van Rooij", "van Rooy", "Zoet", "van der Laan-de Vries", "Bakker-Jansen", "Schoenmakers",
        "Aerts", "Hermans", "van Gogh", "Sluijter", "van Nistelrooij", "de Leeuw", "Timmermans", "Mertens", "op den Kamp",
    ];

    public static readonly string[] Flemish =
    [
        "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois",
        "Hermans", "Aerts", "Michiels", "Lambrechts", "Verhoeven", "Van den Broeck", "Van Damme", "De Clercq", "Vermeulen",
        "Van de Velde", "De Backer", "Desmet", "Vandenberghe", "Van der Linden", "Smets", "Stevens", "De Cock", "Segers",
        "Cools", "Van Hoof", "Vermeiren", "Coppens", "Pauwels", "Vandamme", "Van Dyck", "De Wilde", "Verstraete",
        "D'Hondt", "Van Acker", "De Meyer", "Martens", "Claeys", "Wuyts", "De Vos", "Geerts", "Van Gucht", "Declercq",
        "Vanhoutte", "Van Impe", "Verbeke", "De Bruyne", "Hendrickx", "Vlaeminck", "Baert", "Moens", "Lemmens",
        "Van Looy", "Verschueren", "Bogaert", "De Rycke", "Van Nieuwenhuyse", "Vanderstraeten", "Van Ransbeeck",
        "Dierickx", "Ooms", "Van Aert", "Meeus", "Schepens", "Van Ranst", "Steenackers", "Coene", "Cnudde", "Van Hecke",
        "De Maesschalck", "Vanhaecke", "Van den Bossche", "Verhaegen", "Vermeersch", "Van Mechelen-Peeters", "Heylen",
    ];

    public static readonly string[] Walloon =
    [
        "Dubois", "Lambert", "Martin", "Dupont", "Simon", "Laurent", "Leclercq", "Renard", "Lejeune", "Dumont", "François",
        "Mathieu", "Collard", "Henry", "Denis", "Lemaire", "Dupuis", "Legrand", "Hubert", "Noël", "Gérard", "Lecomte",
        "Fontaine", "Thiry", "Piette", "Gilson", "Remy", "Bodart", "Masson", "Jacquet", "Delhaye", "Lefèvre", "Dethier",
        "Marchal", "Wathelet", "Poncelet", "Hardy", "Leroy", "Lemoine", "Delvaux", "Collignon", "Hennuy", "Mottet",
        "Georges", "Jadot", "Bertrand", "Hanquet", "Léonard", "Goffin", "Mercier", "Delcourt", "Wauthier", "Bastin",
        "Le Clercq", "Le Grand", "De Lannoy", "de la Vallée", "d'Ursel", "Dupont-Lambert", "Maréchal", "Pirard",
        "Defourny", "Kinet", "Englebert", "Closset", "Gillet", "Moreau", "Étienne", "Lhoest", "Vanderborght",
        "Degrève", "Charlier", "Bouvier", "Houbion", "Streel", "Jamar", "Counet", "Grégoire", "Lenoir", "D'Hooghe",
    ];

    public static readonly string[] Luxembourgish =
    [
        "Schmit", "Muller", "Weber", "Wagner", "Hoffmann", "Thill", "Schmitz", "Schroeder", "Reuter", "Klein", "Kieffer",
        "Becker", "Kremer", "Faber", "Meyer", "Schiltz", "Weis", "Majerus", "Welter", "Ries", "Hansen", "Wagener", "Kayser",
        "Zenner", "Theis", "Back", "Steichen", "Goedert", "Reding", "Schneider", "Frisch", "Marx", "Schaack", "Hermes",
        "Feller", "Bettendorf", "Wirtz", "Kirsch", "Pütz", "Krier", "Gengler", "Juncker", "Bausch", "Ensch", "Lentz",
        "Glesener", "Hilbert", "Kohnen", "Mersch", "Nilles", "Origer", "Peffer", "Rollinger", "Scholtes", "Thoma",
        "Urbany", "Wolter", "Zeimet", "da Silva", "dos Santos", "Ferreira", "Pereira", "Rodrigues", "Gonçalves",
        "Lopes", "Martins", "von Hohenberg", "de la Fontaine", "Schmit-Weber", "Müller", "Bové", "Thillmany", "Bisdorff",
    ];

    public static string[] For(NameCulture culture) => culture switch
    {
        NameCulture.Dutch => Dutch,
        NameCulture.Flemish => Flemish,
        NameCulture.Walloon => Walloon,
        _ => Luxembourgish,
    };
}
