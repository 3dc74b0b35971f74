using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Exchange.Ui;

/// <summary>Statuses as the reader's words. Literal keys, so the texts test sees every one of them.</summary>
internal static class ExchangeLabels
{
    public static string Status(Texts texts, string status) => status switch
    {
        "queued" => texts["exchange.status.queued"],
        "receipted" => texts["exchange.status.receipted"],
        "rejected" => texts["exchange.status.rejected"],
        "expired" => texts["exchange.status.expired"],
        "accepted" => texts["exchange.status.accepted"],
        "handled" => texts["exchange.status.handled"],
        "parked" => texts["exchange.status.parked"],
        "dropped" => texts["exchange.status.dropped"],
        _ => status,
    };

    /// <summary>What a message is, in words; the type code stays in the cell's title for whoever reads envelopes.</summary>
    public static string MessageType(Texts texts, string type) => type switch
    {
        "anpr.hit" => texts["exchange.type.anpr.hit"],
        "consultation.answer" => texts["exchange.type.consultation.answer"],
        "consultation.query" => texts["exchange.type.consultation.query"],
        "exchange.dropped" => texts["exchange.type.exchange.dropped"],
        "exchange.ping" => texts["exchange.type.exchange.ping"],
        "operations.acknowledged" => texts["exchange.type.operations.acknowledged"],
        "operations.crossing" => texts["exchange.type.operations.crossing"],
        "operations.ended" => texts["exchange.type.operations.ended"],
        "operations.escalated" => texts["exchange.type.operations.escalated"],
        "operations.left" => texts["exchange.type.operations.left"],
        "operations.positions" => texts["exchange.type.operations.positions"],
        "request.transition" => texts["exchange.type.request.transition"],
        _ => type,
    };

    public static string Country(Texts texts, string code) => code switch
    {
        "BE" => texts["country.BE"],
        "NL" => texts["country.NL"],
        "LU" => texts["country.LU"],
        _ => code,
    };
}
