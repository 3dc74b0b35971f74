using Senningen.Core.Retention;
using Senningen.Node.Common.Retention;

namespace Senningen.Node.Features.Retention.Purging;

/// <summary>The retention table describes what the code does; this keeps the two from drifting apart.</summary>
internal static class RetentionTargetCheck
{
    public static List<string> Problems(RetentionSettings settings, IEnumerable<IRetentionTarget> targets)
    {
        var problems = new List<string>();
        var byKind = targets.GroupBy(t => t.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var kind in RetentionKinds.All)
        {
            if (!byKind.TryGetValue(kind, out var found) || found.Count != 1)
            {
                problems.Add($"retention: kind '{kind}' has {found?.Count ?? 0} targets in the node, expected one.");
                continue;
            }

            var (target, rule) = (found[0], settings.RuleFor(kind));
            if (target.CountedFrom != rule.CountedFrom || target.Action != rule.Action || !target.Fields.SequenceEqual(rule.Fields, StringComparer.Ordinal))
            {
                problems.Add($"retention table: {rule.Country.Value} {kind} says {rule.CountedFrom}/{rule.Action}/[{string.Join(", ", rule.Fields)}], "
                    + $"the node does {target.CountedFrom}/{target.Action}/[{string.Join(", ", target.Fields)}].");
            }
        }

        problems.AddRange(byKind.Keys.Where(k => !RetentionKinds.IsKnown(k)).Select(k => $"retention: the node has a target for unknown kind '{k}'."));
        return problems;
    }
}
