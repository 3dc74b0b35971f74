using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Closes the alerts of zones the home node says no unit occupies any more.</summary>
internal static class AlertClosing
{
    public static void CloseUnoccupied(IEnumerable<Alert> alerts, IEnumerable<string> occupied, long now)
    {
        var keep = occupied.ToHashSet(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            if (alert.Status != AlertStatus.Closed && !keep.Contains(alert.Zone))
            {
                alert.Status = AlertStatus.Closed;
                alert.ClosedAtMs = now;
                alert.Version++;
            }
        }
    }
}
