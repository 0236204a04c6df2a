using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Agents.Agents;

/// <summary>
/// The pitch writer: assembles the producer-ready <see cref="PitchDocument"/> from everything the room produced.
/// Structured JSON through <c>save_pitch</c> when the model gives it, else parsed from its Markdown. When only some
/// sections are in scope (a regeneration), the other sections of the current pitch, and the writer's edits in them,
/// are kept.
/// </summary>
public sealed class PitchWriterAgent : FilmAgent
{
    public override string Name => AgentNames.PitchWriter;
    public override string DisplayName => "Pitch writer";
    public override IReadOnlyList<string> Reads { get; } =
        [StateKeys.Brief, StateKeys.Research, StateKeys.Outline, StateKeys.Characters, StateKeys.Critique, StateKeys.Market, StateKeys.Casting, StateKeys.Pitch];
    public override string Writes => StateKeys.Pitch;
    public override IReadOnlyList<string> Tools { get; } = [PitchTools.SavePitch];
    public override string Task => "Write the pitch document from the state below and save it with save_pitch.";

    internal override object? CreateTools(ToolContext context) => new PitchTools(context);

    internal override JsonElement? BuildOutput(AgentOutput output)
    {
        var drafted = output.Tools.Output is { } saved
            ? AgentJson.TryDeserialize<PitchDocument>(saved)
            : FromText(output.FinalText);
        if (drafted is null || string.IsNullOrWhiteSpace(drafted.Title))
        {
            throw new InvalidOperationException("the model returned no pitch (neither save_pitch JSON nor a Markdown pitch with a title).");
        }
        var previous = output.Tools.State.TryGetValue(StateKeys.Pitch, out var entry) ? AgentJson.TryDeserialize<PitchDocument>(entry.Value) : null;
        var pitch = PitchComposer.Finalize(drafted, previous, output.Scope.Sections, output.Tools.State, output.ModelLabel, output.NowUtc);
        return AgentJson.ToElement(pitch);
    }

    private static PitchDocument? FromText(string text)
        => AgentJson.ExtractObject(text) is { } json && AgentJson.TryDeserialize<PitchDocument>(json) is { Title.Length: > 0 } fromJson
            ? fromJson
            : PitchMarkdownParser.Parse(text);
}
