namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>Lines of a paragraph or list; splits between lines with orphan and widow control.</summary>
internal sealed class LaidLines : Laid
{
    private readonly List<TextLine> _lines;

    public LaidLines(List<TextLine> lines)
    {
        _lines = lines;
        Height = HeightOf(lines.Count);
    }

    public IReadOnlyList<TextLine> Lines => _lines;

    // Orphan/widow control: a paragraph of four or more lines leaves at least two on each page.
    public override float LeadHeight => HeightOf(_lines.Count >= 4 ? 2 : Math.Min(1, _lines.Count));

    public override void Emit(List<DrawOp> ops, float x, float y)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            if (i > 0)
            {
                y += line.GapBefore;
            }

            foreach (var run in line.Runs)
            {
                ops.Add(new TextOp(x + run.X, y + line.Baseline, run.Text, run.Face, run.Size, run.Color, run.Width));
            }

            y += line.Height;
        }
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        var count = 0;
        float used = 0;
        while (count < _lines.Count)
        {
            var h = (count > 0 ? _lines[count].GapBefore : 0) + _lines[count].Height;
            if (used + h > available + 0.01f)
            {
                break;
            }

            used += h;
            count++;
        }

        if (count >= _lines.Count)
        {
            return (this, null);
        }

        if (_lines.Count >= 4)
        {
            if (count < 2)
            {
                count = 0;
            }
            else if (_lines.Count - count < 2)
            {
                count = _lines.Count - 2;
            }
        }

        if (count == 0)
        {
            if (!force)
            {
                return (null, this);
            }

            count = 1;
        }

        var tailLines = _lines.Skip(count).ToList();
        tailLines[0] = WithoutGap(tailLines[0]);
        return Pieces(this, new LaidLines(_lines.Take(count).ToList()), new LaidLines(tailLines));
    }

    private static TextLine WithoutGap(TextLine line)
    {
        var copy = line.Shifted(0);
        copy.GapBefore = 0;
        return copy;
    }

    private float HeightOf(int count)
    {
        float h = 0;
        for (var i = 0; i < count; i++)
        {
            h += (i > 0 ? _lines[i].GapBefore : 0) + _lines[i].Height;
        }

        return h;
    }
}
