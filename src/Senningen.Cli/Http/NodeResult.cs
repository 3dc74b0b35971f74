using System.Diagnostics.CodeAnalysis;

namespace Senningen.Cli.Http;

/// <summary>What the node answered: a value, or the problem it reported instead.</summary>
internal sealed class NodeResult<T>
{
    private NodeResult(T? value, NodeProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public NodeProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static NodeResult<T> Success(T value) => new(value, null);

    public static NodeResult<T> Failure(NodeProblem problem) => new(default, problem);
}
