namespace Senningen.Core.Consultation.Names;

/// <summary>
/// Given names taken apart once: the folded names in order ("Jean-Pierre Marie" → jean, pierre, marie), the compact
/// spelling, the first name's sound key and the initials. A one-letter name ("J." or "J") is an initial.
/// </summary>
internal sealed class GivenNamesForm
{
    public static readonly GivenNamesForm Empty = new([]);

    private GivenNamesForm(string[] names)
    {
        Names = names;
        Compact = string.Concat(names);
        First = names.Length > 0 ? names[0] : "";
        FirstSound = PhoneticKey.Of(First);
        Initial = First.Length > 0 ? First[0] : '\0';
    }

    public string[] Names { get; }

    public string Compact { get; }

    public string First { get; }

    public string FirstSound { get; }

    public char Initial { get; }

    public bool IsEmpty => Names.Length == 0;

    public static GivenNamesForm Parse(string? text)
    {
        var folded = NameText.Fold(text ?? "");
        return folded.Length == 0 ? Empty : new GivenNamesForm(folded.Split([' ', '-', '\'', ','], StringSplitOptions.RemoveEmptyEntries));
    }
}
