using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Requests;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Statistics;

/// <summary>
/// Belgium, the Netherlands and Luxembourg on one fake clock, and a year of information requests to and from Belgium
/// taken through the real API from 31 December 2024 to 10 January 2026: each request named after what it tests.
/// Belgium's desk is the one that reports.
/// </summary>
public sealed class StatisticsYearFixture : IAsyncLifetime
{
    public SetClock Clock { get; } = new(new DateTimeOffset(2024, 12, 31, 22, 30, 0, TimeSpan.Zero));

    public TestNetwork Network { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Network = await TestNetwork.StartAsync(["BE", "NL", "LU"],
            settings: _ => new Dictionary<string, string?>
            {
                // Every step is a fresh sign-in at the clock's date; the deadline worker runs rarely (40 days of real time), since its
                // reminders and escalations change no figure but race the desk's own steps (see StepAsync).
                ["Senningen:Api:TokenRequestsPerMinute"] = "10000", ["Senningen:Api:SignInsPerUserNamePerMinute"] = "10000",
                ["Senningen:Requests:DeadlineCheckEvery"] = "40.00:00:00",
            },
            services: (_, s) => s.AddSingleton<TimeProvider>(Clock));

        // 23:30 in Brussels on 31 December 2024: received in 2024, answered in time on 2 January 2025.
        var lateIn2024 = await SendAsync("NL", "normal");
        // 00:30 on New Year's Day in Brussels, still 2024 in UTC: received in 2025, refused for a ground within the hour.
        At(2024, 12, 31, 23, 30);
        var newYearsNight = await SendAsync("LU", "urgent");
        At(2025, 1, 1, 0, 30);
        await StepAsync(newYearsNight, "refuse", "Nothing on file", refusalGround: "not-available");
        At(2025, 1, 2, 9, 0);
        await AnswerAsync(lateIn2024);

        At(2025, 3, 10, 9, 0);
        await SendFromBelgiumAsync("NL", "normal");
        await SendFromBelgiumAsync("LU", "urgent-direct");
        var waitsForJudge = await SendAsync("NL", "urgent");
        var minorOffence = await SendAsync("NL", "normal");
        var forgotten = await SendAsync("LU", "normal");
        At(2025, 3, 11, 9, 0);
        await StepAsync(waitsForJudge.Id, "declare-delay", "The investigating judge must authorise", new DateTimeOffset(2025, 3, 15, 9, 0, 0, TimeSpan.Zero),
            judicial: true);
        await StepAsync(minorOffence.Id, "refuse", "A fine only", refusalGround: "minor-offence");
        // A day after the three days: late, and put down to the judge.
        At(2025, 3, 14, 9, 0);
        await AnswerAsync(waitsForJudge);
        // Eight days for a seven-day request: late, with no reason given.
        At(2025, 3, 18, 9, 0);
        await AnswerAsync(forgotten);

        // Received at the end of December, its seven days run out on 5 January 2026 with no answer: missed in 2026.
        At(2025, 12, 29, 10, 0);
        var straddles = await SendAsync("NL", "normal");
        await SendFromBelgiumAsync("NL", "urgent");
        At(2026, 1, 10, 12, 0);
        await AnswerAsync(straddles);
    }

    public async ValueTask DisposeAsync() => await Network.DisposeAsync();

    private void At(int y, int mo, int d, int h, int mi) => Clock.Set(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.Zero));

    /// <summary>A partner's officer asks Belgium; the test waits until Belgium has received it.</summary>
    private async Task<RequestSummary> SendAsync(string from, string urgency)
    {
        using var officer = await Network[from].SignedInAsync("officer");
        var draft = await CreateAsync(officer, Create("information-request", "BE", urgency));
        await DoAsync(officer, draft.Summary.Id, "submit");
        using var desk = await Network["BE"].SignedInAsync("liaison");
        return (await WaitForStateAsync(desk, draft.Summary.Id, "received")).Summary;
    }

    private async Task SendFromBelgiumAsync(string to, string urgency)
    {
        using var officer = await Network["BE"].SignedInAsync("officer");
        var draft = await CreateAsync(officer, Create("information-request", to, urgency));
        await DoAsync(officer, draft.Summary.Id, "submit");
    }

    private async Task AnswerAsync(RequestSummary request)
    {
        await StepAsync(request.Id, "accept");
        await StepAsync(request.Id, "start-execution");
        await StepAsync(request.Id, "complete", "Keeper and checks sent");
    }

    private async Task StepAsync(RequestSummary request, string action, string? reason = null, string? refusalGround = null) =>
        await StepAsync(request.Id, action, reason, refusalGround: refusalGround);

    private async Task StepAsync(Guid id, string action, string? reason = null, DateTimeOffset? expectedBy = null, bool judicial = false,
        string? refusalGround = null)
    {
        using var desk = await Network["BE"].SignedInAsync("liaison");
        var input = new TransitionInput(action, reason, expectedBy, refusalGround, judicial);
        var response = await desk.PostAsJsonAsync($"api/v1/requests/{id}/transitions", input, TestContext.Current.CancellationToken);
        // The worker escalated the same request meanwhile (409 changed-meanwhile): the desk does it again, as a person would.
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict
            && (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("changed-meanwhile", StringComparison.Ordinal))
        {
            response = await desk.PostAsJsonAsync($"api/v1/requests/{id}/transitions", input, TestContext.Current.CancellationToken);
        }

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>
/// A fake clock whose date the test sets, and whose timers run in real time. A <c>FakeTimeProvider</c> jumped by months
/// fires every periodic timer of three nodes once per period on the test's thread (the exchange's one-second sweeps:
/// millions of callbacks); here a jump moves the date only, and the nodes' loops keep their real pace.
/// </summary>
public sealed class SetClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}
