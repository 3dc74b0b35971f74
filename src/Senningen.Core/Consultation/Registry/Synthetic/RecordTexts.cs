namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>
/// Summaries of police records in the language the registering police writes: Dutch in the Netherlands and Flanders,
/// French in Wallonia and Luxembourg. They are registry data, not interface text, so they are not translated.
/// </summary>
internal static class RecordTexts
{
    public static string Summary(RecordKind kind, bool french, DateOnly date, ref SyntheticRandom random)
    {
        var day = date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return (kind, french) switch
        {
            (RecordKind.WantedForArrest, false) => random.Pick(["Gesignaleerd ter aanhouding (Europees aanhoudingsbevel)", "Gezocht ter aanhouding, vonnis bij verstek", "Aanhouding gevraagd door de onderzoeksrechter"]),
            (RecordKind.WantedForArrest, true) => random.Pick(["Signalé aux fins d'arrestation (mandat d'arrêt européen)", "Recherché pour arrestation, jugement par défaut", "Arrestation demandée par le juge d'instruction"]),
            (RecordKind.Missing, false) => "Vermist sinds " + day,
            (RecordKind.Missing, true) => "Disparu(e) depuis le " + day,
            (RecordKind.DiscreetCheck, false) => "Onopvallende controle: verblijfplaats en begeleiders melden",
            (RecordKind.DiscreetCheck, true) => "Contrôle discret : signaler le lieu et les accompagnants",
            (RecordKind.SpecificCheck, false) => "Gerichte controle van persoon en voertuig",
            (RecordKind.SpecificCheck, true) => "Contrôle spécifique de la personne et du véhicule",
            (RecordKind.StolenVehicle, false) => "Voertuig gestolen, aangifte van " + day,
            (RecordKind.StolenVehicle, true) => "Véhicule volé, plainte du " + day,
            (RecordKind.LostOrStolenDocument, false) => "Document als verloren of gestolen gemeld op " + day,
            (RecordKind.LostOrStolenDocument, true) => "Document déclaré perdu ou volé le " + day,
            (_, false) => random.Pick(["Eerder veroordeeld voor diefstal", "Proces-verbaal wegens rijden onder invloed", "Bekend wegens geweldpleging", "Eerder aangehouden wegens heling"]),
            _ => random.Pick(["Antécédents de vol", "Procès-verbal pour conduite sous influence", "Connu pour coups et blessures", "Déjà arrêté pour recel"]),
        };
    }
}
