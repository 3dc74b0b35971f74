using Senningen.Contracts.Exchange;

namespace Senningen.Node.Features.Exchange.Public;

/// <summary>The links to the partners and the exchange's open alerts, as the console's dashboard summarises them.</summary>
internal interface IExchangeStatus
{
    Task<ExchangeStatusView> StatusAsync(CancellationToken ct);
}
