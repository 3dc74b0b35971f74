namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>
/// SplitMix64: tiny, fast, and the same sequence for the same seed on every platform and runtime, which
/// <see cref="System.Random"/> does not promise across .NET versions.
/// </summary>
internal struct SyntheticRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>0 ≤ value &lt; <paramref name="bound"/>.</summary>
    public int Next(int bound) => (int)((NextUInt64() >> 33) % (ulong)bound);

    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>Favours the first items less steeply than <see cref="Skewed"/>: the first of n is drawn with probability n^(-2/3).</summary>
    public T Common<T>(T[] items) => items[(int)(Math.Pow(NextDouble(), 1.5) * items.Length)];

    /// <summary>Favours the first items, as registers have a few very common names and a long tail.</summary>
    public T Skewed<T>(T[] items)
    {
        var u = NextDouble();
        return items[(int)(u * u * items.Length)];
    }
}
