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
        "failed" => texts["exchange.status.failed"],
        _ => status,
    };

    public static string Country(Texts texts, string code) => code switch
    {
        "BE" => texts["country.BE"],
        "NL" => texts["country.NL"],
        "LU" => texts["country.LU"],
        _ => code,
    };
}
