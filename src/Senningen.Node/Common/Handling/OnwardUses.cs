using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Common.Handling;

/// <summary>
/// One onward use of received information: its marking (null for information that arrived unmarked, before markings
/// travelled), the use, the consent the caller can show, and the audit entry that records the disclosure if it goes ahead.
/// </summary>
public sealed record OnwardRequest(HandlingMarking? Marking, OnwardUse Use, OnwardConsent Consent, AuditRecord Disclosure);

/// <summary>
/// The gate every onward disclosure of received information passes (passing an answer on, exporting, forwarding to
/// another partner): it asks the handling table. A refusal is written at once as one audited denial naming the rule,
/// since the caller saves nothing after it; an allowed use adds the disclosure to the caller's unit of work.
/// </summary>
public sealed class OnwardUses(AuditLog audit, CurrentOfficer officer)
{
    public async Task<OnwardDecision> DecideAsync(OnwardRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = request.Marking is { } marking ? HandlingRules.Decide(marking, request.Use, request.Consent) : new OnwardDecision(true, null);
        if (decision.IsAllowed)
        {
            audit.Add(request.Disclosure, officer.Actor);
            return decision;
        }

        await audit.WriteAsync(request.Disclosure with
        {
            Outcome = AuditOutcomes.Denied,
            Detail = $"{HandlingNames.Of(request.Use)} of {request.Marking!.Value.Text} refused by {decision.Rule}",
        }, officer.Actor, ct);
        return decision;
    }
}

/// <summary>A stored marking as a person reads it, in the reader's language.</summary>
public static class HandlingDisplay
{
    public static Contracts.Exchange.HandlingView? View(string? text, string? conditions, Localization.Texts texts, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (HandlingMarking.FromText(text, conditions) is not { } m)
        {
            return null;
        }

        var accuracy = HandlingNames.Of(m.Accuracy);
        return new Contracts.Exchange.HandlingView(m.Code.ToString(), m.Reliability.ToString(), accuracy, m.Conditions,
            texts.Get(language, $"handling.code.{m.Code}"), texts.Get(language, $"handling.reliability.{m.Reliability}"),
            texts.Get(language, $"handling.accuracy.{accuracy}"));
    }
}
