namespace Senningen.Core.Requests;

/// <summary>Where a cooperation request stands; both nodes hold the same state for the same request.</summary>
public enum RequestState
{
    Draft,
    Submitted,
    Received,
    MoreInformation,
    Accepted,
    Refused,
    InExecution,
    Done,
    Archived,
    Withdrawn,
}

/// <summary>What a person (or the node) does to a request; most actions move it to another state.</summary>
public enum RequestAction
{
    Submit,
    Receive,
    Acknowledge,
    AskInformation,
    SupplyInformation,
    Accept,
    Refuse,
    StartExecution,
    Complete,
    Archive,
    Withdraw,
    DeclareDelay,
    Remind,
    Escalate,
    PassOn,
}

/// <summary>Which end of the request a node is: the one that asks, or the one asked.</summary>
public enum RequestSide
{
    Requesting,
    Requested,
}

/// <summary>Stable kebab-case names of states, actions and sides as they travel on the API and the exchange.</summary>
public static class RequestNames
{
    public static string Of(RequestState state) => Kebab(state.ToString());

    public static string Of(RequestAction action) => Kebab(action.ToString());

    public static string Of(RequestSide side) => Kebab(side.ToString());

    public static string Of(Urgency urgency) => Kebab(urgency.ToString());

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Kebab(candidate.ToString()), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A name this system stored itself; an unknown one is a bug, not input.</summary>
    public static T Parse<T>(string name) where T : struct, Enum =>
        TryParse<T>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name}.");

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Kebab(v.ToString()))];

    private static string Kebab(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                chars.Append('-');
            }

            chars.Append(char.ToLowerInvariant(pascal[i]));
        }

        return chars.ToString();
    }
}
