using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Anpr;

namespace Senningen.Node.Tests.Anpr;

/// <summary>The camera registry: validated registration by an administrator, and the demo's border cameras.</summary>
public sealed class CameraRegistryTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync();

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoNode_HasBorderCameras_AndOnePartnerCameraUnderAPlaceholderAgreement()
    {
        using var controlRoom = await _node.SignedInAsync("controlroom");

        var cameras = (await controlRoom.GetFromJsonAsync<List<CameraView>>("api/v1/anpr/cameras", Ct))!;

        cameras.ShouldContain(c => c.Id == "BE-E19-MEER" && c.SourceType == "police");
        var partner = cameras.Where(c => c.SourceType == "partner").ShouldHaveSingleItem();
        partner.AgreementReference!.ShouldContain("PLACEHOLDER");
    }

    [Fact]
    public async Task Register_BadRequest_NamesEveryBrokenField_AndADuplicateIdIsRefused()
    {
        using var admin = await _node.SignedInAsync("admin");

        var bad = await admin.PostAsJsonAsync("api/v1/anpr/cameras",
            new RegisterCameraRequest("bad id!", "", "Lane", 95, 4.7, null, "partner", null, "FR"), Ct);
        var duplicate = await admin.PostAsJsonAsync("api/v1/anpr/cameras",
            new RegisterCameraRequest("BE-E19-MEER", "Federale Politie", "Lane", 51.4, 4.7, null, "police", null, null), Ct);

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await bad.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        problem.Errors!.Select(e => (e.Field, e.Rule)).ShouldBe(
            [("id", "format"), ("owner", "required"), ("lat", "range"), ("agreementReference", "required"), ("country", "country-code")]);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldHaveSingleItem().Rule.ShouldBe("unique");
    }
}
