using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Web.Features.Export;

/// <summary>The Markdown export: the pitch as the agents' own Markdown renderer writes it (one renderer, one format).</summary>
public sealed class MarkdownExporter
{
    public string Export(PitchDocument pitch) => PitchMarkdown.Render(pitch);
}
