using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// The store's secret: 256 random bits kept in a file outside the database (by default beside the data-protection key
/// ring, <c>keys/journal.key</c> in the data folder). It signs the checkpoint of every journal's head, so that a copy of
/// the database alone can neither cut a journal short, nor remove one, nor rewrite a chain without verification noticing;
/// and it derives each grain's sealed-box key, so that a copy of the database alone cannot read a sealed value.
/// </summary>
public sealed class JournalKey
{
    private const int KeyLength = 32;
    private readonly byte[] _key;

    private JournalKey(byte[] key) => _key = key;

    /// <summary>Reads the key file, creating it (readable by its owner only) when <paramref name="create"/> and it is missing; null when it is missing.</summary>
    public static JournalKey? Load(string path, bool create)
    {
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == KeyLength
                ? new JournalKey(bytes)
                : throw new InvalidDataException($"The journal key {path} is not {KeyLength} bytes long.");
        }

        if (!create)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(KeyLength);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, fileOptions))
        {
            file.Write(key);
            file.Flush(flushToDisk: true);
        }

        return new JournalKey(key);
    }

    /// <summary>The signature of a journal's head: its grain, last sequence and last hash.</summary>
    public byte[] SignHead(string grain, long sequence, byte[] hash)
    {
        var text = Encoding.UTF8.GetBytes(grain);
        var data = new byte[5 + text.Length + 8 + hash.Length];
        "head"u8.CopyTo(data);
        text.CopyTo(data, 5);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(5 + text.Length), sequence);
        hash.CopyTo(data, 5 + text.Length + 8);
        return HMACSHA256.HashData(_key, data);
    }

    /// <summary>The signature of the store's checkpoint: how many journals it holds and the combination of their head signatures.</summary>
    public byte[] SignCheckpoint(long journals, byte[] combined)
    {
        var data = new byte[11 + 8 + combined.Length];
        "checkpoint"u8.CopyTo(data);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(11), journals);
        combined.CopyTo(data, 19);
        return HMACSHA256.HashData(_key, data);
    }

    /// <summary>The key of one grain's sealed box, derived from the store's secret and the grain id: never stored.</summary>
    public byte[] SealedBoxKey(JournalId grain) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"sealed-box\n{grain}"));
}
