namespace Senningen.Node.Common.Errors;

/// <summary>Text fields of a request as the rules read them, and as an audit entry keeps them.</summary>
public static class RequestText
{
    /// <summary>Trimmed, or null when absent or only white space: "required" then means one thing everywhere.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>At most 100 characters, the width of the audit log's purpose and case reference columns (the request may be invalid).</summary>
    public static string? ForAudit(string? text) => text is { Length: > 100 } ? text[..100] : text;
}
