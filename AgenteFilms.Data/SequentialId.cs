using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AgenteFilms.Data;

/// <summary>
/// Version-7 UUIDs that strictly increase within this process, also within one millisecond. Guid.CreateVersion7 fills
/// the sub-millisecond bits at random, so two rows written in the same millisecond could sort out of insertion order;
/// history paging orders by (CreatedAt, Id) and must show messages in the order they were written.
/// </summary>
public static class SequentialId
{
    private static readonly Lock s_gate = new();
    private static long s_lastMs;
    private static long s_counter;

    public static Guid Next(TimeProvider time)
    {
        var ms = time.GetUtcNow().ToUnixTimeMilliseconds();
        long counter;
        lock (s_gate)
        {
            if (ms <= s_lastMs)
            {
                // Same (or an earlier, e.g. a fake clock's) millisecond: stay on the last one and count up.
                ms = s_lastMs;
                counter = ++s_counter;
            }
            else
            {
                s_lastMs = ms;
                // A random start in the lower half leaves room to count up without overflowing into the next value.
                counter = s_counter = RandomNumberGenerator.GetInt32(int.MaxValue);
            }
        }
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16);                    // 48-bit timestamp in bytes 0-5
        bytes[6] = (byte)(0x70 | ((counter >> 56) & 0x0F));                        // version 7
        bytes[7] = (byte)(counter >> 48);
        bytes[8] = (byte)(0x80 | ((counter >> 42) & 0x3F));                        // RFC 4122 variant
        var low = ((counter & ((1L << 42) - 1)) << 14) | (long)(uint)RandomNumberGenerator.GetInt32(1 << 14);
        for (var i = 0; i < 7; i++)
        {
            bytes[15 - i] = (byte)(low >> (8 * i));
        }
        return new Guid(bytes, bigEndian: true);
    }
}
