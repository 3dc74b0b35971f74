namespace Senningen.Core.Consultation.Names;

/// <summary>
/// Fellegi–Sunter weights: for each field and agreement level, log2(m / u), where m is how often the level occurs
/// when both sides are the same person and u how often it occurs between two different people. A missing value
/// weighs 0 (no evidence). The defaults are set, not fitted: m from the error rates registers and officers make
/// (most fields agree exactly, a few per cent carry a typo, a swapped day and month or a stale address) and u from
/// how values spread over a Benelux population (about 1 in 1,000 share a surname by chance, 1 in 200 a first name,
/// 1 in 30,000 a date of birth, 1 in 1,000 a postcode). Levels exclude each other, so u is the chance of the level
/// itself: an agreeing initial needs an initial on one side (a few per cent of queries) and the same letter (1 in 15),
/// about 1 in 500 in all; every agreeing level weighs more than 0 and less than an exact agreement. Fitting them by EM on one country's register would tune them
/// to that register; these are meant to hold for all three and are checked on FEBRL in the name-match bench.
/// </summary>
public sealed class MatchWeights
{
    private readonly double[] _bits;

    private MatchWeights(double[] bits) => _bits = bits;

    public static MatchWeights Default { get; } = Build(
        (PersonField.Surname, [(Agreement.Exact, 0.88, 1e-3), (Agreement.Stem, 0.03, 5e-4), (Agreement.Compound, 0.02, 1e-3),
            (Agreement.Phonetic, 0.03, 2e-3), (Agreement.Typo, 0.02, 3e-3), (Agreement.Swapped, 0.01, 1e-4), (Agreement.Disagree, 0.02, 0.986)]),
        (PersonField.GivenNames, [(Agreement.Exact, 0.85, 5e-3), (Agreement.Compound, 0.03, 2e-3), (Agreement.Phonetic, 0.03, 3e-3),
            (Agreement.Typo, 0.04, 6e-3), (Agreement.Initial, 0.03, 2e-3), (Agreement.Swapped, 0.01, 2e-3), (Agreement.Disagree, 0.02, 0.90)]),
        (PersonField.BirthDate, [(Agreement.Exact, 0.90, 3.4e-5), (Agreement.DayMonthSwapped, 0.01, 3.4e-5), (Agreement.OneDigit, 0.04, 1e-3),
            (Agreement.YearOnly, 0.03, 1.25e-2), (Agreement.Disagree, 0.02, 0.986)]),
        (PersonField.Sex, [(Agreement.Exact, 0.98, 0.5), (Agreement.Disagree, 0.02, 0.5)]),
        (PersonField.Postcode, [(Agreement.Exact, 0.88, 1e-3), (Agreement.Typo, 0.04, 1e-2), (Agreement.Disagree, 0.08, 0.989)]),
        (PersonField.Municipality, [(Agreement.Exact, 0.88, 5e-3), (Agreement.Typo, 0.04, 5e-3), (Agreement.Disagree, 0.08, 0.99)]),
        (PersonField.Street, [(Agreement.Exact, 0.85, 5e-4), (Agreement.Typo, 0.05, 1e-3), (Agreement.Disagree, 0.10, 0.998)]),
        (PersonField.HouseNumber, [(Agreement.Exact, 0.85, 2e-2), (Agreement.Typo, 0.05, 5e-2), (Agreement.Disagree, 0.10, 0.93)]),
        (PersonField.OtherId, [(Agreement.Exact, 0.95, 1e-7), (Agreement.Typo, 0.03, 1e-5), (Agreement.Disagree, 0.02, 0.99999)]));

    /// <summary>The weight in bits of <paramref name="agreement"/> on <paramref name="field"/>; 0 for a level the field does not have.</summary>
    public double Of(PersonField field, Agreement agreement) => _bits[Slot(field, agreement)];

    /// <summary>Weights from (m, u) pairs per field and level; levels not given weigh 0.</summary>
    public static MatchWeights Build(params (PersonField Field, (Agreement Level, double M, double U)[] Levels)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var bits = new double[Slot(PersonField.OtherId, Agreement.Disagree) + 1];
        foreach (var (field, levels) in fields)
        {
            foreach (var (level, m, u) in levels)
            {
                if (m is not (> 0 and <= 1) || u is not (> 0 and <= 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(fields), $"{field} {level}: m and u are probabilities in (0, 1].");
                }

                bits[Slot(field, level)] = Math.Log2(m / u);
            }
        }

        return new MatchWeights(bits);
    }

    private static int Slot(PersonField field, Agreement agreement) => ((int)field * 16) + (int)agreement;
}
