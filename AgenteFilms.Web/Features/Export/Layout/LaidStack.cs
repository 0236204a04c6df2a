namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>Blocks one under another (card content, table cells).</summary>
internal sealed class LaidStack : Laid
{
    private readonly List<Laid> _children;

    public LaidStack(List<Laid> children)
    {
        _children = children;
        float h = 0;
        for (var i = 0; i < children.Count; i++)
        {
            h += Gap(i) + children[i].Height;
        }

        Height = h;
    }

    public IReadOnlyList<Laid> Children => _children;

    public override float LeadHeight
    {
        get
        {
            if (_children.Count == 0)
            {
                return 0;
            }

            var first = _children[0];
            return first.KeepWithNext && _children.Count > 1
                ? first.Height + Gap(1) + _children[1].LeadHeight
                : first.KeepTogether ? first.Height : first.LeadHeight;
        }
    }

    public override void Emit(List<DrawOp> ops, float x, float y)
    {
        for (var i = 0; i < _children.Count; i++)
        {
            y += Gap(i);
            _children[i].Emit(ops, x, y);
            y += _children[i].Height;
        }
    }

    public override (Laid? Head, Laid? Tail) Split(float available, bool force)
    {
        float y = 0;
        for (var i = 0; i < _children.Count; i++)
        {
            var child = _children[i];
            var gap = Gap(i);
            if (y + gap + child.Height <= available + 0.01f)
            {
                y += gap + child.Height;
                continue;
            }

            var head = _children.Take(i).ToList();
            var tail = new List<Laid>();
            var mustTake = force && head.Count == 0;
            var splittable = !(child.KeepTogether || child.KeepWithNext) || mustTake;
            var (childHead, childTail) = splittable ? child.Split(available - y - gap, mustTake) : (null, child);
            if (childHead is not null)
            {
                head.Add(childHead);
            }

            // A heading must not end the piece: move trailing keep-with-next blocks over, unless that empties it.
            while (childHead is null && head.Count > 1 && head[^1].KeepWithNext)
            {
                tail.Insert(0, head[^1]);
                head.RemoveAt(head.Count - 1);
            }

            if (childTail is not null)
            {
                tail.Add(childTail);
            }

            tail.AddRange(_children.Skip(i + 1));
            if (head.Count == 0)
            {
                return (null, this);
            }

            return Pieces(this, new LaidStack(head), tail.Count > 0 ? new LaidStack(tail) : null);
        }

        return (this, null);
    }

    private float Gap(int i) => i == 0 ? 0 : _children[i - 1].SpaceAfter + _children[i].SpaceBefore;
}
