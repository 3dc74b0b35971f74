using Senningen.Contracts.Operations;
using Senningen.Node.Components.Map;
using Senningen.Node.Features.Operations.Ui;

namespace Senningen.Node.Tests.Console.Map;

public sealed class AlertAndTimelineRenderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AlertBanner_NewItem_ShowsTitleDetailsTimeAndAcknowledgeInAnAlertRegion()
    {
        var item = new AlertBannerItem(Guid.NewGuid(), "Hot pursuit from BE into NL-RE05", ["Units: BE-1", "Vehicle: 1-ABC-123"], Noon);

        var html = await ComponentRendering.RenderAsync<AlertBanner>(new() { [nameof(AlertBanner.Items)] = new[] { item } });

        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("aria-live=\"assertive\"");
        html.ShouldContain("Hot pursuit from BE into NL-RE05");
        html.ShouldContain("<li>Vehicle: 1-ABC-123</li>");
        html.ShouldContain("datetime=\"2026-03-02T11:00:00Z\"");
        html.ShouldContain(">Acknowledge</button>");
        html.ShouldContain("aria-describedby=\"alert-" + item.Id + "\"");
    }

    [Fact]
    public async Task Timeline_Entries_ShowKindInWordsAndBeneluxTime()
    {
        TimelineEntry[] entries =
        [
            new(Noon, "crossing", "BE-1 crossed into NL"),
            new(Noon.AddMinutes(2), "escalated", "Nobody acknowledged in time"),
            new(Noon.AddMinutes(3), "something-new", "Unknown kinds still show"),
        ];

        var html = await ComponentRendering.RenderAsync<OperationTimeline>(new() { [nameof(OperationTimeline.Entries)] = entries });

        html.ShouldContain("timeline-move");
        html.ShouldContain(">Crossing</span>");
        html.ShouldContain("timeline-warn");
        html.ShouldContain(">Escalated</span>");
        html.ShouldContain(">Event</span>");
        // 11:00 UTC is 12:00 in Brussels in March (CET).
        html.ShouldContain("12:00:00");
    }
}
