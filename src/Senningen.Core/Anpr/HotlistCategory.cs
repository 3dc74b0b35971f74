namespace Senningen.Core.Anpr;

/// <summary>Why a plate is on a hotlist: national lists, the SIS alert kinds of Article 36/38, and the BE-NL shared list.</summary>
public enum HotlistCategory
{
    StolenVehicle = 1,
    StolenPlate,
    WantedPersonVehicle,
    SisDiscreetCheck,
    SisInquiryCheck,
    SisSpecificCheck,
    SisSeizure,
    BeNlSharedReference,
}

/// <summary>What the list's owner asks an officer to do on a hit.</summary>
public enum HotlistAction
{
    /// <summary>Record and report the sighting; do not stop the vehicle.</summary>
    ReportOnly = 1,

    /// <summary>Stop and check without revealing the alert (SIS discreet or inquiry check).</summary>
    DiscreetCheck,

    /// <summary>Stop, check and search as the alert specifies.</summary>
    StopAndCheck,

    /// <summary>Seize the vehicle or plate.</summary>
    Seize,
}
