namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>
/// A block measured at a fixed width. Knows its height, how to split itself at a height (for pagination) and
/// how to emit draw operations at a position.
/// </summary>
internal abstract class Laid
{
    public float Height { get; protected set; }
    public float SpaceBefore { get; set; }
    public float SpaceAfter { get; set; }
    public bool KeepWithNext { get; set; }
    public bool KeepTogether { get; protected init; }
    public bool PageBreakBefore { get; set; }
    public string? Anchor { get; set; }

    /// <summary>The least that must fit below a keep-with-next block for it to stay on the page.</summary>
    public virtual float LeadHeight => Height;

    public abstract void Emit(List<DrawOp> ops, float x, float y);

    /// <summary>Emits the block drawn at least <paramref name="height"/> tall (cards in a grid row share a height).</summary>
    public virtual void EmitStretched(List<DrawOp> ops, float x, float y, float height) => Emit(ops, x, y);

    /// <summary>
    /// Splits so that the head is at most <paramref name="available"/> tall. With <paramref name="force"/> (the
    /// page is empty) the head must take something, so the flow always progresses. Null head: nothing fits.
    /// </summary>
    public abstract (Laid? Head, Laid? Tail) Split(float available, bool force);

    protected static (Laid? Head, Laid? Tail) Pieces(Laid original, Laid? head, Laid? tail)
    {
        if (head is not null)
        {
            head.SpaceBefore = original.SpaceBefore;
            head.Anchor = original.Anchor;
            head.PageBreakBefore = original.PageBreakBefore;
        }

        if (tail is not null)
        {
            tail.SpaceAfter = original.SpaceAfter;
            tail.KeepWithNext = original.KeepWithNext;
        }

        return (head, tail);
    }
}

/// <summary>An unsplittable block drawn by a callback (rules, spacers).</summary>
internal sealed class LaidAtom : Laid
{
    private readonly Action<List<DrawOp>, float, float> _emit;

    public LaidAtom(float height, Action<List<DrawOp>, float, float> emit)
    {
        Height = height;
        _emit = emit;
    }

    public override void Emit(List<DrawOp> ops, float x, float y) => _emit(ops, x, y);

    public override (Laid? Head, Laid? Tail) Split(float available, bool force) => force ? (this, null) : (null, this);
}
