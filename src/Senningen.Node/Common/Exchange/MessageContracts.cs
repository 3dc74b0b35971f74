using System.Text.Json;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// A message type this node understands: its name, schema version, payload contract, and how its handler is called
/// (typed once, at registration, so the processor never casts).
/// </summary>
public sealed record MessageContract(string Type, int Version, Type PayloadType,
    Func<IServiceProvider, InboxMessage, object, SenningenDbContext, CancellationToken, Task> Handle)
{
    /// <summary>The handler's check on receipt (<see cref="IMessageAdmission{TPayload}"/>), when it has one.</summary>
    public Func<IServiceProvider, Core.Countries.CountryCode, object, SenningenDbContext, CancellationToken, ValueTask<string?>>? Admit { get; init; }
}

/// <summary>A payload that can say what is wrong with it beyond its JSON shape.</summary>
public interface IValidatedPayload
{
    IEnumerable<string> Problems();
}

/// <summary>
/// Handles one received message type, whose name and version are given once, at registration
/// (<see cref="MessageRegistration.AddMessageType{TPayload, THandler}"/>). It adds its effects to <paramref name="db"/>
/// without saving: the processor saves them together with "handled", so a message has its effect exactly once.
/// </summary>
public interface IMessageHandler<in TPayload>
    where TPayload : class
{
    Task HandleAsync(InboxMessage message, TPayload payload, SenningenDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that refuses on receipt a message its (authenticated) sender may not send, so the sender gets a signed
/// rejection naming the rule and nothing is stored. It reads what is committed; the handler checks again when it runs,
/// since a message received in the same moment may not have been handled yet.
/// </summary>
public interface IMessageAdmission<in TPayload>
    where TPayload : class
{
    /// <returns>Null to accept, else one of <see cref="Core.Exchange.RejectionReasons"/>.</returns>
    ValueTask<string?> RefusalAsync(Core.Countries.CountryCode sender, TPayload payload, SenningenDbContext db, CancellationToken cancellationToken);
}

/// <summary>Every registered contract, looked up on receipt (unknown type or version gets a signed rejection).</summary>
public sealed class MessageContracts(IEnumerable<MessageContract> contracts, PayloadProtection protection)
{
    private readonly Dictionary<(string, int), MessageContract> _byKey = contracts.ToDictionary(c => (c.Type, c.Version));

    public IReadOnlyCollection<MessageContract> All => _byKey.Values;

    public MessageContract? Find(string type, int version) => _byKey.GetValueOrDefault((type, version));

    /// <summary>
    /// The contract of a stored message, with its payload opened (ADR 0029: decrypted only now, on handling) and read; null
    /// when the node no longer understands it or cannot open it.
    /// </summary>
    public (MessageContract Contract, object Payload)? ReadStored(InboxMessage message) =>
        _byKey.TryGetValue((message.Type, message.Version), out var contract) && protection.OpenStored(message.Id, message.Payload) is { } plaintext
        && Read(message.Type, message.Version, plaintext).Payload is { } payload
            ? (contract, payload)
            : null;

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
