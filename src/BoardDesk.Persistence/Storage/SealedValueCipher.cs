using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BoardDesk.Grains;

namespace BoardDesk.Persistence.Storage;

/// <summary>
/// Encrypts the values of a sealed box with AES-GCM under the grain's own key (<see cref="JournalKey.SealedBoxKey"/>),
/// a fresh random nonce each time a value is written, and the plaintext padded to a fixed block: the same value sealed
/// twice, or rewritten, never gives the same bytes, and "For" is as long as "Against". Without the key, which is not in
/// the database, a stored value tells nothing; with it, values are only decrypted to be counted.
/// </summary>
public static class SealedValueCipher
{
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Block = 64;

    /// <summary>The stored form of a value: nonce, tag and ciphertext of the padded value, bound to the grain.</summary>
    public static byte[] Encrypt(byte[] key, JournalId grain, string value)
    {
        var text = Encoding.UTF8.GetBytes(value);
        var padded = new byte[((text.Length + 4) / Block + 1) * Block];
        BinaryPrimitives.WriteInt32BigEndian(padded, text.Length);
        text.CopyTo(padded, 4);
        var stored = new byte[NonceLength + TagLength + padded.Length];
        var nonce = stored.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, padded, stored.AsSpan(NonceLength + TagLength), stored.AsSpan(NonceLength, TagLength), Encoding.UTF8.GetBytes(grain.ToString()));
        CryptographicOperations.ZeroMemory(padded);
        return stored;
    }

    /// <summary>The value a stored form holds; <see cref="CryptographicException"/> when it was not written with this key for this grain.</summary>
    public static string Decrypt(byte[] key, JournalId grain, byte[] stored)
    {
        var padded = new byte[stored.Length - NonceLength - TagLength];
        using var aes = new AesGcm(key, TagLength);
        aes.Decrypt(stored.AsSpan(0, NonceLength), stored.AsSpan(NonceLength + TagLength), stored.AsSpan(NonceLength, TagLength), padded, Encoding.UTF8.GetBytes(grain.ToString()));
        var length = BinaryPrimitives.ReadInt32BigEndian(padded);
        return Encoding.UTF8.GetString(padded, 4, length);
    }
}
