using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Senningen.Core.Treaty;

/// <summary>
/// Remembers where the last good YAML event ended. Some malformed input makes YamlDotNet's scanner throw
/// <see cref="InvalidOperationException"/> without a position; this lets us still name a line.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = new(0, 1, 1);

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGood = current.End;
        }

        return inner.MoveNext();
    }
}
