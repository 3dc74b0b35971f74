using Senningen.Contracts.Exchange;

namespace Senningen.Node.Features.Exchange.Parking;

internal enum ParkingResult
{
    Done,
    NotFound,

    /// <summary>Only a parked message can be retried or dropped; <see cref="ParkingOutcome.Status"/> says what it is.</summary>
    NotParked,

    ReasonMissing,
    ReasonTooLong,
}

/// <summary>What retrying or dropping a message came to: the message as it is now, or why nothing was done.</summary>
internal sealed record ParkingOutcome(ParkingResult Result, ExchangeMessageView? Message = null, string? Status = null)
{
    public const int MaxReason = 500;

    /// <summary>Thrown inside a save when another operator acted on the message first: the save is rolled back.</summary>
    internal sealed class NoLongerParkedException : Exception;
}
