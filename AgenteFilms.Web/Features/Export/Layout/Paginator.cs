namespace AgenteFilms.Web.Features.Export.Layout;

/// <summary>
/// Places measured blocks into frames of a fixed height, top to bottom. Space before a block is dropped at the
/// top of a frame; a keep-with-next block moves on when what must follow it would not fit; a keep-together
/// block moves to a fresh frame when it fits there, and is split otherwise (a forced split on an empty frame
/// always takes something, so the flow always ends).
/// </summary>
internal static class Paginator
{
    public static FlowResult Flow(List<Laid> items, float height)
    {
        var frames = new List<IReadOnlyList<DrawOp>>();
        var used = new List<float>();
        var anchors = new Dictionary<string, int>();
        var ops = new List<DrawOp>();
        float y = 0;
        float previousSpaceAfter = 0;
        var empty = true;

        void NextFrame()
        {
            frames.Add(ops);
            used.Add(y);
            ops = [];
            y = 0;
            empty = true;
        }

        void Place(Laid item, float top)
        {
            if (item.Anchor is not null)
            {
                anchors.TryAdd(item.Anchor, frames.Count);
            }

            item.Emit(ops, 0, top);
            y = top + item.Height;
            previousSpaceAfter = item.SpaceAfter;
            empty = false;
        }

        var i = 0;
        while (i < items.Count)
        {
            var item = items[i];
            if (item.PageBreakBefore && !empty)
            {
                NextFrame();
            }

            var gap = empty ? 0 : previousSpaceAfter + item.SpaceBefore;
            var available = height - y - gap;

            if (item.Height <= available + 0.01f)
            {
                if (item.KeepWithNext && !empty && i + 1 < items.Count)
                {
                    var group = item.Height + item.SpaceAfter + items[i + 1].SpaceBefore + Lead(items, i + 1, 3);
                    if (group > available + 0.01f && group <= height)
                    {
                        NextFrame();
                        continue;
                    }
                }

                Place(item, y + gap);
                i++;
                continue;
            }

            if (!empty && (item.KeepWithNext || (item.KeepTogether && item.Height <= height)))
            {
                NextFrame();
                continue;
            }

            var (head, tail) = item.Split(available, force: empty);
            if (head is null)
            {
                if (empty)
                {
                    // Cannot happen (a forced split always takes something); never loop forever if it does.
                    head = item;
                    tail = null;
                }
                else
                {
                    NextFrame();
                    continue;
                }
            }

            Place(head, y + gap);
            if (tail is null)
            {
                i++;
            }
            else
            {
                items[i] = tail;
                NextFrame();
            }
        }

        if (!empty)
        {
            frames.Add(ops);
            used.Add(y);
        }

        return new FlowResult(frames, used, anchors);
    }


    private static float Lead(List<Laid> items, int index, int depth)
    {
        var item = items[index];
        if (item.KeepWithNext && index + 1 < items.Count && depth > 0)
        {
            return item.Height + item.SpaceAfter + items[index + 1].SpaceBefore + Lead(items, index + 1, depth - 1);
        }

        return item.KeepTogether ? item.Height : item.LeadHeight;
    }
}
