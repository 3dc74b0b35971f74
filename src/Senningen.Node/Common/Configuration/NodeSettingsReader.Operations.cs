namespace Senningen.Node.Common.Configuration;

/// <summary>Reads the settings of live operations: the notification clock and the crossing hysteresis.</summary>
internal sealed partial class NodeSettingsReader
{
    private OperationsSettings ReadOperations()
    {
        const string prefix = "Senningen:Operations";
        var ack = ReadDuration($"{prefix}:AcknowledgeWithin", TimeSpan.FromSeconds(60));
        if (ack < TimeSpan.FromSeconds(1) || ack > TimeSpan.FromHours(1))
        {
            _problems.Add($"{prefix}:AcknowledgeWithin must be between 1 second and 1 hour.");
        }

        return new OperationsSettings(
            ack,
            (int)ReadLong($"{prefix}:MaxFixesPerBatch", 500, 1, 10_000),
            (int)ReadLong($"{prefix}:CrossingMinFixes", 3, 1, 50),
            ReadLong($"{prefix}:CrossingMinDistanceMetres", 30, 0, 5_000),
            ReadLong($"{prefix}:CrossingMaxAccuracyMetres", 50, 1, 10_000),
            ReadDuration($"{prefix}:CrossingMaxGap", TimeSpan.FromSeconds(60)),
            ReadDuration($"{prefix}:FutureTolerance", TimeSpan.FromMinutes(2)),
            ReadDuration($"{prefix}:UrgentObservationAuthorisationWithin", TimeSpan.FromHours(5)));
    }
}
