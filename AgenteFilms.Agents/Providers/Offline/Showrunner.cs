using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Tools;
using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// The offline showrunner: understands a few plain requests by keyword (change the genre or title, revise a
/// section, rerun a stage) and answers everything else with where the pitch stands and what it can do.
/// </summary>
internal static class Showrunner
{
    private static readonly (string Section, string[] Words)[] s_sections =
    [
        (PitchSections.Casting, ["casting", "cast ", "actor", "actress"]),
        (PitchSections.Comparables, ["comparable", "comps", "comp titles"]),
        (PitchSections.Logline, ["logline"]),
        (PitchSections.Title, ["title"]),
        (PitchSections.Characters, ["character", "protagonist", "villain", "antagonist"]),
        (PitchSections.Synopsis, ["synopsis"]),
        (PitchSections.Structure, ["structure", "beats", "beat sheet", "act ", "outline", "ending"]),
        (PitchSections.Themes, ["theme"]),
        (PitchSections.AudienceAndMarket, ["audience", "market"]),
        (PitchSections.ProductionNotes, ["budget", "production"]),
        (PitchSections.WorldAndTone, ["world", "tone"]),
        (PitchSections.WritersStatement, ["statement"]),
    ];

    private static readonly string[] s_changeWords = ["revise", "redo", "regenerate", "rewrite", "change", "improve", "make", "try", "another", "different", "fix", "update", "punch up", "sharpen"];

    public static OfflineReply Reply(OfflineRequest request, Concept concept)
    {
        if (request.AfterTools)
        {
            return OfflineReply.Say(AfterTools(request));
        }
        var message = (request.UserMessage ?? "").Trim();
        var lower = message.ToLowerInvariant();
        var calls = new List<FunctionCallContent>();

        if (request.Tool(ShowrunnerTools.UpdateBrief) is { } update && GenreChange(lower) is { } genre)
        {
            calls.Add(Call(request, calls.Count, update, new() { ["field"] = "genre", ["value"] = genre }));
        }
        if (request.Tool(ShowrunnerTools.Rerun) is { } rerun && lower.Contains("rerun", StringComparison.Ordinal) | lower.Contains("re-run", StringComparison.Ordinal) | lower.Contains("redo", StringComparison.Ordinal))
        {
            var stage = lower.Contains("preproduction", StringComparison.Ordinal) || lower.Contains("pre-production", StringComparison.Ordinal) || lower.Contains("market and casting", StringComparison.Ordinal) ? StageNames.Preproduction
                : lower.Contains("writers", StringComparison.Ordinal) || lower.Contains("story", StringComparison.Ordinal) || lower.Contains("everything", StringComparison.Ordinal) ? StageNames.WritersRoom
                : lower.Contains("pitch", StringComparison.Ordinal) ? StageNames.PitchWriter
                : null;
            if (stage is not null)
            {
                calls.Add(Call(request, calls.Count, rerun, new() { ["stage"] = stage, ["note"] = message }));
            }
        }
        if (calls.Count == 0 && request.Tool(ShowrunnerTools.ReviseSection) is { } revise && s_changeWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            foreach (var (section, words) in s_sections)
            {
                if (words.Any(w => lower.Contains(w, StringComparison.Ordinal)))
                {
                    calls.Add(Call(request, calls.Count, revise, new() { ["section"] = section, ["note"] = message }));
                    break;
                }
            }
        }
        return calls.Count > 0 ? new OfflineReply("", calls) : OfflineReply.Say(Status(request, concept));
    }

    private static string? GenreChange(string lower)
    {
        if (!lower.Contains("genre", StringComparison.Ordinal) && !lower.Contains("make it a", StringComparison.Ordinal) && !lower.Contains("make it an", StringComparison.Ordinal))
        {
            return null;
        }
        return GenreCatalog.All.SelectMany(g => g.Keywords.Select(k => (g, k))).FirstOrDefault(x => lower.Contains(x.k, StringComparison.Ordinal)).g?.DisplayName;
    }

    private static string AfterTools(OfflineRequest request)
    {
        var done = request.ToolResults.Select(r => r.Result?.ToString() ?? "").Where(r => r.Length > 0).ToList();
        return done.Count == 0
            ? "Done."
            : $"On it. {string.Join(" ", done)} You'll see the agents' steps in the timeline; the pitch updates when they finish.";
    }

    private static string Status(OfflineRequest request, Concept concept)
    {
        var pitch = request.Read<PitchDocument>(StateKeys.Pitch);
        var where = pitch is { Title.Length: > 0 }
            ? $"We have a full pitch for \"{pitch.Title}\": {pitch.Logline}"
            : concept.Fill("We're developing {title}, a {genre} about {hero}, a {desc} in {place}.");
        return $"{where} I can change the brief (for example \"make it a thriller\"), revise any section with your note (\"give me less obvious casting\"), or rerun a stage (\"rerun preproduction\"). What would you like to push on?";
    }

    private static FunctionCallContent Call(OfflineRequest request, int index, string tool, Dictionary<string, object?> arguments)
        => new(OfflineRoom.CallId(request, index), tool, arguments);
}
