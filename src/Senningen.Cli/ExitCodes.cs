namespace Senningen.Cli;

/// <summary>The process exit codes of <c>senn</c>; scripts depend on them, so they never change meaning.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The node answered with a problem, or a local file could not be written.</summary>
    public const int Failure = 1;

    public const int Usage = 2;
    public const int AuditChainBroken = 3;
    public const int NotLoggedIn = 4;
    public const int NodeUnreachable = 5;
    public const int Cancelled = 130;
}
