using System.Globalization;
using System.Text;
using SkiaSharp;

namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>Text in one face and size at a horizontal offset within its block.</summary>
internal sealed record GlyphRun(string Text, FontFace Face, float Size, SKColor Color, float X, float Width, float LineHeight = 1.35f);

/// <summary>One line of a paragraph: runs positioned left to right, its height and baseline.</summary>
internal sealed class TextLine
{
    public List<GlyphRun> Runs { get; } = [];
    public float Width { get; set; }
    public float Height { get; set; }
    public float Baseline { get; set; }

    /// <summary>Extra space above this line (between list items); dropped when the line starts a page.</summary>
    public float GapBefore { get; set; }

    public TextLine Shifted(float dx)
    {
        var line = new TextLine { Width = Width, Height = Height, Baseline = Baseline, GapBefore = GapBefore };
        line.Runs.AddRange(Runs.Select(r => r with { X = r.X + dx }));
        return line;
    }
}

/// <summary>
/// Greedy line breaking on measured widths. Break opportunities are whitespace and the point after a hyphen,
/// en/em dash or slash; a word wider than the line is broken between characters (never inside a surrogate pair
/// or combining sequence). A character the style's font lacks is drawn with the registry's fallback face.
/// </summary>
internal sealed class LineBreaker(LayoutContext context)
{
    private sealed record Piece(string Text, FontFace Face, float Size, SKColor Color, float Width, TextStyle Style);

    private sealed class Word
    {
        public List<Piece> Pieces { get; } = [];
        public bool SpaceBefore { get; init; }
        public bool IsLineBreak { get; init; }
        public float Width => Pieces.Sum(p => p.Width);
    }

    public List<TextLine> Break(IReadOnlyList<TextSpan> spans, float maxWidth)
    {
        maxWidth = Math.Max(maxWidth, 1);
        var words = Tokenize(spans);
        var lines = new List<TextLine>();
        var line = new TextLine();
        var emptyLineStyle = spans.Count > 0 ? spans[0].Style : null;

        foreach (var word in words)
        {
            if (word.IsLineBreak)
            {
                lines.Add(Finish(line, emptyLineStyle));
                line = new TextLine();
                continue;
            }

            var space = SpaceBefore(line, word);
            var width = word.Width;
            if (line.Width + space + width <= maxWidth + 0.01f)
            {
                Append(line, word, space);
                continue;
            }

            if (line.Runs.Count > 0)
            {
                lines.Add(Finish(line, emptyLineStyle));
                line = new TextLine();
            }

            if (width <= maxWidth + 0.01f)
            {
                Append(line, word, 0);
                continue;
            }

            var chunks = BreakLongWord(word, maxWidth);
            for (var i = 0; i < chunks.Count; i++)
            {
                Append(line, chunks[i], 0);
                if (i < chunks.Count - 1)
                {
                    lines.Add(Finish(line, emptyLineStyle));
                    line = new TextLine();
                }
            }
        }

        if (line.Runs.Count > 0 || lines.Count == 0)
        {
            lines.Add(Finish(line, emptyLineStyle));
        }

        return lines;
    }

    /// <summary>
    /// The space before a word on this line. It is drawn as a real character at the end of the previous run (in
    /// that run's face), so copied and extracted text keeps its word breaks whatever the styles around it.
    /// </summary>
    private float SpaceBefore(TextLine line, Word word) =>
        line.Runs.Count == 0 || !word.SpaceBefore ? 0 : context.Measure(line.Runs[^1].Face, line.Runs[^1].Size, " ");

    private static bool CanMerge(GlyphRun run, Piece piece) =>
        run.Face == piece.Face && run.Size == piece.Size && run.Color == piece.Color && run.LineHeight == piece.Style.LineHeight;

    private static void Append(TextLine line, Word word, float space)
    {
        if (space > 0)
        {
            var last = line.Runs[^1];
            line.Runs[^1] = last with { Text = last.Text + " ", Width = last.Width + space };
            line.Width += space;
        }

        foreach (var piece in word.Pieces)
        {
            var last = line.Runs.Count > 0 ? line.Runs[^1] : null;
            if (last is not null && CanMerge(last, piece))
            {
                line.Runs[^1] = last with { Text = last.Text + piece.Text, Width = last.Width + piece.Width };
            }
            else
            {
                line.Runs.Add(new GlyphRun(piece.Text, piece.Face, piece.Size, piece.Color, line.Width, piece.Width, piece.Style.LineHeight));
            }

            line.Width += piece.Width;
        }
    }

    private TextLine Finish(TextLine line, TextStyle? emptyStyle)
    {
        float height = 0, ascent = 0, descent = 0;
        foreach (var run in line.Runs)
        {
            var (a, d) = context.Metrics(run.Face, run.Size);
            ascent = Math.Max(ascent, a);
            descent = Math.Max(descent, d);
            height = Math.Max(height, run.Size * run.LineHeight);
        }

        if (line.Runs.Count == 0 && emptyStyle is not null)
        {
            (ascent, descent) = context.Metrics(context.Fonts.Get(emptyStyle), emptyStyle.Size);
            height = emptyStyle.Size * emptyStyle.LineHeight;
        }

        line.Height = Math.Max(height, ascent + descent);
        line.Baseline = (line.Height - (ascent + descent)) / 2 + ascent;
        return line;
    }

    private List<Word> Tokenize(IReadOnlyList<TextSpan> spans)
    {
        var words = new List<Word>();
        Word? current = null;
        var pendingSpace = false;

        foreach (var span in spans)
        {
            var text = span.Text ?? "";
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    current = null;
                    words.Add(new Word { IsLineBreak = true });
                    pendingSpace = false;
                    i++;
                    continue;
                }

                if (IsBreakingSpace(c))
                {
                    current = null;
                    pendingSpace = true;
                    i++;
                    continue;
                }

                var end = i;
                while (end < text.Length && text[end] != '\n' && !IsBreakingSpace(text[end]))
                {
                    end++;
                }

                foreach (var (chunk, breakAfter) in SplitAtBreakChars(text[i..end]))
                {
                    if (current is null)
                    {
                        current = new Word { SpaceBefore = pendingSpace };
                        words.Add(current);
                        pendingSpace = false;
                    }

                    current.Pieces.AddRange(Measure(chunk, span.Style));
                    if (breakAfter)
                    {
                        current = null;
                    }
                }

                i = end;
            }
        }

        return words;
    }

    private static bool IsBreakingSpace(char c) => char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u202F' and not '\u2007';

    private static IEnumerable<(string Chunk, bool BreakAfter)> SplitAtBreakChars(string token)
    {
        var start = 0;
        for (var i = 0; i < token.Length - 1; i++)
        {
            // Break after a hyphen or dash only between letters/digits ("well-known", "hope—and"), not in "--" or "-5".
            if (token[i] is '-' or '\u2013' or '\u2014' or '/' && i > start && char.IsLetterOrDigit(token[i + 1]) && char.IsLetterOrDigit(token[i - 1]))
            {
                yield return (token[start..(i + 1)], true);
                start = i + 1;
            }
        }

        yield return (token[start..], false);
    }

    /// <summary>Splits text into pieces by the face that can draw each character, and measures them.</summary>
    private IEnumerable<Piece> Measure(string text, TextStyle style)
    {
        var primary = context.Fonts.Get(style);
        var builder = new StringBuilder();
        FontFace? face = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeFace = Rune.IsControl(rune) ? primary : context.Fonts.ForCodePoint(primary, style.Bold, style.Italic, rune.Value);
            if (face is not null && runeFace != face && builder.Length > 0)
            {
                yield return MakePiece(builder.ToString(), face, style);
                builder.Clear();
            }

            face = runeFace;
            builder.Append(rune.ToString());
        }

        if (builder.Length > 0 && face is not null)
        {
            yield return MakePiece(builder.ToString(), face, style);
        }
    }

    private Piece MakePiece(string text, FontFace face, TextStyle style) =>
        new(text, face, style.Size, style.Color, context.Measure(face, style.Size, text), style);

    private List<Word> BreakLongWord(Word word, float maxWidth)
    {
        var chunks = new List<Word>();
        var chunk = new Word();
        float width = 0;
        foreach (var piece in word.Pieces)
        {
            var elements = StringInfo.GetTextElementEnumerator(piece.Text);
            var text = new StringBuilder();
            float pieceWidth = 0;
            while (elements.MoveNext())
            {
                var element = (string)elements.Current;
                var w = context.Measure(piece.Face, piece.Size, element);
                if (width + pieceWidth + w > maxWidth && (width + pieceWidth) > 0)
                {
                    if (text.Length > 0)
                    {
                        chunk.Pieces.Add(piece with { Text = text.ToString(), Width = pieceWidth });
                    }

                    chunks.Add(chunk);
                    chunk = new Word();
                    text.Clear();
                    width = 0;
                    pieceWidth = 0;
                }

                text.Append(element);
                pieceWidth += w;
            }

            if (text.Length > 0)
            {
                chunk.Pieces.Add(piece with { Text = text.ToString(), Width = pieceWidth });
                width += pieceWidth;
            }
        }

        if (chunk.Pieces.Count > 0)
        {
            chunks.Add(chunk);
        }

        return chunks;
    }
}
