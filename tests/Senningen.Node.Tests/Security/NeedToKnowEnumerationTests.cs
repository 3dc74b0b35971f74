using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Consultation;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Requests;
using Senningen.Contracts.Users;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Tests.Console;

namespace Senningen.Node.Tests.Security;

/// <summary>
/// Need to know over every route and console page the node maps: for each capability whose objects belong to a unit or a
/// zone, a user of another unit (same role) tries the owner's object ids on every route and page that takes one, and
/// gets what a missing object gets (404 on reads), with exactly one audited denial and nothing changed; lists show them
/// nothing of it; the owner's own reads write exactly one audit entry each. Routes and pages come from the running app:
/// a new route with an object id fails here until it is classified below.
/// </summary>
public sealed class NeedToKnowEnumerationTests : IAsyncLifetime
{
    private const string Marker = "ZZNTK";
    private static readonly Guid Missing = Guid.Parse("0196a3f2-0000-7000-8000-0000000000ff");

    // Routes that take an id but whose objects belong to no unit: each with the reason it is not need-to-know's business.
    private static readonly Dictionary<string, string> NotUnitOwned = new(StringComparer.Ordinal)
    {
        ["/api/v1/anpr/hotlist/{id:guid}"] = "the national hotlist, kept by the desk and administrators (policy AnprHotlist)",
        ["/api/v1/exchange/messages/{id}"] = "message metadata; a personal payload is redacted by need to know (ExchangePayloads tests)",
        ["/api/v1/exchange/messages/{id}/retry"] = "a parked message of the node's exchange, the operators' to act on (policy ExchangeMonitor); no payload shown",
        ["/api/v1/exchange/messages/{id}/drop"] = "a parked message of the node's exchange, the operators' to act on (policy ExchangeMonitor); no payload shown",
        ["/api/v1/audit/log/{id:guid}"] = "the audit log, for the DPO only (policy)",
        ["/api/v1/audit/tree-heads/alarms/{id:long}/acknowledge"] = "a witness alarm, for the DPO only (policy)",
        ["/api/v1/consultation/log/{id:guid}"] = "the consultation oversight trail, for the DPO only (policy DataProtection), who reads everything",
        ["/api/v1/admin/users/{username}/"] = "user administration (policy Admin): every route under it",
        ["/api/v1/retention/holds/{id:guid}"] = "a retention hold, for the DPO only (policy DataProtection)",
    };

    // Figures for bench/need-to-know.sh (issue 17 §4), collected across this class's tests and written when asked for.
    private static readonly EnumerationFigures Figures = new();

    private TestNetwork _network = null!;
    private TestNode _node = null!;
    private readonly Dictionary<string, Owned> _owned = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One capability's object of the owner's side, and who owns and who intrudes.</summary>
    private sealed record Owned(string Capability, Guid Id, string Owner, string Intruder, Func<SenningenDbContext, Task<string>> State);

    public async ValueTask InitializeAsync()
    {
        // A partner, so that drafts and register searches have somebody to go to.
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        _node = _network["BE"];
        // Same roles as the demo's officer and control room, another unit and another zone.
        await _node.CreateAsync("officer-b", "PZ Kempen", Roles.Officer, ["BE-VLI"], [Authorisations.HitNoHit, Authorisations.JointPost]);
        await _node.CreateAsync("controlroom-b", "CIC Limburg", Roles.ControlRoom, ["BE-VLI"], [Authorisations.HitNoHit]);

        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartOperationAsync(officer);
        _owned["operations"] = new("operations", operation, "officer", "officer-b",
            db => db.Set<Operation>().Where(o => o.Id == operation).Select(o => o.Status + "|" + o.EndedAt).SingleAsync(Ct));
        var request = await CreateDraftAsync(officer);
        _owned["requests"] = new("requests", request, "officer", "officer-b",
            async db => await db.Set<Senningen.Node.Features.Requests.Data.CooperationRequest>().Where(r => r.Id == request)
                .Select(r => r.State + "|" + r.Version).SingleAsync(Ct) + "|" + await db.Set<Senningen.Node.Features.Requests.Data.RequestAttachment>()
                .CountAsync(a => a.RequestId == request, Ct));
        var search = await SearchAsync(officer);
        _owned["consultation"] = new("consultation", search, "officer", "officer-b",
            db => db.Set<Senningen.Node.Features.Consultation.Data.ConsultationSearch>().Where(s => s.Id == search).Select(s => s.Purpose).SingleAsync(Ct));
        var alert = await InsertAlertAsync();
        _owned["alerts"] = new("alerts", alert, "controlroom", "controlroom-b",
            db => db.Set<Alert>().Where(a => a.Id == alert).Select(a => a.Status + "|" + a.Version).SingleAsync(Ct));
        var hit = await InsertHitAsync();
        _owned["hits"] = new("hits", hit, "controlroom", "controlroom-b",
            db => db.Set<Hit>().Where(h => h.Id == hit).Select(h => h.AcknowledgedBy + "|" + h.Version).SingleAsync(Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _network.DisposeAsync();
        if (Environment.GetEnvironmentVariable("SENNINGEN_NTK_REPORT") is { Length: > 0 } file)
        {
            Figures.Write(file);
        }
    }

    /// <summary>The capability a route or page with an object id belongs to, by its pattern; null when it is not classified.</summary>
    private static string? CapabilityOf(string pattern)
    {
        var p = "/" + pattern.TrimStart('/');
        return p switch
        {
            _ when p.StartsWith("/api/v1/operations/{", StringComparison.Ordinal) || p.StartsWith("/operations/{", StringComparison.Ordinal) => "operations",
            _ when p.StartsWith("/api/v1/alerts/{", StringComparison.Ordinal) || p.StartsWith("/alerts/{", StringComparison.Ordinal) => "alerts",
            _ when p.StartsWith("/api/v1/requests/{", StringComparison.Ordinal) || p.StartsWith("/requests/{", StringComparison.Ordinal) => "requests",
            _ when p.StartsWith("/api/v1/consultation/searches/{", StringComparison.Ordinal) => "consultation",
            _ when p.StartsWith("/api/v1/anpr/hits/{", StringComparison.Ordinal) => "hits",
            _ => null,
        };
    }

    private static bool IsNotUnitOwned(string pattern)
    {
        var p = "/" + pattern.TrimStart('/');
        return NotUnitOwned.ContainsKey(p) || NotUnitOwned.Keys.Any(k => k.EndsWith('/') && p.StartsWith(k, StringComparison.Ordinal));
    }

    private static bool TakesAnId(string pattern) => pattern.Contains('{', StringComparison.Ordinal)
        && !pattern.Contains("{**", StringComparison.Ordinal) && !pattern.Contains("{*", StringComparison.Ordinal)
        && !pattern.Contains("{documentName", StringComparison.Ordinal) && !pattern.StartsWith('_');

    [Fact]
    public async Task EveryRouteAndPageWithAnObjectId_IsClassified()
    {
        var endpoints = await EndpointInventory.ReadAsync(_node.Services);
        var unclassified = endpoints.Where(e => !e.Anonymous && TakesAnId(e.Pattern) && !IsStaticAsset(e.Pattern))
            .Where(e => CapabilityOf(e.Pattern) is null && !IsNotUnitOwned(e.Pattern))
            .Select(e => e.ToString()).ToList();

        unclassified.ShouldBeEmpty("a route or page takes an object id but need to know does not know whose object it is");
    }

    [Fact]
    public async Task AnotherUnitsObject_OnEveryApiRoute_IsWhatAMissingOneIs_WithOneDenial_AndNothingChanges()
    {
        var endpoints = (await EndpointInventory.ReadAsync(_node.Services))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && CapabilityOf(e.Pattern) is not null).ToList();
        endpoints.Count.ShouldBeGreaterThan(10);
        var failures = new List<string>();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var attempts = 0;
        foreach (var endpoint in endpoints)
        {
            var owned = _owned[CapabilityOf(endpoint.Pattern)!];
            var intruder = await ClientAsync(clients, owned.Intruder);
            var before = await StateAsync(owned);
            var denials = await CountAsync(owned.Intruder, "access.denied");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var missing = await SendAsync(intruder, endpoint, Missing);
            var missingMs = clock.Elapsed.TotalMilliseconds;
            var missingBody = await missing.Content.ReadAsStringAsync(Ct);
            var denialsAfterMissing = await CountAsync(owned.Intruder, "access.denied");
            clock.Restart();
            using var theirs = await SendAsync(intruder, endpoint, owned.Id);
            Figures.Timed(missingMs, clock.Elapsed.TotalMilliseconds);
            var theirsBody = await theirs.Content.ReadAsStringAsync(Ct);
            attempts++;
            Figures.ApiAttempt(endpoint.ToString(), await CountAsync(owned.Intruder, "access.denied") - denialsAfterMissing);

            if (theirs.StatusCode != missing.StatusCode || Shape(theirsBody) != Shape(missingBody))
            {
                failures.Add($"{endpoint} as {owned.Intruder}: {(int)theirs.StatusCode} {Shape(theirsBody)}, a missing id gets {(int)missing.StatusCode} {Shape(missingBody)}");
            }
            else if (endpoint.Method == "GET" && theirs.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{endpoint} as {owned.Intruder}: {(int)theirs.StatusCode}, expected 404");
            }
            else if (theirs.StatusCode == HttpStatusCode.NotFound && await CountAsync(owned.Intruder, "access.denied") != denialsAfterMissing + 1)
            {
                failures.Add($"{endpoint} as {owned.Intruder}: 404 but {await CountAsync(owned.Intruder, "access.denied") - denialsAfterMissing} denials written");
            }

            if (theirsBody.Contains(Marker, StringComparison.Ordinal))
            {
                failures.Add($"{endpoint} as {owned.Intruder}: the answer shows the owner's data");
            }

            if (await StateAsync(owned) != before)
            {
                failures.Add($"{endpoint} as {owned.Intruder}: the object changed");
            }

            _ = denials;
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        attempts.ShouldBe(endpoints.Count);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheOwnersReads_OnEveryApiRoute_WriteExactlyOneAuditEntryEach()
    {
        var endpoints = (await EndpointInventory.ReadAsync(_node.Services))
            .Where(e => e.Method == "GET" && e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && CapabilityOf(e.Pattern) is not null).ToList();
        endpoints.ShouldNotBeEmpty();
        var failures = new List<string>();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var owned = _owned[CapabilityOf(endpoint.Pattern)!];
            var owner = await ClientAsync(clients, owned.Owner);
            var before = await CountAsync(owned.Owner, null);

            using var response = await SendAsync(owner, endpoint, owned.Id);

            var written = await CountAsync(owned.Owner, null) - before;
            if (response.StatusCode == HttpStatusCode.Conflict && endpoint.Pattern.EndsWith("/report", StringComparison.Ordinal) && written == 0)
            {
                // The after-action report exists once the operation ended; the running one has none to read, and nothing is read.
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{endpoint} as {owned.Owner}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }
            else if (written != 1)
            {
                failures.Add($"{endpoint} as {owned.Owner}: {written} audit entries for one read");
            }

            Figures.OwnerRead(endpoint.ToString(), written);
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("api/v1/operations?take=500", "operations")]
    [InlineData("api/v1/alerts", "alerts")]
    [InlineData("api/v1/requests", "requests")]
    [InlineData("api/v1/anpr/hits", "hits")]
    public async Task Lists_ShowTheIntruderNothingOfTheOwners_AndEachReadIsAuditedOnce(string path, string capability)
    {
        var owned = _owned[capability];
        using var intruder = await _node.SignedInAnyAsync(owned.Intruder);
        using var owner = await _node.SignedInAnyAsync(owned.Owner);

        var before = await CountAsync(owned.Intruder, null);
        var theirs = await intruder.GetStringAsync(path, Ct);
        // A list that shows nobody reads no personal data: at most one entry for the intruder, exactly one for the owner.
        (await CountAsync(owned.Intruder, null)).ShouldBeLessThanOrEqualTo(before + 1, $"{path} as {owned.Intruder}");
        var ownerBefore = await CountAsync(owned.Owner, null);
        var mine = await owner.GetStringAsync(path, Ct);
        (await CountAsync(owned.Owner, null)).ShouldBe(ownerBefore + 1, $"{path} as {owned.Owner}");

        theirs.ShouldNotContain(owned.Id.ToString(), Case.Insensitive);
        theirs.ShouldNotContain(Marker);
        mine.ShouldContain(owned.Id.ToString(), Case.Insensitive);
    }

    [Fact]
    public async Task EveryConsolePageWithAnObjectId_AnswersAnotherUnit404_WithOneDenial_AndTheOwnerSeesIt()
    {
        var pages = (await EndpointInventory.ReadAsync(_node.Services))
            .Where(e => e.Method == "GET" && !e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && TakesAnId(e.Pattern) && CapabilityOf(e.Pattern) is not null)
            .ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(5);
        var failures = new List<string>();
        var sessions = new Dictionary<string, ConsoleSession>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var owned = _owned[CapabilityOf(page.Pattern)!];
            var path = PathFor(page, owned.Id);
            var intruder = sessions.TryGetValue(owned.Intruder, out var s) ? s : sessions[owned.Intruder] = await ConsoleSession.SignedInAsync(_node, owned.Intruder, OtherUnitUsers.Password);
            var owner = sessions.TryGetValue(owned.Owner, out var o) ? o : sessions[owned.Owner] = await ConsoleSession.SignedInAsync(_node, owned.Owner);

            var denials = await CountAsync(owned.Intruder, "access.denied");
            Figures.PageAttempt(page.ToString());
            using (var theirs = await intruder.GetAsync(path))
            {
                var html = await theirs.Content.ReadAsStringAsync(Ct);
                if (theirs.StatusCode != HttpStatusCode.NotFound || html.Contains(Marker, StringComparison.Ordinal))
                {
                    failures.Add($"page {path} as {owned.Intruder}: {(int)theirs.StatusCode}{(html.Contains(Marker, StringComparison.Ordinal) ? ", shows the owner's data" : "")}");
                }
                else if (await CountAsync(owned.Intruder, "access.denied") != denials + 1)
                {
                    failures.Add($"page {path} as {owned.Intruder}: not one denial");
                }
            }

            var reads = await CountAsync(owned.Owner, null);
            using var mine = await owner.GetAsync(path);
            // A running operation has no after-action report yet: its report page shows that, and reads nothing.
            var noReportYet = path.EndsWith("/report", StringComparison.Ordinal) && await CountAsync(owned.Owner, null) == reads;
            if (mine.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"page {path} as {owned.Owner}: {(int)mine.StatusCode}");
            }
            else if (!noReportYet && (await CountAsync(owned.Owner, null) - reads) is var pageWritten && (Figures.OwnerRead(page.ToString(), pageWritten) != 1))
            {
                failures.Add($"page {path} as {owned.Owner}: {await CountAsync(owned.Owner, null) - reads} audit entries for one read");
            }
        }

        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        failures.ShouldBeEmpty();
    }

    private async Task<HttpClient> ClientAsync(Dictionary<string, HttpClient> clients, string username) =>
        clients.TryGetValue(username, out var client) ? client : clients[username] = await _node.SignedInAnyAsync(username);

    private static string PathFor(EndpointCase endpoint, Guid id)
    {
        var path = endpoint.Path.Replace("0196a3f2-0000-7000-8000-000000000001", id.ToString(), StringComparison.Ordinal);
        // Untyped id parameters ({id}) get "x" from the inventory; they take the object id here.
        path = string.Join('/', path.Split('/').Select(segment => segment == "x" ? id.ToString() : segment));
        return "/" + path.TrimStart('/');
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointCase endpoint, Guid id)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), PathFor(endpoint, id).TrimStart('/'));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>What a problem answer says apart from its instance and trace: status, type and the fields and rules it names.</summary>
    private static string Shape(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var root = json.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.ToString() : "";
            var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Array
                ? string.Join(',', e.EnumerateArray().Select(x => x.TryGetProperty("field", out var f) ? f.ToString() + ":" + (x.TryGetProperty("rule", out var r) ? r.ToString() : "") : ""))
                : "";
            var detail = root.TryGetProperty("detail", out var d) ? d.ToString() : "";
            return $"{type} [{errors}] {detail}";
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Length > 80 ? body[..80] : body;
        }
    }

    private async Task<string> StateAsync(Owned owned)
    {
        await using var scope = _node.Services.CreateAsyncScope();
        return await owned.State(scope.ServiceProvider.GetRequiredService<SenningenDbContext>());
    }

    private async Task<int> CountAsync(string username, string? action)
    {
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return await db.AuditEntries.CountAsync(e => e.Actor == username && (action == null || e.Action == action), Ct);
    }

    private static bool IsStaticAsset(string pattern) =>
        pattern.StartsWith('_') || pattern.Contains('.', StringComparison.Ordinal) && !pattern.Contains('{', StringComparison.Ordinal);

    private static async Task<Guid> StartOperationAsync(HttpClient officer)
    {
        var response = await officer.PostAsJsonAsync("api/v1/operations", new StartOperationRequest("hot-pursuit",
            [new OperationUnitInput("Alpha 1", "Skoda Octavia combi", 2)], ["1-ABC-123"], $"{Marker} man, 30s",
            "Armed robbery", "BE-VAN", "PV-2026-0001", null, null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OperationView>(Ct))!.Id;
    }

    private static async Task<Guid> CreateDraftAsync(HttpClient officer)
    {
        var fields = Requests.RequestSamples.Fields("information-request");
        fields["subject"] = $"{Marker} vehicle 1-ABC-123";
        return (await Requests.RequestSamples.CreateAsync(officer, Requests.RequestSamples.Create("information-request", "NL", fields: fields, region: "BE-VAN"))).Summary.Id;
    }

    // A joint-post search for a person the Dutch register holds, so that reading it shows records (personal data).
    private async Task<Guid> SearchAsync(HttpClient officer)
    {
        Senningen.Node.Features.Registry.Data.StoredPerson person;
        await using (var scope = _network["NL"].Services.CreateAsyncScope())
        {
            person = await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().Set<Senningen.Node.Features.Registry.Data.StoredPerson>()
                .OrderBy(p => p.Id).Skip(5).FirstAsync(Ct);
        }

        var response = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("joint-post", "persons",
            $"{Marker} identity check", "BE-2026-0077", new PersonCriteriaInput(person.Surname.ToUpperInvariant(), person.GivenNames.Split(' ')[0],
                person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        var id = (await response.Content.ReadFromJsonAsync<ConsultationSearchView>(Ct))!.Id;
        // Waits in the database, not through the API: a look through the API would be a read of its own.
        await Exchange.ExchangeHelpers.EventuallyAsync(async () =>
        {
            await using var scope = _node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SenningenDbContext>()
                .Set<Senningen.Node.Features.Consultation.Data.ConsultationAnswerRow>().AnyAsync(a => a.SearchId == id && a.Items != "[]", Ct);
        }, "the Dutch node answers with the person");
        return id;
    }

    // A Dutch pursuit that entered the Antwerp zone, as the crossing handler would have stored it.
    private async Task<Guid> InsertAlertAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = DateTimeOffset.UtcNow;
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), OperationId = Guid.CreateVersion7(), FromCountry = CountryCode.Parse("NL"), ConversationId = Guid.CreateVersion7(),
            OperationType = "hot-pursuit", Zone = "BE-VAN", HomeZone = "NL-RE08", Units = "Bravo 2", Vehicles = "XX-99-ZZ", Suspect = $"{Marker} woman, 40s",
            Lat = 51.44, Lon = 4.93, CrossedLat = 51.44, CrossedLon = 4.93, CrossedAt = now, ReceivedAt = now, Status = AlertStatus.Open,
        };
        db.Add(alert);
        await db.SaveChangesAsync(Ct);
        return alert.Id;
    }

    // A hit of an Antwerp camera on a listed plate, as the hit recorder would have stored it.
    private async Task<Guid> InsertHitAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = DateTimeOffset.UtcNow;
        var hit = new Hit
        {
            Id = Guid.CreateVersion7(), Plate = $"{Marker}1", CanonicalKey = $"{Marker}1", Country = "BE", Confidence = 0.97, ObservedAt = now, Lat = 51.40, Lon = 4.76,
            CameraId = "cam-ntk", CameraName = "E19 Meer", Zone = "BE-VAN", EntryId = "entry-ntk", EntryPlate = $"{Marker}1",
            Category = HotlistCategory.StolenVehicle, Action = HotlistAction.ReportOnly, Owner = CountryCode.Parse("BE"), Score = 1, ReceivedAt = now,
        };
        db.Add(hit);
        await db.SaveChangesAsync(Ct);
        return hit.Id;
    }
}

/// <summary>What the enumeration covered, for the report of issue 17 §4: routes and pages, attempts, denials, unaudited reads.</summary>
internal sealed class EnumerationFigures
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly object _gate = new();
    private readonly HashSet<string> _routes = [];
    private readonly HashSet<string> _pages = [];
    private readonly Dictionary<string, int> _ownerReads = [];
    private readonly List<double> _missingMs = [];
    private readonly List<double> _deniedMs = [];
    private int _attempts;
    private int _denials;

    public void ApiAttempt(string route, int denials)
    {
        lock (_gate)
        {
            _routes.Add(route);
            _attempts++;
            _denials += denials;
        }
    }

    public void PageAttempt(string page)
    {
        lock (_gate)
        {
            _pages.Add(page);
            _attempts++;
        }
    }

    public int OwnerRead(string what, int written)
    {
        lock (_gate)
        {
            _ownerReads[what] = written;
        }

        return written;
    }

    public void Timed(double missingMs, double deniedMs)
    {
        lock (_gate)
        {
            _missingMs.Add(missingMs);
            _deniedMs.Add(deniedMs);
        }
    }

    public void Write(string file)
    {
        lock (_gate)
        {
            var missing = Median(_missingMs);
            var denied = Median(_deniedMs);
            var figures = new
            {
                routesCovered = _routes.Count,
                pagesCovered = _pages.Count,
                crossUnitAttempts = _attempts,
                apiDenialsWritten = _denials,
                ownerReadsChecked = _ownerReads.Count,
                readsWithoutAuditEntry = _ownerReads.Count(r => r.Value == 0 && !r.Key.EndsWith("/report", StringComparison.Ordinal)),
                deniedMedianMs = Math.Round(denied, 2),
                missingIdMedianMs = Math.Round(missing, 2),
                deniedOverMissing = missing > 0 ? Math.Round(denied / missing, 2) : 0,
            };
            File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(figures, Indented));
        }
    }

    private static double Median(List<double> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}
