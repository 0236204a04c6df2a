using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Tools;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// Decides what the offline model says for each agent role: on the first round trip it does the work and calls the
/// role's tool (when offered), after the tool result it answers with a short summary, as a real model would.
/// </summary>
internal static class OfflineRoom
{
    public static OfflineReply Reply(OfflineRequest request, OfflineModelBehavior behavior)
    {
        var concept = ConceptAnalyzer.Analyze(request.Brief, request.Read<CharacterList>(StateKeys.Characters));
        return request.Role switch
        {
            AgentNames.Greeter => Showrunner.Reply(request, concept),
            AgentNames.Critic => Critic(request, concept, behavior),
            _ when request.AfterTools => OfflineReply.Say(Summary(request, concept)),
            AgentNames.Researcher => Research(request, concept),
            AgentNames.Screenwriter => Save(request, StateKeys.Outline, StoryWriter.Outline(concept, request.Read<Critique>(StateKeys.Critique), request.Note)),
            AgentNames.CharacterDeveloper => Save(request, StateKeys.Characters, StoryWriter.Characters(concept, request.Read<StoryOutline>(StateKeys.Outline), request.Note)),
            AgentNames.BoxOffice => Save(request, StateKeys.Market, MarketWriter.Market(concept, request.Note)),
            AgentNames.CastingDirector => Save(request, StateKeys.Casting, MarketWriter.Casting(concept, request.Read<CharacterList>(StateKeys.Characters), request.Note)),
            AgentNames.PitchWriter => Pitch(request, concept),
            _ => OfflineReply.Say($"Offline model: this request names no agent role I know, so here is the concept I was given — {concept.Brief.Concept}"),
        };
    }

    private static OfflineReply Save<T>(OfflineRequest request, string key, T value)
    {
        var json = JsonSerializer.Serialize(value, AgentJson.Options);
        return request.Tool(StateTools.SaveToState) is { } tool
            ? Call(request, tool, new() { ["key"] = key, ["content"] = json })
            : OfflineReply.Say(json);
    }

    private static OfflineReply Research(OfflineRequest request, Concept concept)
    {
        var notes = MarketWriter.Research(concept);
        if (request.Tool(NoteTools.SaveNote) is not { } tool)
        {
            return OfflineReply.Say(JsonSerializer.Serialize(new ResearchNotes { Notes = notes, Summary = ResearchSummary(concept) }, AgentJson.Options));
        }
        var calls = notes.Select((n, i) => new FunctionCallContent(CallId(request, i), tool, new Dictionary<string, object?> { ["topic"] = n.Topic, ["note"] = $"{n.Note} {MarketWriter.UnsourcedNote}" })).ToList();
        return new OfflineReply("", calls);
    }

    private static OfflineReply Critic(OfflineRequest request, Concept concept, OfflineModelBehavior behavior)
    {
        if (request.AfterTools)
        {
            return OfflineReply.Say("Approved. The writers' room can stop here.");
        }
        var (critique, passes) = CriticWriter.Judge(concept, request.Read<StoryOutline>(StateKeys.Outline), request.Iteration, behavior);
        var text = JsonSerializer.Serialize(new { scores = critique.Scores, notes = critique.Notes, summary = critique.Summary, verdict = critique.Verdict }, AgentJson.Indented);
        return passes && request.Tool(CriticTools.ExitLoop) is { } exit
            ? new OfflineReply(text, [new FunctionCallContent(CallId(request, 0), exit, new Dictionary<string, object?> { ["reason"] = critique.Summary })])
            : OfflineReply.Say(text);
    }

    private static OfflineReply Pitch(OfflineRequest request, Concept concept)
    {
        var state = request.State.ToDictionary(kv => kv.Key, kv => new StateEntry(kv.Key, kv.Value, 1), StringComparer.Ordinal);
        var fromState = PitchComposer.FromState(state);
        var outline = request.Read<StoryOutline>(StateKeys.Outline);
        var pitch = fromState with
        {
            Title = string.IsNullOrWhiteSpace(fromState.Title) ? concept.Title : fromState.Title,
            Logline = string.IsNullOrWhiteSpace(fromState.Logline) ? concept.Logline() : fromState.Logline,
            Genre = string.IsNullOrWhiteSpace(concept.Brief.Genre) ? concept.Genre.DisplayName : concept.Brief.Genre.Trim(),
            Format = string.IsNullOrWhiteSpace(concept.Brief.Format) ? "Feature film" : concept.Brief.Format.Trim(),
            Runtime = MarketWriter.Runtime(concept),
            WorldAndTone = outline?.WorldAndTone is { Length: > 0 } world ? world : concept.Fill(concept.Genre.World),
            Themes = outline?.Themes is { Count: > 0 } themes ? themes : concept.Genre.Themes.Take(3).ToList(),
            WritersStatement = concept.Fill(concept.Genre.Statement),
        };
        return request.Tool(PitchTools.SavePitch) is { } tool
            ? Call(request, tool, new() { ["pitchJson"] = JsonSerializer.Serialize(pitch, AgentJson.Options) })
            : OfflineReply.Say(PitchMarkdown.Render(pitch));
    }

    private static string Summary(OfflineRequest request, Concept concept) => request.Role switch
    {
        AgentNames.Researcher => ResearchSummary(concept),
        AgentNames.Screenwriter => request.Read<Critique>(StateKeys.Critique) is { Passed: false } critique
            ? $"Revision {critique.Iteration + 1} of \"{concept.Title}\": I reworked {string.Join(", ", critique.Notes.Select(n => n.Beat))} to answer the critic's notes. {concept.Logline()}"
            : $"First draft of \"{concept.Title}\" in three acts ({string.Join(" / ", concept.Genre.ActTitles)}). {concept.Logline()}",
        AgentNames.CharacterDeveloper => concept.Fill(concept.Family.Count > 0 ? $"Five principals: {{hero}} (the {{desc}}), {{antagonist}}, {{ally}}, {{mentor}} and {concept.Family[0].Name} ({{first}}'s {concept.Family[0].Relative.Description}), each with a want, a need and an arc tied to the beats." : "Four principals: {hero} (the {desc}), {antagonist}, {ally} and {mentor}, each with a want, a need and an arc tied to the beats."),
        AgentNames.BoxOffice => $"Positioned as {Article(concept.Genre.DisplayName.ToLowerInvariant())} {concept.Genre.DisplayName.ToLowerInvariant()} with illustrative comparables (unverified) and a budget range of {MarketWriter.Market(concept, request.Note).BudgetRange}.",
        AgentNames.CastingDirector => $"Aspirational casting ideas for each principal. {CastingReport.AspirationalNote}",
        AgentNames.PitchWriter => $"The pitch for \"{concept.Title}\" is assembled: logline, synopsis, characters, structure, market, casting and production notes.",
        _ => "Done.",
    };

    private static string ResearchSummary(Concept concept)
        => concept.Fill("Research for a {genre} set in {place}: the texture of the {setting}, the life of a {desc}, and how the {force} can feel plausible. ") + MarketWriter.UnsourcedNote;

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static OfflineReply Call(OfflineRequest request, string tool, Dictionary<string, object?> arguments)
        => new("", [new FunctionCallContent(CallId(request, 0), tool, arguments)]);

    internal static string CallId(OfflineRequest request, int index) => $"call_{request.Role}_{request.ToolResults.Count}_{index}";
}
