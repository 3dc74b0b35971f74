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

    /// <summary>Renders a line; ids among the arguments (mission type, outcome) are shown by their names in that language.</summary>
    public static string Render(Texts texts, TreatyCatalogue catalogue, string language, string kind, IReadOnlyList<string> arguments)
    {
        var shown = arguments.ToArray();
        if (kind == EventKinds.Started && shown.Length > 0)
        {
            shown[0] = catalogue.FindMissionType(shown[0])?.Name.Get(language) ?? shown[0];
        }
        else if (kind == EventKinds.Ended && shown.Length > 0)
        {
            shown[0] = texts.Get(language, "ops.outcome." + shown[0]);
        }

        return texts.Format(language, "ops.event." + kind, [.. shown]);
    }
}
