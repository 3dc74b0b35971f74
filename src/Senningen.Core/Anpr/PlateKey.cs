using System.Runtime.CompilerServices;

namespace Senningen.Core.Anpr;

/// <summary>
/// A plate's canonical key: the normalised text with the OCR-confusable characters folded together (0/O/D/Q, 1/I,
/// 2/Z, 5/S, 8/B, 6/G, as commercial matchers do) and packed six bits a character into a <see cref="ulong"/>, first
/// character highest. Codes start at 1, so plates of different lengths never share a key and <c>default</c> (0) is
/// no plate. Two plates share a key exactly when they have the same length and differ only within those classes.
/// </summary>
public readonly record struct PlateKey
{
    /// <summary>Characters of a normalised plate: ten of [A-Z0-9] fit in 60 bits.</summary>
    public const int MaxLength = 10;

    private const byte Invalid = 0;
    private const byte Separator = 0xFF;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // Indexed by a Latin-1 character: its code (1-36), Separator, or Invalid. Exact keeps the character,
    // Canonical folds the confusable classes onto their digit.
    private static readonly byte[] Exact = BuildTable(fold: false);
    private static readonly byte[] Canonical = BuildTable(fold: true);

    internal PlateKey(ulong value) => Value = value;

    /// <summary>The packed key; 0 only for <c>default</c>.</summary>
    public ulong Value { get; }

    public bool IsValid => Value != 0;

    /// <summary>
    /// The key of a plate as read or listed, normalising on the way (case, spaces, dashes, dots, German umlauts);
    /// false for empty text, more than <see cref="MaxLength"/> characters or a character no plate has. Allocates nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCompute(ReadOnlySpan<char> text, out PlateKey key)
    {
        var table = Canonical;
        ulong packed = 0;
        var length = 0;
        foreach (var c in text)
        {
            var code = c < 256 ? table[c] : Invalid;
            if (code == Separator)
            {
                continue;
            }

            if (code == Invalid || length == MaxLength)
            {
                key = default;
                return false;
            }

            packed = (packed << 6) | code;
            length++;
        }

        key = new PlateKey(packed);
        return length > 0;
    }

    /// <summary>Writes the normalised plate (upper-case [A-Z0-9], separators dropped) into <paramref name="into"/>; its length, or -1 as for <see cref="TryCompute"/>.</summary>
    public static int Normalise(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        foreach (var c in text)
        {
            var code = c < 256 ? Exact[c] : Invalid;
            if (code == Separator)
            {
                continue;
            }

            if (code == Invalid || length == MaxLength || length == into.Length)
            {
                return -1;
            }

            into[length++] = Alphabet[code - 1];
        }

        return length == 0 ? -1 : length;
    }

    /// <summary>The character a confusable one folds onto ('O' gives '0'); any other character is itself.</summary>
    public static char Fold(char c) => c switch
    {
        'O' or 'D' or 'Q' => '0',
        'I' => '1',
        'Z' => '2',
        'S' => '5',
        'B' => '8',
        'G' => '6',
        _ => c,
    };

    /// <summary>The canonical text, e.g. "8X6012" for "BX-G01Z"; empty for <c>default</c>.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[MaxLength];
        var length = 0;
        for (var shift = 54; shift >= 0; shift -= 6)
        {
            var code = (int)((Value >> shift) & 0x3F);
            if (code != 0)
            {
                text[length++] = Alphabet[code - 1];
            }
        }

        return new string(text[..length]);
    }

    private static byte[] BuildTable(bool fold)
    {
        var table = new byte[256];
        for (var i = 0; i < Alphabet.Length; i++)
        {
            var c = Alphabet[i];
            var code = (byte)(Alphabet.IndexOf(fold ? Fold(c) : c, StringComparison.Ordinal) + 1);
            table[c] = code;
            if (char.IsAsciiLetterUpper(c))
            {
                table[char.ToLowerInvariant(c)] = code;
            }
        }

        // German district codes carry umlauts (LÖ, MÜ, TÜ); OCR and lists alike write them plain.
        foreach (var (umlaut, plain) in new[] { ('Ä', 'A'), ('Ö', 'O'), ('Ü', 'U'), ('ä', 'A'), ('ö', 'O'), ('ü', 'U') })
        {
            table[umlaut] = table[plain];
        }

        foreach (var separator in " -.·_\t")
        {
            table[separator] = Separator;
        }

        return table;
    }
}
