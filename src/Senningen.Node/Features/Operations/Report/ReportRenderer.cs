using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Report;

/// <summary>Renders report facts as the after-action report contract in one language.</summary>
public sealed class ReportRenderer(Texts texts, ZoneDirectory zones, Core.Treaty.TreatyCatalogue catalogue)
{
    /// <summary>Renders the facts as stored with an operation or an alert (JSON), in <paramref name="language"/> or the reader's.</summary>
    public AfterActionReport RenderStored(string storedFacts, string? language, DateTimeOffset generatedAt) =>
        Render(System.Text.Json.JsonSerializer.Deserialize<ReportFacts>(storedFacts, Common.Exchange.WireMapping.Json)!,
            language ?? Texts.CurrentLanguage, generatedAt);

    public AfterActionReport Render(ReportFacts f, string language, DateTimeOffset generatedAt)
    {
        var typeName = catalogue.FindMissionType(f.Type)?.Name.Get(language) ?? f.Type;
        var operation = new OperationView(f.OperationId, f.Type, "ended", f.HomeCountry, f.HomeZone, f.CaseReference,
            [.. f.Units.Select(u => new OperationUnitView(u, null, null, null, null, null))], f.Vehicles, f.Suspect, f.Reason, null, null,
            f.StartedAt, f.StartedBy, f.EndedAt, f.Outcome,
            [.. f.Crossings.Select(c => new CrossingView(c.Unit, c.From, c.To, c.FromZone, c.ToZone, c.At, c.Lat, c.Lon))],
            [.. f.Timeline.Select(e => new TimelineEntry(e.At, e.Kind, OperationLog.Render(texts, catalogue, language, e.Kind, e.Arguments,
                z => zones.ControlRoomName(z, language))))], []);
        var notices = f.Notices.Select(n => new AlertOutcomeView(n.Partner, zones.ControlRoomName(n.Zone, language), n.SentAt, null,
            n.AcknowledgedAt, n.AcknowledgedBy, n.EscalatedAt)).ToList();
        var title = texts.Format(language, "ops.report.title", typeName, f.StartedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return new AfterActionReport(f.OperationId, language, title, operation, notices, f.PositionCount, generatedAt);
    }
}
