namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>A real municipality with one of its postcodes and the naming tradition most of its residents follow.</summary>
internal sealed record Municipality(string Name, string Postcode, NameCulture Culture);

/// <summary>
/// Real municipalities and postcodes (one postcode each, usually the centre's), border regions well represented
/// because that is where the treaty's cooperation happens. Public facts written out for this registry.
/// </summary>
internal static class Municipalities
{
    public static readonly Municipality[] Netherlands = Of(NameCulture.Dutch,
        "Amsterdam 1012", "Rotterdam 3011", "Den Haag 2511", "Utrecht 3511", "Eindhoven 5611", "Groningen 9711", "Tilburg 5038",
        "Almere 1315", "Breda 4811", "Nijmegen 6511", "Apeldoorn 7311", "Haarlem 2011", "Arnhem 6811", "Enschede 7511",
        "Amersfoort 3811", "Zaandam 1506", "'s-Hertogenbosch 5211", "Zwolle 8011", "Leiden 2311", "Maastricht 6211",
        "Dordrecht 3311", "Ede 6711", "Leeuwarden 8911", "Alkmaar 1811", "Emmen 7811", "Delft 2611", "Venlo 5911",
        "Deventer 7411", "Helmond 5701", "Heerlen 6411", "Hilversum 1211", "Sittard 6131", "Roosendaal 4701",
        "Bergen op Zoom 4611", "Oosterhout 4901", "Baarle-Nassau 5111", "Roermond 6041", "Weert 6001", "Middelburg 4331",
        "Vlissingen 4381", "Terneuzen 4531", "Goes 4461", "Hulst 4561", "Valkenswaard 5551", "Eijsden 6245", "Vaals 6291",
        "Kerkrade 6461", "Venray 5801", "Oss 5341", "Uden 5401", "Veldhoven 5501", "Etten-Leur 4871", "Zundert 4881",
        "Hoogerheide 4631", "Goirle 5051", "Hilvarenbeek 5081", "Reusel 5541", "Bladel 5531", "Assen 9401", "Meppel 7941",
        "Harderwijk 3841", "Gouda 2801", "Schiedam 3111", "Zoetermeer 2711", "Purmerend 1441", "Hoorn 1621", "Den Helder 1781",
        "Lelystad 8232", "Sneek 8601", "Drachten 9201", "Kampen 8261", "Hengelo 7551", "Almelo 7601", "Doetinchem 7001",
        "Zutphen 7201", "Tiel 4001", "Culemborg 4101", "Wageningen 6701", "Veenendaal 3901", "Nieuwegein 3431", "Houten 3991");

    public static readonly Municipality[] Belgium =
    [
        .. Of(NameCulture.Flemish,
            "Antwerpen 2000", "Gent 9000", "Brugge 8000", "Leuven 3000", "Mechelen 2800", "Aalst 9300", "Kortrijk 8500",
            "Hasselt 3500", "Sint-Niklaas 9100", "Oostende 8400", "Genk 3600", "Roeselare 8800", "Turnhout 2300", "Lier 2500",
            "Beveren 9120", "Dendermonde 9200", "Vilvoorde 1800", "Herentals 2200", "Geel 2440", "Mol 2400", "Lommel 3920",
            "Tongeren 3700", "Maasmechelen 3630", "Lanaken 3620", "Hoogstraten 2320", "Baarle-Hertog 2387", "Essen 2910",
            "Kalmthout 2920", "Brasschaat 2930", "Wuustwezel 2990", "Knokke-Heist 8300", "Ieper 8900", "Poperinge 8970",
            "Waregem 8790", "Tielt 8700", "Eeklo 9900", "Zottegem 9620", "Ninove 9400", "Halle 1500", "Asse 1730",
            "Zaventem 1930", "Diest 3290", "Tienen 3300", "Aarschot 3200", "Bree 3960", "Maaseik 3680", "Pelt 3910",
            "Sint-Truiden 3800", "Bilzen 3740", "Voeren 3790", "Menen 8930", "Wevelgem 8560", "Zelzate 9060", "Lokeren 9160",
            "Temse 9140"),
        .. Of(NameCulture.Walloon,
            "Liège 4000", "Charleroi 6000", "Namur 5000", "Mons 7000", "La Louvière 7100", "Tournai 7500", "Seraing 4100",
            "Verviers 4800", "Mouscron 7700", "Wavre 1300", "Ottignies-Louvain-la-Neuve 1340", "Nivelles 1400",
            "Braine-l'Alleud 1420", "Waterloo 1410", "Arlon 6700", "Bastogne 6600", "Marche-en-Famenne 6900", "Dinant 5500",
            "Huy 4500", "Spa 4900", "Malmedy 4960", "Visé 4600", "Herstal 4040", "Ans 4430", "Châtelet 6200", "Fleurus 6220",
            "Gembloux 5030", "Andenne 5300", "Binche 7130", "Ath 7800", "Soignies 7060", "Péruwelz 7600",
            "Comines-Warneton 7780", "Virton 6760", "Aubange 6790", "Bouillon 6830", "Chimay 6460", "Philippeville 5600",
            "Couvin 5660", "Durbuy 6940", "La Roche-en-Ardenne 6980", "Waremme 4300", "Hannut 4280", "Stavelot 4970",
            "Aywaille 4920", "Flémalle 4400", "Jodoigne 1370", "Tubize 1480", "Rixensart 1330", "Bruxelles 1000",
            "Schaerbeek 1030", "Ixelles 1050", "Uccle 1180", "Etterbeek 1040", "Anderlecht 1070", "Molenbeek-Saint-Jean 1080",
            "Jette 1090", "Eupen 4700", "Sankt Vith 4780"),
    ];

    public static readonly Municipality[] Luxembourg = Of(NameCulture.Luxembourgish,
        "Luxembourg 1111", "Esch-sur-Alzette 4001", "Differdange 4501", "Dudelange 3401", "Ettelbruck 9001", "Diekirch 9201",
        "Wiltz 9501", "Echternach 6401", "Rumelange 3701", "Grevenmacher 6701", "Remich 5501", "Mersch 7501", "Clervaux 9701",
        "Vianden 9401", "Bettembourg 3201", "Schifflange 3801", "Kayl 3601", "Pétange 4701", "Belvaux 4401",
        "Mondorf-les-Bains 5601", "Mamer 8201", "Strassen 8011", "Hesperange 5801", "Walferdange 7201", "Steinsel 7301",
        "Junglinster 6101", "Mondercange 3901", "Bascharage 4901", "Steinfort 8401", "Redange-sur-Attert 8501",
        "Wormeldange 5401", "Schengen 5444", "Troisvierges 9901", "Kehlen 8281", "Niederanven 6901", "Sandweiler 5201",
        "Contern 5310", "Frisange 5751", "Roeser 3321", "Colmar-Berg 7701", "Beckerich 8521", "Larochette 7601");

    public static readonly string[] DutchStreets =
    [
        "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianastraat", "Beatrixlaan", "Wilhelminastraat",
        "Hoofdstraat", "Markt", "Nieuwstraat", "Irenestraat", "Eikenlaan", "Beukenlaan", "Sportlaan", "Kastanjelaan",
    ];

    public static readonly string[] FlemishStreets =
    [
        "Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat", "Schoolstraat", "Kapelstraat", "Veldstraat",
        "Steenweg", "Markt", "Hoogstraat", "Boomgaardstraat", "Sint-Jansstraat", "Kasteelstraat",
    ];

    public static readonly string[] FrenchStreets =
    [
        "Rue de la Gare", "Rue de l'Église", "Rue du Moulin", "Rue Haute", "Grand-Place", "Chaussée de Bruxelles", "Rue des Écoles",
        "Avenue des Tilleuls", "Rue Saint-Pierre", "Place du Marché", "Rue du Château", "Rue de la Station",
    ];

    public static readonly string[] LuxembourgStreets =
    [
        "Rue Principale", "Grand-Rue", "Rue de l'Église", "Rue de la Gare", "Route d'Arlon", "Rue du Moulin", "Rue des Champs",
        "Rue de Luxembourg", "Avenue de la Liberté", "Rue du Fossé", "Rue des Jardins", "Um Bierg", "An der Gaass", "Op der Heed",
    ];

    public static string[] Streets(NameCulture culture) => culture switch
    {
        NameCulture.Dutch => DutchStreets,
        NameCulture.Flemish => FlemishStreets,
        NameCulture.Walloon => FrenchStreets,
        _ => LuxembourgStreets,
    };

    // "Name 1234": the postcode is the last word, so names with blanks and apostrophes need no escaping.
    private static Municipality[] Of(NameCulture culture, params string[] lines) =>
        [.. lines.Select(line => new Municipality(line[..line.LastIndexOf(' ')], line[(line.LastIndexOf(' ') + 1)..], culture))];
}
