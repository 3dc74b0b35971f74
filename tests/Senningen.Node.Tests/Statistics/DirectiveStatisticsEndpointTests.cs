using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Statistics;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Statistics;

/// <summary>
/// The Belgian desk's art. 18 figures over the year <see cref="StatisticsYearFixture"/> built on a fake clock: every figure
/// of 2025, the steps that fall into 2024 and 2026 on either side of the year's edges, CSV, who may read them, the audit
/// entry, and the bad years.
/// </summary>
public sealed class DirectiveStatisticsEndpointTests(StatisticsYearFixture fixture) : IClassFixture<StatisticsYearFixture>
{
    private const string Route = "api/v1/statistics/directive-2023-977";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<DirectiveFigures> FiguresAsync(string year, string user = "liaison")
    {
        using var client = await fixture.Network["BE"].SignedInAsync(user);
        var response = await client.GetAsync($"{Route}?year={year}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<DirectiveFigures>(Ct))!;
    }

    [Fact]
    public async Task Year2025_HasEveryFigureOfTheYearTheRequestsMade()
    {
        var figures = await FiguresAsync("2025");

        figures.Year.ShouldBe(2025);
        figures.TimeZone.ShouldBe("Europe/Brussels");
        figures.From.ShouldBe(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero));
        figures.Sent.ShouldBe([new SentRow("LU", 1, 0), new SentRow("NL", 1, 1)]);
        // LU: the New Year's night request (urgent) and the forgotten one (answered late); NL: the judge's (urgent, answered),
        // the minor offence and the straddling one; the 2024 request's answer of 2 January.
        figures.Received.ShouldBe([new ReceivedRow("LU", 1, 1, 0, 1), new ReceivedRow("NL", 1, 2, 1, 1)]);
        figures.Refusals.ShouldBe([new RefusalRow("LU", "not-available", 1), new RefusalRow("NL", "minor-offence", 1)]);
        figures.Deadlines.ShouldBe([new DeadlineRow("LU", 1, 0, 0), new DeadlineRow("NL", 1, 1, 48)]);
    }

    [Fact]
    public async Task TheYearsOnEitherSide_HoldTheStepsThatFellIntoThem()
    {
        var before = await FiguresAsync("2024");
        before.Received.ShouldBe([new ReceivedRow("NL", 0, 1, 0, 0)], "23:30 in Brussels on 31 December");
        before.Sent.ShouldBeEmpty();
        before.Deadlines.ShouldBeEmpty();

        var after = await FiguresAsync("2026");
        after.Received.ShouldBe([new ReceivedRow("NL", 0, 0, 0, 1)], "the straddling request's late answer");
        after.Deadlines.ShouldBe([new DeadlineRow("NL", 1, 0, 0)], "its deadline passed on 5 January");
        after.Refusals.ShouldBeEmpty();
        after.AsOf.ShouldBe(fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Csv_ByAcceptOrFormat_HasOneLinePerFigure_InTheCallersLanguage()
    {
        using var desk = await fixture.Network["BE"].SignedInAsync("liaison");
        using var byAccept = new HttpRequestMessage(HttpMethod.Get, $"{Route}?year=2025");
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await desk.SendAsync(byAccept, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The Belgian demo desk reads Dutch.
        lines[0].ShouldBe("onderdeel,gegeven,land,aantal,jaar");
        // Labels with a comma are quoted (RFC 4180), so the columns hold.
        lines.ShouldContain("\"Verzonden verzoeken (art. 18, lid 2, a)\",Dringend,NL,1,2025");
        lines.ShouldContain("\"Weigeringen per reden (art. 18, lid 2, c)\",\"Informatie niet beschikbaar (art. 6, lid 1, a)\",LU,1,2025");
        lines.ShouldContain("\"Niet gehaalde termijnen (art. 18, lid 2, d)\",Vertraging door rechterlijke machtiging (uren),NL,48,2025");
        // Sent 2 + 2 lines, received 2 × 4, refusals 2, deadlines 2 × 3, and the header.
        lines.Length.ShouldBe(1 + 4 + 8 + 2 + 6);

        var byFormat = await desk.GetStringAsync($"{Route}?year=2025&format=csv", Ct);
        byFormat.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(lines.Length);
    }

    [Fact]
    public async Task TheDpoReadsThem_EveryReadIsAudited_AndAnOfficerIsRefused()
    {
        var be = fixture.Network["BE"];
        (await FiguresAsync("2025", "dpo")).Received.Count.ShouldBe(2);
        (await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == "statistics.read" && e.Actor == "dpo" && e.Detail!.Contains("2025"), Ct)))
            .ShouldBe(1);

        using var officer = await be.SignedInAsync("officer");
        (await officer.GetAsync($"{Route}?year=2025", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var controlRoom = await be.SignedInAsync("controlroom");
        (await controlRoom.GetAsync($"{Route}?year=2025", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("", "year", "required")]
    [InlineData("?year=", "year", "required")]
    [InlineData("?year=twenty", "year", "range")]
    [InlineData("?year=2025.5", "year", "range")]
    [InlineData("?year=-2025", "year", "range")]
    [InlineData("?year=2022", "year", "range")]
    [InlineData("?year=2027", "year", "range")]
    [InlineData("?year=2025&format=xlsx", "format", "one-of")]
    public async Task BadInput_Is400ProblemNamingTheFieldAndRule(string query, string field, string rule)
    {
        using var desk = await fixture.Network["BE"].SignedInAsync("liaison");

        var response = await desk.GetAsync(Route + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await ProblemAsync(response);
        problem.Errors!.ShouldHaveSingleItem().Field.ShouldBe(field);
        problem.Errors![0].Rule.ShouldBe(rule);
    }

    [Fact]
    public async Task TheCurrentYearOfTheClock_IsTheLastOneAccepted()
    {
        // The fake clock says January 2026: 2026 is this year, so 2027 is in the future (above) and 2026 is not.
        (await FiguresAsync("2026")).Year.ShouldBe(2026);
        using var desk = await fixture.Network["BE"].SignedInAsync("liaison");
        var problem = await ProblemAsync(await desk.GetAsync($"{Route}?year=2027", Ct));
        problem.Errors![0].Message.ShouldContain("2026");
    }
}
