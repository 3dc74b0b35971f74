namespace Senningen.Core.Treaty;

/// <summary>One catalogue data file as read by the caller; the parser itself does no I/O.</summary>
public sealed record TreatySource(string FileName, string Text);

/// <summary>A problem found in a data file, with the 1-based position a reviewer can jump to.</summary>
public sealed record TreatyProblem(string FileName, int Line, int Column, string Message)
{
    public override string ToString() => $"{FileName}({Line},{Column}): {Message}";
}
