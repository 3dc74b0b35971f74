using Senningen.Core.Treaty;
using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Consultation.Messages;

/// <summary>One record an answer discloses, cut to the answer's level.</summary>
public sealed record AnswerItem(string Reference, double? Score, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Explanation);

/// <summary>
/// <c>consultation.answer</c> v1, answering node → the asking node, in the query's conversation: the level the
/// answering node decided, the rule it applied, whether it found anything, and the items that level allows.
/// </summary>
public sealed record AnswerPayload(
    Guid SearchId,
    string Level,
    string? Rule,
    string? Refusal,
    bool Hit,
    bool TooBroad,
    IReadOnlyList<AnswerItem> Items) : IValidatedPayload
{
    /// <summary>
    /// Set when the answering node found the person criteria too wide for the level allowed: how many it found, and
    /// which identifiers (surname, givenNames, birthDate) would let it show them. Absent from older partners' answers.
    /// </summary>
    public int? Count { get; init; }

    public IReadOnlyList<string>? ToAdd { get; init; }

    public const string Type = "consultation.answer";

    public IEnumerable<string> Problems()
    {
        if (SearchId == Guid.Empty || !Disclosure.LevelNames.ContainsKey(Level ?? "") || Items is null)
        {
            yield return "searchId, a known level and items are required";
        }
        else if (Level is "refused" or "hit-no-hit" && Items.Count > 0)
        {
            // A partner's mistake must not put personal data on the asking side that its own level does not allow.
            yield return "a refused or hit/no-hit answer carries no items";
        }
        else if (Count is < 0 || (Count is not null && Level != "hit-no-hit"))
        {
            yield return "a count comes only with a hit/no-hit answer and is not negative";
        }
    }
}
