using System.ComponentModel;
using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Agents.Tools;

/// <summary><c>save_pitch</c>: the pitch writer's structured output, validated as a <see cref="PitchDocument"/>.</summary>
public sealed class PitchTools(ToolContext context)
{
    public const string SavePitch = "save_pitch";

    [KernelFunction(SavePitch)]
    [Description("Saves the finished pitch document as JSON with the fields: title, logline, genre, format, runtime, synopsis, characters[{name, role, want, need, arc}], worldAndTone, acts[{number, title, summary, beats[{name, description}]}], themes[], comparables[{title, year, why, figures, source}], audienceAndMarket, casting[{character, suggestions[], rationale}], productionNotes, budgetRange, writersStatement.")]
    public string Save([Description("The pitch document as a JSON object.")] string pitchJson)
    {
        var element = AgentJson.ExtractObject(pitchJson);
        var pitch = element is { } json ? AgentJson.TryDeserialize<PitchDocument>(json) : null;
        if (pitch is null || string.IsNullOrWhiteSpace(pitch.Title))
        {
            // Not a refusal: the model may fix its JSON and call again.
            return "Error: pitchJson must be a JSON object with at least a title. Please call save_pitch again.";
        }
        return context.Write(context.OwnKey, JsonSerializer.SerializeToElement(pitch with { Provenance = new Dictionary<string, SectionProvenance>() }, AgentJson.Options));
    }
}
