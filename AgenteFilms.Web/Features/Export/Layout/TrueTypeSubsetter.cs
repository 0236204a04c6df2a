using System.Buffers.Binary;
using System.Text;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>
/// Glyph-preserving TrueType subsetting: keeps every glyph ID (so advances and the character map are unchanged)
/// but empties the outlines of glyphs a document does not use and drops layout tables the PDF never reads.
/// The SkiaSharp build we ship embeds whole font files (~400 KB each for Liberation); a subset makes decks several
/// times smaller and faster to write. Fonts that are not plain 'glyf' TrueType (e.g. CFF .otf) are left alone.
/// </summary>
internal static class TrueTypeSubsetter
{
    private static readonly HashSet<string> KeptTables = ["cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post", "prep"];

    private const ushort ArgsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    private readonly record struct Table(string Tag, int Offset, int Length);

    /// <summary>The subset font, or null when the font cannot be subset this way (then embed it whole).</summary>
    public static byte[]? Subset(byte[] font, IEnumerable<ushort> usedGlyphs)
    {
        try
        {
            return SubsetCore(font, usedGlyphs);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or ArgumentException)
        {
            return null; // malformed or unusual font: embedding it whole is always correct
        }
    }

    private static byte[]? SubsetCore(byte[] font, IEnumerable<ushort> usedGlyphs)
    {
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version is not 0x00010000 and not 0x74727565) // TrueType outlines only ('true')
        {
            return null;
        }

        var tables = ReadDirectory(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp))
        {
            return null;
        }

        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxp.Offset + 4));
        var shortLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 0;
        int GlyphStart(int gid) => shortLoca
            ? BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca.Offset + gid * 2)) * 2
            : (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca.Offset + gid * 4));

        var keep = Closure(font, glyf, usedGlyphs.Append((ushort)0), numGlyphs, GlyphStart);

        // New glyf and a long-format loca.
        using var glyfOut = new MemoryStream();
        var newLoca = new byte[(numGlyphs + 1) * 4];
        for (var gid = 0; gid < numGlyphs; gid++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(gid * 4), (uint)glyfOut.Length);
            if (keep.Contains(gid))
            {
                var start = GlyphStart(gid);
                var length = GlyphStart(gid + 1) - start;
                glyfOut.Write(font, glyf.Offset + start, length);
                while (glyfOut.Length % 4 != 0)
                {
                    glyfOut.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(numGlyphs * 4), (uint)glyfOut.Length);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var table in tables.Values.Where(t => KeptTables.Contains(t.Tag)))
        {
            output[table.Tag] = font.AsSpan(table.Offset, table.Length).ToArray();
        }

        output["glyf"] = glyfOut.ToArray();
        output["loca"] = newLoca;
        var newHead = output["head"];
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // indexToLocFormat: long
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        if (output.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Format 3: no glyph names (they are most of the table and PDF viewers do not need them).
            var post3 = post.AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post3, 0x00030000);
            output["post"] = post3;
        }

        var result = Write(output);
        var adjustment = 0xB1B0AFBA - Checksum(result);
        var headOffset = FindTable(result, "head");
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headOffset + 8), adjustment);
        return result;
    }

    private static Dictionary<string, Table> ReadDirectory(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + i * 16;
            var tag = Encoding.ASCII.GetString(font, record, 4);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12));
            if (offset < 0 || length < 0 || offset + length > font.Length)
            {
                throw new ArgumentException($"Table {tag} lies outside the font file.");
            }

            tables[tag] = new Table(tag, offset, length);
        }

        return tables;
    }

    /// <summary>The used glyphs plus every component their composite glyphs are built from.</summary>
    private static HashSet<int> Closure(byte[] font, Table glyf, IEnumerable<ushort> used, int numGlyphs, Func<int, int> glyphStart)
    {
        var keep = new HashSet<int>();
        var pending = new Stack<int>(used.Where(g => g < numGlyphs).Select(g => (int)g));
        while (pending.Count > 0)
        {
            var gid = pending.Pop();
            if (!keep.Add(gid))
            {
                continue;
            }

            var start = glyphStart(gid);
            var length = glyphStart(gid + 1) - start;
            if (length <= 0 || BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(glyf.Offset + start)) >= 0)
            {
                continue; // empty or simple glyph
            }

            var p = glyf.Offset + start + 10;
            ushort flags;
            do
            {
                flags = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(p));
                var component = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(p + 2));
                if (component < numGlyphs)
                {
                    pending.Push(component);
                }

                p += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
                p += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
            }
            while ((flags & MoreComponents) != 0);
        }

        return keep;
    }

    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        var headerLength = 12 + count * 16;
        var total = headerLength + tables.Values.Sum(t => Pad(t.Length));
        var result = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(result, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(10), (ushort)(count * 16 - searchRange));

        var offset = headerLength;
        var index = 0;
        foreach (var (tag, data) in tables)
        {
            var record = 12 + index++ * 16;
            Encoding.ASCII.GetBytes(tag, result.AsSpan(record, 4));
            data.CopyTo(result, offset);
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(record + 4), Checksum(result.AsSpan(offset, Pad(data.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(record + 12), (uint)data.Length);
            offset += Pad(data.Length);
        }

        return result;
    }

    private static int FindTable(byte[] font, string tag)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            if (Encoding.ASCII.GetString(font, 12 + i * 16, 4) == tag)
            {
                return (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + i * 16 + 8));
            }
        }

        throw new ArgumentException($"No {tag} table.");
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            data[i..].CopyTo(tail);
            sum += BinaryPrimitives.ReadUInt32BigEndian(tail);
        }

        return sum;
    }
}
