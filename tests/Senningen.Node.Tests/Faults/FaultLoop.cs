using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;

namespace Senningen.Node.Tests.Faults;

/// <summary>What a step answered: the answer the client got before the kill (if any), and the answer its retry got.</summary>
internal sealed record StepAnswers(string? Original, string Retried, HttpStatusCode Status);

/// <summary>What one try did: how long after the write began the node was killed, and whether its answer came first.</summary>
internal sealed record FaultTry(int Index, int KilledAfterMs, bool Answered);

/// <summary>
/// Kill -9 during a write (issue 19), driven from outside: the node runs as its own process, the write is sent, and the
/// process is killed with SIGKILL after a delay drawn from a seeded generator, so a failing run is repeated exactly from
/// its seed. Nothing in the node knows it is being tested: there is no fault point to leave on by mistake.
/// </summary>
internal static class FaultLoop
{
    /// <summary>The settings every node under the loop gets: a key whose owner was killed is released after a second.</summary>
    public static Dictionary<string, string?> Settings() => new() { ["Senningen:Api:IdempotencyTimeout"] = "00:00:01" };

    /// <summary>
    /// Runs <paramref name="tries"/> writes, each on a fresh process of <paramref name="node"/> killed between
    /// <paramref name="minMs"/> and <paramref name="maxMs"/> after <paramref name="write"/> began. The node is left stopped.
    /// </summary>
    public static async Task<List<FaultTry>> RunAsync(TestNode node, Random random, int tries, int minMs, int maxMs, string user,
        Func<int, HttpClient, CancellationToken, Task> write, Func<int, HttpClient, Task>? before = null)
        => await RunAsync(node, random, tries, minMs, maxMs, user, write, before, null);

    /// <param name="overrides">Settings for the killed processes only (a purge interval, say), not for the node the checks start.</param>
    public static async Task<List<FaultTry>> RunAsync(TestNode node, Random random, int tries, int minMs, int maxMs, string user,
        Func<int, HttpClient, CancellationToken, Task> write, Func<int, HttpClient, Task>? before, IReadOnlyDictionary<string, string?>? overrides)
    {
        var done = new List<FaultTry>();
        for (var i = 0; i < tries; i++)
        {
            var delay = random.Next(minMs, maxMs + 1);
            await using var process = await NodeProcess.StartAsync(node, overrides);
            using var client = await node.SignedInAsync(user);
            if (before is not null)
            {
                await before(i, client);
            }

            using var abort = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var writing = AnsweredAsync(write(i, client, abort.Token));
            var finished = await Task.WhenAny(writing, Task.Delay(delay, TestContext.Current.CancellationToken));
            var killedAt = (int)clock.ElapsedMilliseconds;
            process.Kill();
            await abort.CancelAsync();
            var answered = finished == writing && await writing;
            done.Add(new FaultTry(i, killedAt, answered));
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"try {i}: killed {killedAt} ms after the write began (drawn {delay} ms), answer {(answered ? "received" : "lost")}"));
        }

        return done;
    }

    /// <summary>
    /// Steps sent under an <c>Idempotency-Key</c>, each on a fresh process killed mid-write; the next process first sends the
    /// previous step again under its key, twice, as the phone's queue would. The last step is sent again on
    /// <paramref name="node"/> started in this process, which is left running for the checks. Each step is built from
    /// the answers to the steps before it (an operation's id, say).
    /// </summary>
    public static async Task<List<StepAnswers>> RunIdempotentStepsAsync(TestNode node, Random random, int minMs, int maxMs, string user,
        IReadOnlyList<Func<IReadOnlyList<StepAnswers>, HttpRequestMessage>> steps)
    {
        var answers = new List<StepAnswers>();
        string? original = null;
        for (var i = 0; i <= steps.Count; i++)
        {
            var last = i == steps.Count;
            await using var process = last ? null : await NodeProcess.StartAsync(node);
            if (last)
            {
                await node.StartAgainAsync();
            }

            using var client = await node.SignedInAsync(user);
            if (i > 0)
            {
                answers.Add(await SendAgainAsync(client, () => steps[i - 1](answers), original));
            }

            if (last)
            {
                break;
            }

            original = null;
            var delay = random.Next(minMs, maxMs + 1);
            using var abort = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var sending = client.SendAsync(steps[i](answers), abort.Token);
            var finished = await Task.WhenAny(sending, Task.Delay(delay, TestContext.Current.CancellationToken));
            var killedAt = (int)clock.ElapsedMilliseconds;
            process!.Kill();
            await abort.CancelAsync();
            if (finished == sending && await AnsweredAsync(sending) && sending.Result.IsSuccessStatusCode)
            {
                original = await sending.Result.Content.ReadAsStringAsync();
            }

            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {i}: killed {killedAt} ms after the write began (drawn {delay} ms), answer {(original is null ? "lost" : "received")}"));
        }

        return answers;
    }

    private static async Task<StepAnswers> SendAgainAsync(HttpClient client, Func<HttpRequestMessage> request, string? original)
    {
        using var first = await RetryAsync(() => client.SendAsync(request()));
        var firstBody = await first.Content.ReadAsStringAsync();
        first.IsSuccessStatusCode.ShouldBeTrue(firstBody);
        using var second = await client.SendAsync(request());
        second.Headers.TryGetValues("Idempotent-Replayed", out var replayed).ShouldBeTrue("the second retry is answered from the kept answer");
        replayed.ShouldBe(["true"]);
        (await second.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        if (original is not null)
        {
            firstBody.ShouldBe(original, "a retry after the crash gets the answer the client lost");
        }

        return new StepAnswers(original, firstBody, first.StatusCode);
    }

    /// <summary>True when the write got its answer; false when the connection died with the node.</summary>
    private static async Task<bool> AnsweredAsync(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    /// <summary>A client's retry after a crash: sends again under the same key while the node answers that the key is still in progress.</summary>
    public static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline
                || !(await response.Content.ReadAsStringAsync()).Contains("idempotency-in-progress", StringComparison.Ordinal))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Sends a ping from <paramref name="sender"/> and waits for its receipt: the partner, freshly started, answers, and the
    /// sender's messages held back while it was down are released, so a kill window drawn next falls in the exchange itself.
    /// </summary>
    public static async Task PartnerReachedAsync(TestNode sender, string recipient)
    {
        var ping = (await Exchange.ExchangeHelpers.EnqueueAsync(sender, recipient, 1)).Single();
        await Exchange.ExchangeHelpers.EventuallyAsync(async () => await Exchange.ExchangeHelpers.QueryAsync(sender,
            db => db.Outbox.AnyAsync(m => m.Id == ping && m.Status == Node.Common.Exchange.Data.OutboxStatus.Receipted)), $"{recipient} receipts a ping", TimeSpan.FromSeconds(60));
    }

    /// <summary>The audit log verifies against every head the node signed.</summary>
    public static async Task AuditVerifiesAsync(TestNode node)
    {
        // Signed in first: the sign-in is an audit entry of its own, which must be integrated before the check counts what waits.
        using var dpo = await node.SignedInAsync("dpo");
        await node.AuditIntegratedAsync(TimeSpan.FromSeconds(20));
        var result = (await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify"))!;
        result.Intact.ShouldBeTrue(result.Problem);
        result.PendingEntries.ShouldBe(0);
    }

    /// <summary>Runs the loop's body and, if it fails, names the seed that repeats it.</summary>
    public static async Task WithSeedAsync(int seed, Func<Random, Task> body)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (set SENNINGEN_FAULT_SEED to repeat)");
        try
        {
            await body(new Random(seed));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Fault loop failed with seed {seed} (set SENNINGEN_FAULT_SEED={seed} to repeat it): {e.Message}", e);
        }
    }

    /// <summary>The seed of a run: fixed in CI so a failure repeats, or the one a developer sets to explore others.</summary>
    public static int Seed(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("SENNINGEN_FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fixedSeed;
}
