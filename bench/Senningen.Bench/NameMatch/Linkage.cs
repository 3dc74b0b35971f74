namespace Senningen.Bench.NameMatch;

/// <summary>One duplicate's answer from a matcher: its best candidate (null when none or refused), that candidate's score, whether it is the true original.</summary>
internal readonly record struct TopOne(string? Candidate, double Score, bool Correct);

/// <summary>
/// Link quality as FEBRL studies report it, over the best candidate per duplicate: a link is made when that
/// candidate's score reaches the threshold; precision = true links made ÷ links made, recall = true links made ÷
/// true links (5,000), F1 their harmonic mean, at the threshold that gives the best F1. Top-1 accuracy counts the
/// duplicates whose best candidate is the original, whatever its score.
/// </summary>
internal sealed record Linkage(int Queries, int TrueLinks, double Threshold, double Precision, double Recall, double F1, double TopOneAccuracy, int NoCandidate)
{
    public static Linkage Of(IReadOnlyList<TopOne> answers, int trueLinks)
    {
        var ranked = answers.Where(a => a.Candidate is not null).OrderByDescending(a => a.Score).ToList();
        var (best, threshold, precision, recall) = (0.0, double.NaN, 0.0, 0.0);
        var (made, correct) = (0, 0);
        for (var i = 0; i < ranked.Count; i++)
        {
            made++;
            correct += ranked[i].Correct ? 1 : 0;
            // Only a score boundary is a threshold: equal scores are linked together or not at all.
            if (i + 1 < ranked.Count && ranked[i + 1].Score == ranked[i].Score)
            {
                continue;
            }

            var (p, r) = ((double)correct / made, (double)correct / trueLinks);
            var f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f1 > best)
            {
                (best, threshold, precision, recall) = (f1, ranked[i].Score, p, r);
            }
        }

        return new Linkage(answers.Count, trueLinks, Math.Round(threshold, 3), Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(best, 4),
            Math.Round((double)answers.Count(a => a.Correct) / trueLinks, 4), answers.Count(a => a.Candidate is null));
    }
}
