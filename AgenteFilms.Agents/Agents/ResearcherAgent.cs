using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>The researcher: notes on setting, subject and period that the screenwriter can build on.</summary>
public sealed class ResearcherAgent : FilmAgent
{
    public override string Name => AgentNames.Researcher;
    public override string DisplayName => "Researcher";
    public override IReadOnlyList<string> Reads { get; } = [StateKeys.Brief];
    public override string Writes => StateKeys.Research;
    public override IReadOnlyList<string> Tools { get; } = [NoteTools.SaveNote];
    public override string Task => "Research the brief: save the notes the screenwriter needs with save_note, then summarise them.";

    internal override object? CreateTools(ToolContext context) => new NoteTools(context);

    internal override JsonElement? BuildOutput(AgentOutput output)
    {
        var notes = output.Tools.Notes;
        if (notes.Count == 0)
        {
            return base.BuildOutput(output);
        }
        return AgentJson.ToElement(new ResearchNotes
        {
            Notes = [.. notes.Select(n => new ResearchNote(n.Topic, n.Note, n.Source))],
            Summary = output.FinalText.Trim(),
        });
    }
}
