using System.Security.Cryptography;
using System.Text;

namespace Stride.Search.Semantic;

/// <summary>
/// Entry vectors kept on disk, one file per model and text set (the file name is a hash of the model id and every
/// embedded text), so a second start over the same knowledge base does not embed again. Each file also records the
/// model id and a hash of each row's text, so that after a change only the changed texts are embedded again
/// (<see cref="Reuse"/>). Unreadable or mismatched files are ignored (and replaced on the next save).
/// </summary>
/// <remarks>
/// Only files this class wrote (the <c>.f32</c> extension and Stride's magic number) are ever deleted: the folder keeps
/// the <see cref="KeptFiles"/> newest, so a knowledge base edited many times does not fill the disk.
/// </remarks>
public sealed class VectorCache
{
    /// <summary>How many vector files a cache folder keeps (the newest).</summary>
    public const int KeptFiles = 8;

    private const string Extension = ".f32";
    private const int Magic = 0x32565453; // "STV2"
    private const int FirstMagic = 0x31565453; // "STV1": files of the first format, without row hashes; only pruned
    private const int RowHashBytes = 16;

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

    /// <summary>The hash recorded for one row's text (the first 16 bytes of its SHA-256, as hex).</summary>
    public static string RowHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, RowHashBytes));
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
            if (ReadHeader(reader) is not { } header || header.Count != count || header.Dimensions != dimensions)
            {
                return null;
            }

            reader.BaseStream.Seek((long)count * RowHashBytes, SeekOrigin.Current);
            var bytes = reader.ReadBytes(count * dimensions * sizeof(float));
            if (bytes.Length != count * dimensions * sizeof(float))
            {
                return null;
            }

            var matrix = new float[count * dimensions];
            Buffer.BlockCopy(bytes, 0, matrix, 0, bytes.Length);
            return matrix;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>
    /// Copies into <paramref name="matrix"/> every row still missing (<paramref name="found"/> false) whose text hash
    /// (<paramref name="rowHashes"/>) some file of this folder holds for <paramref name="modelId"/>, newest files first,
    /// and marks it found. Returns how many rows it filled. A changed knowledge base thus re-embeds only what changed.
    /// </summary>
    public int Reuse(string modelId, IReadOnlyList<string> rowHashes, int dimensions, float[] matrix, bool[] found)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(rowHashes);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(found);
        var wanted = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < rowHashes.Count; row++)
        {
            if (!found[row])
            {
                if (!wanted.TryGetValue(rowHashes[row], out var rows))
                {
                    wanted[rowHashes[row]] = rows = [];
                }

                rows.Add(row);
            }
        }

        var filled = 0;
        foreach (var file in FilesNewestFirst())
        {
            if (wanted.Count == 0)
            {
                break;
            }

            filled += ReuseFrom(file, modelId, dimensions, wanted, matrix, found);
        }

        return filled;
    }

    /// <summary>
    /// Saves <paramref name="matrix"/> (row after row, with each row's text hash) under <paramref name="key"/>, then
    /// keeps only the <see cref="KeptFiles"/> newest files; false when the folder cannot be written.
    /// </summary>
    public bool Save(string key, string modelId, IReadOnlyList<string> rowHashes, float[] matrix, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(rowHashes);
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
                writer.Write(rowHashes.Count);
                writer.Write(dimensions);
                writer.Write(modelId);
                foreach (var rowHash in rowHashes)
                {
                    writer.Write(Convert.FromHexString(rowHash));
                }

                var bytes = new byte[matrix.Length * sizeof(float)];
                Buffer.BlockCopy(matrix, 0, bytes, 0, bytes.Length);
                writer.Write(bytes);
            }

            File.Move(temporary, path, overwrite: true);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            Prune();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Header? ReadHeader(BinaryReader reader)
    {
        if (reader.BaseStream.Length < 12 || reader.ReadInt32() != Magic)
        {
            return null;
        }

        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var modelId = reader.ReadString();
        return count < 0 || dimensions <= 0 ? null : new Header(count, dimensions, modelId);
    }

    private static int ReuseFrom(FileInfo file, string modelId, int dimensions, Dictionary<string, List<int>> wanted, float[] matrix, bool[] found)
    {
        try
        {
            using var stream = file.OpenRead();
            using var reader = new BinaryReader(stream);
            if (ReadHeader(reader) is not { } header || header.ModelId != modelId || header.Dimensions != dimensions)
            {
                return 0;
            }

            var hashes = reader.ReadBytes(header.Count * RowHashBytes);
            var matrixStart = stream.Position;
            if (hashes.Length != header.Count * RowHashBytes || stream.Length < matrixStart + ((long)header.Count * dimensions * sizeof(float)))
            {
                return 0;
            }

            var filled = 0;
            var rowBytes = new byte[dimensions * sizeof(float)];
            for (var i = 0; i < header.Count && wanted.Count > 0; i++)
            {
                var hash = Convert.ToHexStringLower(hashes.AsSpan(i * RowHashBytes, RowHashBytes));
                if (!wanted.Remove(hash, out var rows))
                {
                    continue;
                }

                stream.Position = matrixStart + ((long)i * rowBytes.Length);
                stream.ReadExactly(rowBytes);
                foreach (var row in rows)
                {
                    Buffer.BlockCopy(rowBytes, 0, matrix, row * rowBytes.Length, rowBytes.Length);
                    found[row] = true;
                    filled++;
                }
            }

            return filled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return 0;
        }
    }

    // Files that only look like ours (the extension); readers check the header, and Prune checks the magic first.
    private List<FileInfo> FilesNewestFirst() =>
        Directory.Exists(Folder)
            ? [.. new DirectoryInfo(Folder).EnumerateFiles("*" + Extension).OrderByDescending(f => f.LastWriteTimeUtc)]
            : [];

    private static bool IsOurs(FileInfo file)
    {
        try
        {
            using var reader = new BinaryReader(file.OpenRead());
            return reader.BaseStream.Length >= 4 && reader.ReadInt32() is Magic or FirstMagic;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Prune()
    {
        foreach (var old in FilesNewestFirst().Where(IsOurs).Skip(KeptFiles))
        {
            try
            {
                old.Delete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process may be reading it; the next save tries again.
            }
        }
    }

    private string PathOf(string key) => Path.Combine(Folder, key + Extension);

    private sealed record Header(int Count, int Dimensions, string ModelId);
}
