using Senningen.Core.Anpr;

namespace Senningen.Node.Features.Anpr;

/// <summary>The stable API names of hotlist categories, actions and camera sources (kebab-case), both ways.</summary>
internal static class AnprNames
{
    public static readonly IReadOnlyDictionary<string, HotlistCategory> Categories = new Dictionary<string, HotlistCategory>(StringComparer.Ordinal)
    {
        ["stolen-vehicle"] = HotlistCategory.StolenVehicle,
        ["stolen-plate"] = HotlistCategory.StolenPlate,
        ["wanted-person-vehicle"] = HotlistCategory.WantedPersonVehicle,
        ["sis-discreet-check"] = HotlistCategory.SisDiscreetCheck,
        ["sis-inquiry-check"] = HotlistCategory.SisInquiryCheck,
        ["sis-specific-check"] = HotlistCategory.SisSpecificCheck,
        ["sis-seizure"] = HotlistCategory.SisSeizure,
        ["be-nl-shared-reference"] = HotlistCategory.BeNlSharedReference,
    };

    public static readonly IReadOnlyDictionary<string, HotlistAction> Actions = new Dictionary<string, HotlistAction>(StringComparer.Ordinal)
    {
        ["report-only"] = HotlistAction.ReportOnly,
        ["discreet-check"] = HotlistAction.DiscreetCheck,
        ["stop-and-check"] = HotlistAction.StopAndCheck,
        ["seize"] = HotlistAction.Seize,
    };

    public static readonly IReadOnlyList<string> Sources = ["police", "partner"];

    public static string Of(HotlistCategory category) => Categories.First(c => c.Value == category).Key;

    public static string Of(HotlistAction action) => Actions.First(a => a.Value == action).Key;

    public static string Of(Data.CameraSource source) => source == Data.CameraSource.Partner ? "partner" : "police";

    /// <summary>What the owner usually asks for a category, when an import line names no action.</summary>
    public static HotlistAction DefaultAction(HotlistCategory category) => category switch
    {
        HotlistCategory.StolenPlate or HotlistCategory.SisSeizure => HotlistAction.Seize,
        HotlistCategory.SisDiscreetCheck or HotlistCategory.SisInquiryCheck => HotlistAction.DiscreetCheck,
        HotlistCategory.BeNlSharedReference => HotlistAction.ReportOnly,
        _ => HotlistAction.StopAndCheck,
    };
}
