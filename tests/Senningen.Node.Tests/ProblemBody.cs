namespace Senningen.Node.Tests;

/// <summary>An RFC 9457 answer as a client reads it.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string? Detail, IReadOnlyList<ProblemField>? Errors);

public sealed record ProblemField(string Field, string Rule, string Message);
