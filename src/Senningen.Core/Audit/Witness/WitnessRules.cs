namespace Senningen.Core.Audit.Witness;

/// <summary>
/// The rules a witness applies to a partner's signed tree head, by the names that travel in its signed verdict, the
/// audit entry and the DPO's alarm. Any of them refuses the head, and the head held before stays.
/// </summary>
public static class WitnessRules
{
    public const string SizeNegative = "head-size-negative";
    public const string RootNotHex = "head-root-not-hex";
    public const string TimestampMissing = "head-time-missing";
    public const string CountryNotSender = "head-country-not-sender";
    public const string KeyUnknown = "head-key-unknown";
    public const string BadSignature = "head-signature-bad";
    public const string ProofMalformed = "proof-malformed";
    public const string ProofFromUnknownSize = "proof-from-unknown-size";
    public const string SizeShrank = "head-smaller-than-held";
    public const string RootChanged = "head-root-changed";
    public const string TimeBackwards = "head-time-backwards";
    public const string Inconsistent = "head-inconsistent";

    /// <summary>Rules the node that published a head applies to the verdict a witness sends back.</summary>
    public const string StatementBadSignature = "statement-signature-bad";
    public const string StatementNotOurHead = "statement-head-not-ours";

    /// <summary>Found by a node restored from a backup: a partner holds a head of this node larger than its log, or one its log does not reproduce.</summary>
    public const string LogBehindPartner = "log-behind-partner";
    public const string PartnerHeadNotInLog = "partner-head-not-in-log";

    public static IReadOnlyList<string> All { get; } =
        [SizeNegative, RootNotHex, TimestampMissing, CountryNotSender, KeyUnknown, BadSignature, ProofMalformed, ProofFromUnknownSize,
         SizeShrank, RootChanged, TimeBackwards, Inconsistent, StatementBadSignature, StatementNotOurHead, LogBehindPartner, PartnerHeadNotInLog];
}
