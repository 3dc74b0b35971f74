using Senningen.Core.Treaty;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Timeline;

/// <summary>The kinds of timeline line; each has a text <c>ops.event.{kind}</c> taking the event's arguments.</summary>
public static class EventKinds
{
    public const string Started = "started";
    public const string Crossing = "crossing";
    public const string ZoneChange = "zone-change";
    public const string Notified = "notified";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";
    public const string Returned = "returned";
    public const string Ended = "ended";

    public static IReadOnlyList<string> All { get; } = [Started, Crossing, ZoneChange, Notified, Acknowledged, Escalated, Returned, Ended];
}

/// <summary>Adds timeline lines to the unit of work and renders them in a reader's language.</summary>
public static class OperationLog
{
    private const char Separator = '\u001f';

    /// <remarks>The line keeps its time as the column does: the report of an ending operation reads it before it is saved.</remarks>
    public static void Add(SenningenDbContext db, Guid operationId, DateTimeOffset at, string kind, params string?[] arguments) =>
        db.OperationEvents.Add(new OperationEvent
        {
            OperationId = operationId,
            At = UnixMillisecondsConverter.Truncate(at),
            Kind = kind,
            Arguments = string.Join(Separator, arguments.Select(a => a ?? "")),
        });

    public static string[] ArgumentsOf(OperationEvent e) => e.Arguments.Length == 0 ? [] : e.Arguments.Split(Separator);

    /// <summary>
    /// Renders a line; ids among the arguments are shown by their names in that language: the mission type, the outcome,
    /// countries, and zones as the control room that answers for them (<paramref name="zoneName"/>), so a notice or an
    /// acknowledgement is credited to the control room it was addressed to, by name.
    /// </summary>
    public static string Render(Texts texts, TreatyCatalogue catalogue, string language, string kind, IReadOnlyList<string> arguments,
        Func<string, string>? zoneName = null)
    {
        var shown = arguments.ToArray();
        string Zone(string zone) => zone.Length == 0 || zoneName is null ? zone : zoneName(zone);
        string Country(string code) => code.Length == 2 ? texts.Get(language, "country." + code) : code;
        switch (kind)
        {
            case EventKinds.Started when shown.Length > 2:
                (shown[0], shown[2]) = (catalogue.FindMissionType(shown[0])?.Name.Get(language) ?? shown[0], Zone(shown[2]));
                break;
            case EventKinds.Ended when shown.Length > 0:
                shown[0] = texts.Get(language, "ops.outcome." + shown[0]);
                break;
            case EventKinds.Crossing when shown.Length > 3:
                (shown[1], shown[2], shown[3]) = (Country(shown[1]), Country(shown[2]), Zone(shown[3]));
                break;
            case EventKinds.ZoneChange when shown.Length > 2:
                (shown[1], shown[2]) = (Zone(shown[1]), Zone(shown[2]));
                break;
            case EventKinds.Notified or EventKinds.Acknowledged or EventKinds.Escalated when shown.Length > 1:
                (shown[0], shown[1]) = (Country(shown[0]), Zone(shown[1]));
                break;
            case EventKinds.Returned when shown.Length > 1:
                shown[1] = Country(shown[1]);
                break;
        }

        return texts.Format(language, "ops.event." + kind, [.. shown]);
    }
}
