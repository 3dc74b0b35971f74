namespace Senningen.Core.Treaty;

/// <summary>What officers of the acting country may and may not do on the host's territory.</summary>
public sealed record VisitingPowers(
    LocalizedText Weapons,
    LocalizedText Apprehension,
    LocalizedText UseOfForce,
    LocalizedText MayNot);
