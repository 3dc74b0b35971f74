using Microsoft.EntityFrameworkCore;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Cameras;

/// <summary>
/// Demo mode only: cameras at real Belgian–Dutch border crossings (positions approximate), on the Belgian node one
/// parking operator's camera under a partnership agreement whose reference is a placeholder, not a real agreement, and
/// a few fictitious hotlist entries (own, the partner's on the shared list, Luxembourg's) so that reads can hit.
/// </summary>
internal static class DemoCameras
{
    public const string PlaceholderAgreement = "DEMO-PLACEHOLDER (no real partnership agreement)";

    // Named as the operator who installed them would: in the language of the region the camera stands in.
    private static readonly Camera[] Belgian =
    [
        Police("BE-E19-MEER", "E19 Meer, richting Breda (Meer–Hazeldonk)", 51.4790, 4.7500, "N"),
        Police("BE-E34-POSTEL", "E34 Postel–Lommel, richting Eindhoven", 51.2990, 5.2380, "E"),
        Police("BE-E313-LUMMEN", "E313 Lummen, richting Hasselt en A2/E314", 51.0150, 5.2050, "E"),
        Police("BE-E25-VISE", "E25 Visé–Lanaye, direction Maastricht", 50.7680, 5.6920, "N"),
        Police("BE-N2-LANAKEN", "N2 Lanaken, richting Maastricht", 50.8880, 5.6600, "E"),
        new()
        {
            Id = "BE-PARTNER-CHARLEROI-P1", Owner = "Parking operator (demo)", Name = "Parking Charleroi-Sud, voie d'entrée", Lat = 50.4045,
            Lon = 4.4385, Direction = "in", Source = CameraSource.Partner, AgreementReference = PlaceholderAgreement, Country = CountryCode.Belgium,
        },
    ];

    private static readonly Camera[] Dutch =
    [
        Police("NL-A16-HAZELDONK", "A16 Hazeldonk, richting Antwerpen (Meer–Hazeldonk)", 51.4960, 4.7570, "S"),
        Police("NL-A2-EIJSDEN", "A2 Maastricht-Eijsden, richting Luik/Liège", 50.7900, 5.7000, "S"),
        Police("NL-A67-HOOGELOON", "A67 Hoogeloon, richting Antwerpen (E34)", 51.3950, 5.2600, "W"),
    ];

    public static async Task SeedDemoCamerasAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<NodeSettings>();
        if (!settings.DemoMode)
        {
            return;
        }

        var cameras = settings.Country.Value switch { "BE" => Belgian, "NL" => Dutch, _ => [] };
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var known = await db.AnprCameras.Select(c => c.Id).ToListAsync(ct);
        var owner = settings.Country.Value == "BE" ? "Federale Politie / Police Fédérale" : "Politie";
        foreach (var camera in cameras.Where(c => !known.Contains(c.Id)))
        {
            db.AnprCameras.Add(new Camera
            {
                Id = camera.Id, Owner = camera.Source == CameraSource.Partner ? camera.Owner : owner, Name = camera.Name, Lat = camera.Lat,
                Lon = camera.Lon, Direction = camera.Direction, Source = camera.Source, AgreementReference = camera.AgreementReference,
                Country = settings.Country,
            });
        }

        if (!await db.AnprHotlist.AnyAsync(ct))
        {
            db.AnprHotlist.AddRange(DemoEntries(settings.Country.Value));
        }

        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<ListedPlate> DemoEntries(string country)
    {
        var lines = country switch
        {
            "BE" => new[]
            {
                ("1-XYZ-987", HotlistCategory.StolenVehicle, CountryCode.Belgium, (string?)null),
                ("XR-528-D", HotlistCategory.BeNlSharedReference, CountryCode.Netherlands, "Demo: fictitious courier vehicle, individual assessment placeholder"),
                ("AB 1234", HotlistCategory.SisInquiryCheck, CountryCode.Luxembourg, null),
            },
            "NL" => [("GZ-124-K", HotlistCategory.StolenVehicle, CountryCode.Netherlands, null),
                ("1-DEF-456", HotlistCategory.BeNlSharedReference, CountryCode.Belgium, "Demo: fictitious vehicle, individual assessment placeholder")],
            _ => [],
        };
        foreach (var (text, category, owner, assessment) in lines)
        {
            var plate = Plate.Parse(text);
            yield return new ListedPlate
            {
                Id = Guid.CreateVersion7(), ListedAs = text, PlateText = plate.Text, CanonicalKey = plate.Key.ToString(), Format = plate.Format.Id,
                Category = category, Action = AnprNames.DefaultAction(category), ValidFrom = DateTimeOffset.UnixEpoch, Owner = owner, Assessment = assessment,
                UpdatedBy = "(demo)",
            };
        }
    }

    private static Camera Police(string id, string name, double lat, double lon, string direction) =>
        new() { Id = id, Name = name, Lat = lat, Lon = lon, Direction = direction, Source = CameraSource.Police };
}
