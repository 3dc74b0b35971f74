namespace Senningen.Node.Tests.Api;

/// <summary>
/// What an integrator writes against the client NSwag generated from the served document, compiled together with it:
/// it knows only the generated types, so it compiles only if the document names operations and types as it should. It
/// returns what it saw, one fact a line, for the test to check.
/// </summary>
internal static class GeneratedClientDriver
{
    public const string Namespace = "Senningen.Generated";
    public const string ClientName = "SenningenClient";

    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading.Tasks;

        namespace Senningen.Generated;

        public static class Driver
        {
            public static async Task<string[]> RunAsync(Uri node, Uri partner)
            {
                var facts = new List<string>();
                using var http = new HttpClient { BaseAddress = node };
                var client = new SenningenClient(http);
                using var officerHttp = new HttpClient { BaseAddress = node };
                using var deskHttp = new HttpClient { BaseAddress = partner };

                try
                {
                    await client.PostAuthTokenAsync(new TokenRequest { Username = "", Password = "demo" });
                    facts.Add("empty user name: token issued");
                }
                catch (ApiException<Problem> refused)
                {
                    var error = refused.Result.Errors.First();
                    facts.Add($"problem {refused.StatusCode} {refused.Result.Type} {error.Field} {error.Rule}");
                }

                var token = await client.PostAuthTokenAsync(new TokenRequest { Username = "admin", Password = "demo" });
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
                facts.Add($"signed in {(await client.GetMeAsync()).Username}");

                var decision = await client.GetTreatyDecideAsync("hot-pursuit", null, "NL", "2026-01-15", null);
                facts.Add($"treaty {decision.MissionType} in {decision.Host}: allowed {decision.Allowed}");

                var camera = await client.PostAnprCamerasAsync("generated-camera-0001", new RegisterCameraRequest
                {
                    Id = "T-GENERATED-1", Owner = "Federale Politie", Name = "Generated client lane", Lat = 51.479, Lon = 4.750,
                    Direction = "N", SourceType = "police",
                });
                var observed = DateTimeOffset.UtcNow.AddSeconds(-5);
                var batch = await client.PostAnprReadsAsync("generated-reads-0001", new[]
                {
                    new PlateReadInput { CameraId = camera.Id, Plate = "1-GEN-123", Confidence = 0.9, ObservedAt = observed, Lat = 51.48, Lon = 4.75 },
                    new PlateReadInput { CameraId = camera.Id, Plate = "1-GEN-124", Confidence = 0.9, ObservedAt = observed, Lat = 91, Lon = 4.75 },
                });
                var rejected = batch.Rejected.Single();
                facts.Add($"reads accepted {batch.Accepted}, rejected #{rejected.Index} {rejected.Field} {rejected.Rule}");

                try
                {
                    await client.DeleteAnprHotlistByIdAsync(Guid.NewGuid());
                    facts.Add("unknown hotlist entry: deleted");
                }
                catch (ApiException<Problem> missing)
                {
                    facts.Add($"problem {missing.StatusCode} {missing.Result.Type}");
                }

                var officer = await SignInAsync(officerHttp, "officer");
                var draft = await officer.PostRequestsAsync("generated-draft-0001", new CreateRequestInput
                {
                    Type = "information-request", Partner = "NL", CaseReference = "CASE-GENERATED-1",
                    Fields = new Dictionary<string, object>
                    {
                        ["subject"] = "Vehicle 1-GEN-123", ["question"] = "Registered keeper", ["purpose"] = "Investigation of burglaries",
                    },
                });
                var submitted = await officer.PostRequestsByIdTransitionsAsync(draft.Summary.Id, new TransitionInput { Action = "submit" });
                facts.Add($"request {draft.Summary.State} then {submitted.Summary.State}");
                try
                {
                    await officer.PostRequestsByIdTransitionsAsync(draft.Summary.Id, new TransitionInput { Action = "submit" });
                    facts.Add("submitted twice");
                }
                catch (ApiException<Problem> conflict)
                {
                    var error = conflict.Result.Errors.Single();
                    facts.Add($"problem {conflict.StatusCode} {error.Field} {error.Rule}");
                }

                var desk = await SignInAsync(deskHttp, "liaison");
                var received = await ReceivedAsync(desk, draft.Summary.Id);
                var accepted = await desk.PostRequestsByIdTransitionsAsync(received.Summary.Id, new TransitionInput { Action = "accept" });
                facts.Add($"partner {received.Summary.Side} {received.Summary.State} then {accepted.Summary.State}");
                return facts.ToArray();
            }

            private static async Task<SenningenClient> SignInAsync(HttpClient http, string user)
            {
                var client = new SenningenClient(http);
                var token = await client.PostAuthTokenAsync(new TokenRequest { Username = user, Password = "demo" });
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
                return client;
            }

            // The request travels over the exchange: until it arrives, the partner answers 404 like for any unknown id.
            private static async Task<RequestView> ReceivedAsync(SenningenClient desk, Guid id)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var view = await desk.GetRequestsByIdAsync(id, null);
                        if (view.Summary.State == "received" || attempt == 200)
                        {
                            return view;
                        }
                    }
                    catch (ApiException<Problem> notYet) when (notYet.StatusCode == 404 && attempt < 200)
                    {
                    }

                    await Task.Delay(100);
                }
            }
        }
        """;
}
