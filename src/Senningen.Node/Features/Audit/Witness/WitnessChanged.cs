namespace Senningen.Node.Features.Audit.Witness;

/// <summary>A head was witnessed or refused, a verdict arrived, or an alarm was acknowledged: the DPO's views redraw.</summary>
public sealed record WitnessChanged;
