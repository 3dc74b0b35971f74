namespace Senningen.Node.Features.Identity.Passwords;

/// <summary>
/// The words a guesser tries first (data/passwords, built by make-list.py from SCOWL and this project's own bases),
/// read once and held in memory: NIST SP 800-63B asks that a new password be checked against such a list locally.
/// </summary>
internal sealed class CommonPasswords
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "data", "passwords", "common-passwords.txt");

    private readonly HashSet<string> _words;

    public CommonPasswords(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The list of common passwords is missing at {path}; it ships with the node (data/passwords).", path);
        }

        _words = new HashSet<string>(File.ReadLines(path).Where(l => l.Length > 0), StringComparer.Ordinal);
    }

    public int Count => _words.Count;

    /// <param name="lowered">Already lower-cased (the list is).</param>
    public bool Contains(string lowered) => _words.Contains(lowered);
}
