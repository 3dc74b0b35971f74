using System.Text.Json;

namespace Senningen.Cli.Credentials;

/// <summary>
/// Tokens per node in <c>credentials.json</c>, readable by the owner only (mode 600 on Unix). The file is
/// written whole to a sibling and moved into place, so a crash never leaves half a file.
/// </summary>
internal sealed class CredentialStore(string directory)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string FilePath { get; } = Path.Combine(directory, "credentials.json");

    public StoredToken? Find(NodeAddress node) => Load().Nodes.GetValueOrDefault(node.Value);

    /// <summary>The node of the last successful login, if it is still a valid address.</summary>
    public NodeAddress? LastNode() => NodeAddress.TryParse(Load().LastNode, out var node) ? node : null;

    public void Store(NodeAddress node, StoredToken token)
    {
        var file = Load();
        file.Nodes[node.Value] = token;
        file.LastNode = node.Value;
        Save(file);
    }

    /// <summary>Replaces a node's token after a silent refresh, leaving the last login's node as it was.</summary>
    public void Update(NodeAddress node, StoredToken token)
    {
        var file = Load();
        file.Nodes[node.Value] = token;
        Save(file);
    }

    public bool Remove(NodeAddress node)
    {
        var file = Load();
        if (!file.Nodes.Remove(node.Value))
        {
            return false;
        }

        Save(file);
        return true;
    }

    // The file is a cache of tokens: when it is unreadable, the user is simply not logged in anywhere
    // and the next login rewrites it.
    private CredentialFile Load()
    {
        if (!File.Exists(FilePath))
        {
            return new CredentialFile();
        }

        try
        {
            using var stream = File.OpenRead(FilePath);
            return JsonSerializer.Deserialize<CredentialFile>(stream, Json) ?? new CredentialFile();
        }
        catch (JsonException)
        {
            return new CredentialFile();
        }
    }

    private void Save(CredentialFile file)
    {
        // The mode is given at creation rather than set afterwards, so the token is never readable by others.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            options.UnixCreateMode = OwnerOnlyFile;
        }

        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, file, Json);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private sealed class CredentialFile
    {
        public string? LastNode { get; set; }

        public Dictionary<string, StoredToken> Nodes { get; set; } = [];
    }
}
