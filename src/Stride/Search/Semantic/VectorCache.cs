using System.Security.Cryptography;
using System.Text;

namespace Stride.Search.Semantic;

/// <summary>
/// Entry vectors kept on disk, one file per model and text set (the file name is a hash of the model id and every
/// embedded text), so a second start over the same knowledge base does not embed again. A changed text or another
/// model gives another file. Unreadable or mismatched files are ignored (and replaced on the next save).
/// </summary>
public sealed class VectorCache
{
    private const string Extension = ".f32";
    private const int Magic = 0x31565453; // "STV1"

    /// <summary>Keeps vectors in <paramref name="folder"/> (created when first saved).</summary>
    public VectorCache(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = folder;
    }

    /// <summary>The folder the vectors are kept in.</summary>
    public string Folder { get; }

    /// <summary>
    /// The user's cache folder for Stride's vectors: <c>$XDG_CACHE_HOME/stride/vectors</c>, else
    /// <c>~/.cache/stride/vectors</c> (the local application-data folder on Windows).
    /// </summary>
    public static string DefaultFolder()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(root, "stride", "vectors");
    }

    /// <summary>The key of <paramref name="texts"/> embedded by <paramref name="modelId"/>.</summary>
    public static string Key(string modelId, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(texts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(modelId));
        foreach (var text in texts)
        {
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The vectors saved under <paramref name="key"/>, or null when there are none (or they do not fit).</summary>
    public float[]? TryLoad(string key, int count, int dimensions)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != count || reader.ReadInt32() != dimensions)
            {
                return null;
            }

            var bytes = reader.ReadBytes(count * dimensions * sizeof(float));
            if (bytes.Length != count * dimensions * sizeof(float))
            {
                return null;
            }

            var matrix = new float[count * dimensions];
            Buffer.BlockCopy(bytes, 0, matrix, 0, bytes.Length);
            return matrix;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Saves <paramref name="matrix"/> (row after row) under <paramref name="key"/>; false when the folder cannot be written.</summary>
    public bool Save(string key, float[] matrix, int count, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        try
        {
            Directory.CreateDirectory(Folder);

            // Written aside, then moved: a reader never sees half a file.
            var path = PathOf(key);
            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(Magic);
                writer.Write(count);
                writer.Write(dimensions);
                var bytes = new byte[matrix.Length * sizeof(float)];
                Buffer.BlockCopy(matrix, 0, bytes, 0, bytes.Length);
                writer.Write(bytes);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string key) => Path.Combine(Folder, key + Extension);
}
