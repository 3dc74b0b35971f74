using Senningen.Core.Operations;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Closes the alerts of zones the home node says no unit occupies any more; closed ones stay as they are.</summary>
internal static class AlertClosing
{
    /// <param name="action"><see cref="AlertAction.Leave"/> (a unit left, or went on to another zone) or <see cref="AlertAction.End"/>.</param>
    public static void CloseUnoccupied(IEnumerable<Alert> alerts, IEnumerable<string> occupied, AlertAction action, DateTimeOffset now)
    {
        var keep = occupied.ToHashSet(StringComparer.Ordinal);
        foreach (var alert in alerts.Where(a => !keep.Contains(a.Zone)))
        {
            AlertSteps.Apply(alert, action, now);
        }
    }
}
