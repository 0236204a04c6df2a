using System.Collections.Concurrent;
using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>A loaded typeface and where it came from, with a cache of which code points it can draw.</summary>
public sealed class FontFace
{
    private readonly ConcurrentDictionary<int, bool> _coverage = new();

    private readonly Lazy<byte[]?> _fileBytes;

    internal FontFace(SKTypeface typeface, string source)
    {
        Typeface = typeface;
        Source = source;
        _fileBytes = new Lazy<byte[]?>(() => File.Exists(source) ? File.ReadAllBytes(source) : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The font file's bytes (for subsetting), or null for faces not loaded from a file.</summary>
    internal byte[]? FileBytes => _fileBytes.Value;

    public SKTypeface Typeface { get; }

    /// <summary>The file the face was loaded from (or a description for the last-resort system match).</summary>
    public string Source { get; }

    public string FamilyName => Typeface.FamilyName;

    public bool Covers(int codePoint) =>
        // Every text font we load has printable ASCII; skip the native call for the common case.
        codePoint is >= 0x20 and < 0x7F || _coverage.GetOrAdd(codePoint, static (cp, tf) => tf.ContainsGlyph(cp), Typeface);

    public override string ToString() => $"{FamilyName} ({Source})";
}

/// <summary>
/// Loads every typeface once, by file, and hands them out to concurrent exports (SKTypeface is immutable and
/// safe to share). Order: the configured fonts folder (files named <c>Sans-Regular.ttf</c>, <c>Serif-BoldItalic.otf</c>, ...),
/// then Liberation Sans/Serif, then DejaVu Sans/Serif. DejaVu Sans is the per-character fallback because it covers
/// Latin, Greek and Cyrillic.
/// </summary>
public sealed class FontRegistry : IDisposable
{
    private static readonly string[] SystemFontDirectories =
    [
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/liberation",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
    ];

    private static readonly string[] VariantNames = ["Regular", "Bold", "Italic", "BoldItalic"];

    private readonly FontFace[] _sans;
    private readonly FontFace[] _serif;
    private readonly FontFace[] _fallback;
    private readonly ConcurrentDictionary<int, FontFace?> _systemMatches = new();
    private readonly List<FontFace> _owned = [];

    public FontRegistry(string? fontsFolder = null)
    {
        _sans = LoadFamily(fontsFolder, "Sans", ["LiberationSans", "DejaVuSans"], ["", "-Bold", "-Oblique", "-BoldOblique"]);
        _serif = LoadFamily(fontsFolder, "Serif", ["LiberationSerif", "DejaVuSerif"], ["", "-Bold", "-Italic", "-BoldItalic"]);
        _fallback = LoadFamily(null, "Fallback", ["DejaVuSans"], ["", "-Bold", "-Oblique", "-BoldOblique"]);
    }

    public FontFace Get(FontFamilyKind family, bool bold, bool italic) =>
        (family == FontFamilyKind.Serif ? _serif : _sans)[Index(bold, italic)];

    public FontFace Get(TextStyle style) => Get(style.Family, style.Bold, style.Italic);

    /// <summary>
    /// The face that draws <paramref name="codePoint"/>: the primary if it can, else DejaVu Sans in the same
    /// weight and slant, else whatever fontconfig offers, else the primary (the text stays real text either way).
    /// </summary>
    public FontFace ForCodePoint(FontFace primary, bool bold, bool italic, int codePoint)
    {
        if (primary.Covers(codePoint))
        {
            return primary;
        }

        var fallback = _fallback[Index(bold, italic)];
        if (fallback.Covers(codePoint))
        {
            return fallback;
        }

        return _systemMatches.GetOrAdd(codePoint, MatchSystem) ?? primary;
    }

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var face in _owned)
            {
                face.Typeface.Dispose();
            }

            _owned.Clear();
        }
    }

    private static int Index(bool bold, bool italic) => (bold ? 1 : 0) + (italic ? 2 : 0);

    private FontFace? MatchSystem(int codePoint)
    {
        var typeface = SKFontManager.Default.MatchCharacter(codePoint);
        if (typeface is null)
        {
            return null;
        }

        var face = new FontFace(typeface, $"fontconfig match for U+{codePoint:X4}");
        lock (_owned)
        {
            _owned.Add(face);
        }

        return face;
    }

    private FontFace[] LoadFamily(string? folder, string role, string[] systemFamilies, string[] dejaVuSuffixes)
    {
        var faces = new FontFace[4];
        for (var i = 0; i < 4; i++)
        {
            faces[i] = LoadFromFolder(folder, $"{role}-{VariantNames[i]}")
                ?? LoadSystem(systemFamilies, i, dejaVuSuffixes[i])
                ?? (i > 0 ? faces[0] : null)
                // Shared by Skia; never disposed by us.
                ?? new FontFace(SKTypeface.Default, "SKTypeface.Default");
        }

        return faces;
    }

    private FontFace? LoadFromFolder(string? folder, string name)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        foreach (var extension in new[] { ".ttf", ".otf", ".TTF", ".OTF" })
        {
            var face = LoadFile(Path.Combine(folder, name + extension));
            if (face is not null)
            {
                return face;
            }
        }

        return null;
    }

    private FontFace? LoadSystem(string[] families, int variant, string dejaVuSuffix)
    {
        foreach (var family in families)
        {
            // Liberation names its files Family-Regular/-Bold/-Italic/-BoldItalic; DejaVu uses Family, -Bold, -Oblique.
            var fileName = family.StartsWith("DejaVu", StringComparison.Ordinal)
                ? family + dejaVuSuffix + ".ttf"
                : $"{family}-{VariantNames[variant]}.ttf";
            foreach (var directory in SystemFontDirectories)
            {
                var face = LoadFile(Path.Combine(directory, fileName));
                if (face is not null)
                {
                    return face;
                }
            }
        }

        return null;
    }

    private FontFace? LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var typeface = SKTypeface.FromFile(path);
        return typeface is null ? null : Own(new FontFace(typeface, path));
    }

    private FontFace Own(FontFace face)
    {
        lock (_owned)
        {
            _owned.Add(face);
        }

        return face;
    }
}
