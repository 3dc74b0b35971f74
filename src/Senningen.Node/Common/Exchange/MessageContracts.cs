using System.Text.Json;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>A message type this node understands: its name, schema version and payload contract.</summary>
public sealed record MessageContract(string Type, int Version, Type PayloadType);

/// <summary>A payload that can say what is wrong with it beyond its JSON shape.</summary>
public interface IValidatedPayload
{
    IEnumerable<string> Problems();
}

/// <summary>
/// Handles one received message type. It adds its effects to <paramref name="db"/> without saving: the processor
/// saves them together with "handled", so a message has its effect exactly once.
/// </summary>
public interface IMessageHandler
{
    string Type { get; }

    int Version { get; }

    Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken);
}

/// <summary>Every registered contract, looked up on receipt (unknown type or version gets a signed rejection).</summary>
public sealed class MessageContracts(IEnumerable<MessageContract> contracts)
{
    private readonly Dictionary<(string, int), MessageContract> _byKey = contracts.ToDictionary(c => (c.Type, c.Version));

    public IReadOnlyCollection<MessageContract> All => _byKey.Values;

    /// <returns>The payload, or a rejection reason from <see cref="Core.Exchange.RejectionReasons"/>.</returns>
    public (object? Payload, string? Rejection) Read(string type, int version, string payload)
    {
        if (!_byKey.TryGetValue((type, version), out var contract))
        {
            return (null, _byKey.Keys.Any(k => k.Item1 == type)
                ? Core.Exchange.RejectionReasons.UnsupportedVersion
                : Core.Exchange.RejectionReasons.UnknownType);
        }

        try
        {
            var value = JsonSerializer.Deserialize(payload, contract.PayloadType, WireMapping.Json);
            if (value is null || (value is IValidatedPayload validated && validated.Problems().Any()))
            {
                return (null, Core.Exchange.RejectionReasons.InvalidPayload);
            }

            return (value, null);
        }
        catch (JsonException)
        {
            return (null, Core.Exchange.RejectionReasons.InvalidPayload);
        }
    }
}
