namespace Senningen.Node.Features.Operations;

/// <summary>The treaty missions that are run as live operations with positions, and the outcomes that end them.</summary>
public static class OperationTypes
{
    public const string HotPursuit = "hot-pursuit";
    public const string ObservationPlanned = "observation-planned";
    public const string ObservationUrgent = "observation-urgent";

    public static IReadOnlyList<string> All { get; } =
        [HotPursuit, ObservationPlanned, ObservationUrgent, "armed-escort", "transport-aliens-law", "transport-judicial"];

    public static IReadOnlyList<string> Outcomes { get; } =
        ["apprehended", "lost", "taken-over-by-host", "aborted-at-host-request", "completed"];
}
