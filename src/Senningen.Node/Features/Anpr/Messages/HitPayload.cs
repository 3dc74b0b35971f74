using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Anpr.Messages;

/// <summary>
/// <c>anpr.hit</c> v1, reading node → the entry's owner: a camera of the sender read a plate on the owner's hotlist.
/// Carries the read (plate, time, place, camera) and the reference of the entry, not the sender's other reads.
/// </summary>
public sealed record HitPayload(
    Guid HitId,
    string EntryId,
    string EntryPlate,
    string Category,
    string Action,
    string Plate,
    string? Country,
    double Confidence,
    DateTimeOffset ObservedAt,
    double? Lat,
    double? Lon,
    string CameraId,
    string CameraName,
    string Source,
    double Score,
    IReadOnlyList<string> Confusions) : IValidatedPayload
{
    public const string Type = "anpr.hit";

    public IEnumerable<string> Problems()
    {
        if (HitId == Guid.Empty || string.IsNullOrWhiteSpace(EntryId) || string.IsNullOrWhiteSpace(Plate) || string.IsNullOrWhiteSpace(CameraId))
        {
            yield return "hitId, entryId, plate and cameraId are required";
        }

        if (!AnprNames.Categories.ContainsKey(Category ?? "") || !AnprNames.Actions.ContainsKey(Action ?? ""))
        {
            yield return "category or action is unknown";
        }

        if (!double.IsFinite(Score) || Confidence is not (>= 0 and <= 1) || Confusions is null)
        {
            yield return "score, confidence or confusions are not valid";
        }

        if (Lat is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90) || Lon is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
        {
            yield return "lat/lon out of range";
        }
    }
}
