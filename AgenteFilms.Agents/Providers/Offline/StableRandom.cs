using System.Text;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// A small deterministic generator (SplitMix64) seeded from a stable string hash (FNV-1a), so the offline model gives
/// the same answer for the same brief on every machine and every .NET version (unlike <c>string.GetHashCode</c>).
/// </summary>
internal sealed class StableRandom(ulong seed)
{
    private ulong _state = seed;

    public static StableRandom For(params string?[] parts) => new(Hash(string.Join('\u001f', parts.Select(p => p ?? ""))));

    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextULong() % (ulong)maxExclusive);

    public int Between(int min, int max) => min + Next(max - min + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary><paramref name="count"/> distinct items in a seeded order.</summary>
    public List<T> Take<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var result = new List<T>();
        while (pool.Count > 0 && result.Count < count)
        {
            var i = Next(pool.Count);
            result.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return result;
    }
}
