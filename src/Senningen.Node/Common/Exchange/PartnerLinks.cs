using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>One partner as the dispatcher sees it: trust, circuit breaker and the last outcomes.</summary>
public sealed class PartnerLink(TrustedPartner partner, ResiliencePipeline<HttpResponseMessage> pipeline, CircuitBreakerStateProvider circuit)
{
    private readonly Lock _gate = new();

    public TrustedPartner Partner { get; } = partner;

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; } = pipeline;

    public CircuitState Circuit => circuit.CircuitState;

    public DateTimeOffset? LastSuccess { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>True when deliveries failed since the last success, so a backlog may be waiting on backoff.</summary>
    public bool HasBacklogOnHold { get; private set; }

    public void Succeeded(DateTimeOffset at)
    {
        lock (_gate)
        {
            LastSuccess = at;
        }
    }

    /// <summary>Whether the backlog should be released now (once per recovery).</summary>
    public bool TakeBacklogRelease()
    {
        lock (_gate)
        {
            var held = HasBacklogOnHold;
            HasBacklogOnHold = false;
            return held;
        }
    }

    public void Failed(DateTimeOffset at, string error)
    {
        lock (_gate)
        {
            LastErrorAt = at;
            LastError = error;
            HasBacklogOnHold = true;
        }
    }
}

/// <summary>The trust list and a circuit per partner: a partner that is down is left alone for a while.</summary>
public sealed class PartnerLinks
{
    private readonly Dictionary<CountryCode, PartnerLink> _links = [];

    public PartnerLinks(NodeSettings settings, TimeProvider clock)
    {
        var partners = new List<TrustedPartner>();
        foreach (var partner in settings.Partners)
        {
            var key = NodeKeyStore.ReadPublicKey(partner.PublicKeyPem);
            var trusted = new TrustedPartner(partner.Country, partner.BaseUrl, key, Es256.Fingerprint(key));
            partners.Add(trusted);
            var state = new CircuitBreakerStateProvider();
            var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 4,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(15),
                    StateProvider = state,
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                        .Handle<HttpRequestException>()
                        .Handle<TimeoutRejectedException>()
                        .HandleResult(r => r.StatusCode >= HttpStatusCode.InternalServerError || r.StatusCode == HttpStatusCode.TooManyRequests),
                })
                .AddTimeout(settings.Exchange.DeliveryTimeout)
                .Build();
            _links[partner.Country] = new PartnerLink(trusted, pipeline, state);
        }

        Trust = new TrustList(partners);
    }

    public TrustList Trust { get; }

    public IReadOnlyCollection<PartnerLink> All => _links.Values;

    public PartnerLink? Find(CountryCode country) => _links.GetValueOrDefault(country);
}
