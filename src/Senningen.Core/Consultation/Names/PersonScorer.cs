namespace Senningen.Core.Consultation.Names;

/// <summary>
/// Scores a candidate against a query: the sum of the Fellegi–Sunter weights of each field's agreement level, in
/// bits (above 0 the evidence favours the same person). Pure and deterministic; the explanation is built only for
/// the candidates returned, so scoring the others allocates nothing.
/// </summary>
internal sealed class PersonScorer(MatchWeights weights)
{
    public const int FieldCount = 9;

    private static readonly PersonField[] Fields =
    [
        PersonField.Surname, PersonField.GivenNames, PersonField.BirthDate, PersonField.Sex, PersonField.Postcode,
        PersonField.Municipality, PersonField.Street, PersonField.HouseNumber, PersonField.OtherId,
    ];

    public MatchWeights Weights { get; } = weights;

    public double Score(PreparedPerson query, PreparedPerson candidate)
    {
        Span<Agreement> levels = stackalloc Agreement[FieldCount];
        Compare(query, candidate, levels);
        var score = 0.0;
        for (var f = 0; f < FieldCount; f++)
        {
            score += Weights.Of(Fields[f], levels[f]);
        }

        return score;
    }

    /// <summary>Every field with its level and weight, in field order, missing ones included (an officer sees what was not compared).</summary>
    public FieldMatch[] Explain(PreparedPerson query, PreparedPerson candidate)
    {
        Span<Agreement> levels = stackalloc Agreement[FieldCount];
        Compare(query, candidate, levels);
        var explanation = new FieldMatch[FieldCount];
        for (var f = 0; f < FieldCount; f++)
        {
            explanation[f] = new FieldMatch(Fields[f], levels[f], Math.Round(Weights.Of(Fields[f], levels[f]), 2));
        }

        return explanation;
    }

    private static void Compare(PreparedPerson q, PreparedPerson c, Span<Agreement> levels)
    {
        levels[0] = FieldComparison.Surname(q.Surname, c.Surname);
        levels[1] = FieldComparison.GivenNames(q.Given, c.Given);
        if (levels[0] == Agreement.Disagree && levels[1] == Agreement.Disagree
            && FieldComparison.Crossed(q.Surname, c.Given) && FieldComparison.Crossed(c.Surname, q.Given))
        {
            (levels[0], levels[1]) = (Agreement.Swapped, Agreement.Swapped);
        }

        levels[2] = FieldComparison.BirthDate(q.BirthDate, c.BirthDate);
        levels[3] = FieldComparison.Sex(q.Sex, c.Sex);
        levels[4] = FieldComparison.Code(q.Postcode, c.Postcode);
        levels[5] = FieldComparison.Place(q.Municipality, c.Municipality);
        levels[6] = FieldComparison.Place(q.Street, c.Street);
        levels[7] = FieldComparison.Code(q.HouseNumber, c.HouseNumber);
        levels[8] = FieldComparison.Code(q.OtherId, c.OtherId);
    }
}
