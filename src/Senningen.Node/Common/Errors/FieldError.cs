namespace Senningen.Node.Common.Errors;

/// <summary>One broken rule on one field of a request: what the problem+json <c>errors</c> array holds.</summary>
public sealed record FieldError(string Field, string Rule, string Message);

/// <summary>The stable rule names a client can act on.</summary>
public static class Rules
{
    public const string Required = "required";
    public const string MaxLength = "max-length";
    public const string MinLength = "min-length";
    public const string OneOf = "one-of";
    public const string CountryCode = "country-code";
    public const string Format = "format";
    public const string Range = "range";
    public const string JsonSyntax = "json-syntax";
    public const string JsonType = "json-type";
    public const string Unique = "unique";
    public const string PasswordPolicy = "password-policy";
}
