namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>A maker as its VINs begin (world manufacturer identifier) and the models the registry draws from.</summary>
internal sealed record Maker(string Wmi, string Name, string[] Models, bool WritesCheckDigit);

/// <summary>Makers common on Benelux roads; a few write the North American check digit in position 9 everywhere.</summary>
internal static class Vehicles
{
    public static readonly Maker[] Makers =
    [
        new("WVW", "Volkswagen", ["Golf", "Polo", "Passat", "T-Roc", "Tiguan", "ID.3"], false),
        new("VF1", "Renault", ["Clio", "Mégane", "Captur", "Kangoo", "Zoé"], false),
        new("VF3", "Peugeot", ["208", "308", "2008", "3008", "Partner"], false),
        new("WBA", "BMW", ["118i", "320d", "X1", "X3", "i4"], true),
        new("WDD", "Mercedes-Benz", ["A 180", "C 220 d", "E 300", "GLC"], true),
        new("TMB", "Škoda", ["Octavia", "Fabia", "Superb", "Kodiaq", "Enyaq"], false),
        new("YV1", "Volvo", ["XC40", "XC60", "V60", "V90"], true),
        new("VF7", "Citroën", ["C3", "C4", "Berlingo", "C5 Aircross"], false),
        new("W0L", "Opel", ["Corsa", "Astra", "Mokka", "Zafira"], false),
        new("WF0", "Ford", ["Fiesta", "Focus", "Kuga", "Transit"], false),
        new("JTD", "Toyota", ["Yaris", "Corolla", "C-HR", "RAV4"], true),
        new("ZFA", "Fiat", ["500", "Panda", "Tipo", "Ducato"], false),
        new("KMH", "Hyundai", ["i10", "i20", "Tucson", "Kona"], true),
        new("5YJ", "Tesla", ["Model 3", "Model Y"], true),
        new("VSS", "Seat", ["Ibiza", "Leon", "Arona", "Ateca"], false),
        new("WAU", "Audi", ["A3", "A4", "Q3", "Q5", "e-tron"], false),
    ];

    public static readonly string[] Colours = ["black", "grey", "white", "silver", "blue", "red", "green", "brown", "yellow", "beige"];

    // Model-year codes (position 10) of ISO 3779 from 2001 (1) to 2025 (S): digits, then letters without I, O, Q, U, Z.
    public const string ModelYears = "123456789ABCDEFGHJKLMNPRS";

    public const string VinCharacters = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
}
