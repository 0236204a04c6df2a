using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Pitch;

/// <summary>
/// Turns the pitch writer's draft into the stored pitch: fills sections the model left empty from the room's state,
/// keeps out-of-scope sections of the current pitch on a regeneration, and stamps provenance.
/// </summary>
public static class PitchComposer
{
    /// <summary>A pitch assembled from state alone (no prose beyond what the agents wrote). Empty sections stay empty.</summary>
    public static PitchDocument FromState(IReadOnlyDictionary<string, StateEntry> state)
    {
        T? Read<T>(string key) where T : class => state.TryGetValue(key, out var e) ? AgentJson.TryDeserialize<T>(e.Value) : null;
        var brief = Read<Brief>(StateKeys.Brief) ?? new Brief();
        var outline = Read<StoryOutline>(StateKeys.Outline) ?? new StoryOutline();
        var characters = Read<CharacterList>(StateKeys.Characters) ?? new CharacterList();
        var market = Read<MarketReport>(StateKeys.Market) ?? new MarketReport();
        var casting = Read<CastingReport>(StateKeys.Casting) ?? new CastingReport();
        return new PitchDocument
        {
            Title = FirstNonEmpty(outline.Title, brief.Title),
            Logline = outline.Logline,
            Genre = brief.Genre,
            Format = brief.Format,
            Synopsis = outline.Synopsis,
            Characters = characters.Characters,
            WorldAndTone = outline.WorldAndTone,
            Acts = outline.Acts,
            Themes = outline.Themes,
            Comparables = market.Comparables,
            AudienceAndMarket = market.Audience,
            Casting = casting.Ideas,
            ProductionNotes = market.ProductionNotes,
            BudgetRange = market.BudgetRange,
        };
    }

    /// <summary>
    /// The pitch to store. <paramref name="sections"/> null: the draft replaces the whole pitch. Otherwise only those
    /// sections change and everything else of <paramref name="previous"/> (including the writer's edits) stays.
    /// </summary>
    public static PitchDocument Finalize(
        PitchDocument draft,
        PitchDocument? previous,
        IReadOnlyCollection<string>? sections,
        IReadOnlyDictionary<string, StateEntry> state,
        string modelLabel,
        DateTime nowUtc)
    {
        var fromState = FromState(state);
        foreach (var section in PitchSections.All)
        {
            if (PitchSectionMap.IsEmpty(draft, section) && !PitchSectionMap.IsEmpty(fromState, section))
            {
                draft = PitchSectionMap.CopySection(fromState, draft, section);
            }
        }

        var changed = sections is null || previous is null ? PitchSections.All : [.. sections.Where(PitchSections.All.Contains)];
        var result = previous is null || sections is null ? draft : previous;
        var provenance = new Dictionary<string, SectionProvenance>(
            previous is not null && sections is not null ? previous.Provenance : new Dictionary<string, SectionProvenance>(), StringComparer.Ordinal);
        foreach (var section in changed)
        {
            result = PitchSectionMap.CopySection(draft, result, section);
            var sourceKey = PitchSectionMap.SourceKey(section);
            var source = state.TryGetValue(sourceKey, out var entry) && sourceKey != StateKeys.Pitch ? entry : null;
            provenance[section] = new SectionProvenance(
                source?.Agent ?? PitchSectionMap.SourceAgent(section),
                source?.Model ?? modelLabel,
                EditedByWriter: false,
                nowUtc);
        }
        return result with { Provenance = provenance };
    }

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
}
