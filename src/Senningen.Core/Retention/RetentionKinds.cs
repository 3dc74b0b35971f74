namespace Senningen.Core.Retention;

/// <summary>
/// The kinds of record holding personal data that a node keeps, each with its own retention rule per country.
/// The node maps each kind to its tables; a table with personal data and no kind fails a test.
/// </summary>
public static class RetentionKinds
{
    public const string AnprRead = "anpr-read";
    public const string AnprHit = "anpr-hit";
    public const string ExchangeMessage = "exchange-message";
    public const string DroppedMessage = "dropped-message";
    public const string ConsultationSearch = "consultation-search";
    public const string UnitPosition = "unit-position";
    public const string AlertPosition = "alert-position";
    public const string Operation = "operation";
    public const string Alert = "alert";
    public const string Request = "request";
    public const string IdempotentAnswer = "idempotent-answer";
    public const string AuditLog = "audit-log";

    public static IReadOnlyList<string> All { get; } =
        [AnprRead, AnprHit, ExchangeMessage, DroppedMessage, ConsultationSearch, UnitPosition, AlertPosition, Operation, Alert, Request, IdempotentAnswer, AuditLog];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
