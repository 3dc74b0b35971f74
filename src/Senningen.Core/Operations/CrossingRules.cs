namespace Senningen.Core.Operations;

/// <summary>
/// The hysteresis of <see cref="CrossingDetector"/>. A change of country is confirmed after <see cref="MinFixesInside"/>
/// consecutive usable fixes in the new country, at least one of them clear of the border: at least
/// <see cref="MinDistanceMetres"/> from it and further from it than its own reported accuracy. A change of control-room
/// zone inside a country is confirmed the same way, the zone boundary being probed at that distance around the fix
/// (the locator gives no distance to a zone boundary).
/// </summary>
/// <remarks>
/// The defaults are tuned on the shipped Baarle track at 30 km/h and one fix a second: three fixes span some 25 m,
/// and 30 m from the border is more than the 10 m simplification of the shipped borders plus ordinary GPS noise
/// (5–15 m), yet less than the half-width of the enclaves a street really crosses, so those still confirm while a car
/// grazing an enclave corner or following the border with noise does not.
/// </remarks>
/// <param name="MinFixesInside">Consecutive usable fixes needed in the new area; at least 1.</param>
/// <param name="MinDistanceMetres">How far inside the new country one of those fixes must be.</param>
/// <param name="MaxAccuracyMetres">Fixes with a worse (larger) reported accuracy neither confirm nor cancel anything.</param>
/// <param name="MaxGap">A longer silence between two fixes of a pending candidate restarts the candidate at the later fix.</param>
public sealed record CrossingRules(int MinFixesInside, double MinDistanceMetres, double MaxAccuracyMetres, TimeSpan MaxGap)
{
    public static CrossingRules Default { get; } = new(3, 30, 50, TimeSpan.FromSeconds(60));

    /// <summary>The first broken rule, or null when the rules are usable (for options validated at start).</summary>
    public string? Problem() => this switch
    {
        { MinFixesInside: < 1 } => $"{nameof(MinFixesInside)} must be at least 1.",
        { MinDistanceMetres: < 0 } or { MinDistanceMetres: double.NaN } => $"{nameof(MinDistanceMetres)} must be 0 or more.",
        { MaxAccuracyMetres: <= 0 } or { MaxAccuracyMetres: double.NaN } => $"{nameof(MaxAccuracyMetres)} must be more than 0.",
        _ when MaxGap <= TimeSpan.Zero => $"{nameof(MaxGap)} must be positive.",
        _ => null,
    };
}
