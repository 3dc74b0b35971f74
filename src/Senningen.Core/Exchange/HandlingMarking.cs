namespace Senningen.Core.Exchange;

/// <summary>
/// The handling and evaluation codes the owner put on a piece of information. Built only through <see cref="Parse"/>,
/// so a marking in hand is valid: an H3 marking states its restrictions, and only an H3 marking carries any.
/// </summary>
public readonly record struct HandlingMarking
{
    public const int MaxConditions = 500;

    private HandlingMarking(HandlingCode code, SourceReliability reliability, InformationAccuracy accuracy, string? conditions) =>
        (Code, Reliability, Accuracy, Conditions) = (code, reliability, accuracy, conditions);

    public HandlingCode Code { get; }

    public SourceReliability Reliability { get; }

    public InformationAccuracy Accuracy { get; }

    /// <summary>The owner's restrictions in its own words; H3 only.</summary>
    public string? Conditions { get; }

    /// <summary>The marking as it travels and is stored: <c>H2/B/2</c>.</summary>
    public string Text => $"{Code}/{Reliability}/{HandlingNames.Of(Accuracy)}";

    public static HandlingMarking From(HandlingCode code, SourceReliability reliability, InformationAccuracy accuracy, string? conditions = null) =>
        Parse(code.ToString(), reliability.ToString(), HandlingNames.Of(accuracy), conditions) is { Marking: { } marking }
            ? marking
            : throw new ArgumentException($"H3 and only H3 states conditions (at most {MaxConditions} characters).", nameof(conditions));

    /// <summary>Reads the four parts as a person or a partner wrote them; a refusal names the part and the rule.</summary>
    public static HandlingParse Parse(string? code, string? reliability, string? accuracy, string? conditions)
    {
        if (!TryName(code, out HandlingCode handling))
        {
            return HandlingParse.Refused(HandlingFields.Code, HandlingRulesNames.Code);
        }

        if (!TryName(reliability, out SourceReliability source))
        {
            return HandlingParse.Refused(HandlingFields.Reliability, HandlingRulesNames.Reliability);
        }

        if (accuracy is not { Length: 1 } || accuracy[0] is < '1' or > '4')
        {
            return HandlingParse.Refused(HandlingFields.Accuracy, HandlingRulesNames.Accuracy);
        }

        var stated = string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim();
        if ((handling == HandlingCode.H3) != (stated is not null) || stated is { Length: > MaxConditions })
        {
            return HandlingParse.Refused(HandlingFields.Conditions, HandlingRulesNames.Conditions);
        }

        return new HandlingParse(new HandlingMarking(handling, source, (InformationAccuracy)(accuracy[0] - '0'), stated), null, null);
    }

    /// <summary>The inverse of <see cref="Text"/>, for stored markings (conditions are stored apart).</summary>
    public static HandlingMarking? FromText(string? text, string? conditions)
    {
        var parts = text?.Split('/');
        return parts is { Length: 3 } ? Parse(parts[0], parts[1], parts[2], conditions).Marking : null;
    }

    // Exact upper-case names only: "h2" or "2" on the wire is a different code, not a spelling of H2.
    private static bool TryName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 } && !char.IsDigit(text[0]) && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)
            && Enum.TryParse(text, out value);
    }
}

/// <summary>A marking, or the part that was wrong and the rule it broke.</summary>
public readonly record struct HandlingParse(HandlingMarking? Marking, string? Field, string? Rule)
{
    public static HandlingParse Refused(string field, string rule) => new(null, field, rule);
}

/// <summary>The parts of a marking, named as API bodies name them.</summary>
public static class HandlingFields
{
    public const string Code = "handling.code";
    public const string Reliability = "handling.reliability";
    public const string Accuracy = "handling.accuracy";
    public const string Conditions = "handling.conditions";
}

/// <summary>The rules a marking can break, in a problem body and in a rejection receipt.</summary>
public static class HandlingRulesNames
{
    public const string Code = "handling-code";
    public const string Reliability = "source-reliability";
    public const string Accuracy = "information-accuracy";
    public const string Conditions = "h3-conditions";

    /// <summary>A message type that carries information arrived without a marking.</summary>
    public const string Missing = "handling-code-missing";

    public const string Priority = "priority";
}
