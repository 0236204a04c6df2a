using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Pitch;

/// <summary>Per-section operations on a <see cref="PitchDocument"/>: which state key and agent a section comes from, emptiness, copying.</summary>
public static class PitchSectionMap
{
    /// <summary>The state key a section is built from (the pitch writer's own sections map to <c>pitch</c>).</summary>
    public static string SourceKey(string section) => section switch
    {
        PitchSections.Title or PitchSections.Logline or PitchSections.Synopsis or PitchSections.Structure => StateKeys.Outline,
        PitchSections.Characters => StateKeys.Characters,
        PitchSections.Comparables or PitchSections.AudienceAndMarket or PitchSections.ProductionNotes => StateKeys.Market,
        PitchSections.Casting => StateKeys.Casting,
        _ => StateKeys.Pitch,
    };

    /// <summary>The agent whose work a section presents.</summary>
    public static string SourceAgent(string section) => SourceKey(section) switch
    {
        StateKeys.Outline => AgentNames.Screenwriter,
        StateKeys.Characters => AgentNames.CharacterDeveloper,
        StateKeys.Market => AgentNames.BoxOffice,
        StateKeys.Casting => AgentNames.CastingDirector,
        _ => AgentNames.PitchWriter,
    };

    /// <summary>The sections presenting a state key's content.</summary>
    public static IReadOnlyList<string> SectionsFrom(string key) => [.. PitchSections.All.Where(s => SourceKey(s) == key)];

    public static bool IsEmpty(PitchDocument pitch, string section) => section switch
    {
        PitchSections.Title => string.IsNullOrWhiteSpace(pitch.Title),
        PitchSections.Logline => string.IsNullOrWhiteSpace(pitch.Logline),
        PitchSections.Overview => string.IsNullOrWhiteSpace(pitch.Genre) && string.IsNullOrWhiteSpace(pitch.Format) && string.IsNullOrWhiteSpace(pitch.Runtime),
        PitchSections.Synopsis => string.IsNullOrWhiteSpace(pitch.Synopsis),
        PitchSections.Characters => pitch.Characters.Count == 0,
        PitchSections.WorldAndTone => string.IsNullOrWhiteSpace(pitch.WorldAndTone),
        PitchSections.Structure => pitch.Acts.Count == 0,
        PitchSections.Themes => pitch.Themes.Count == 0,
        PitchSections.Comparables => pitch.Comparables.Count == 0,
        PitchSections.AudienceAndMarket => string.IsNullOrWhiteSpace(pitch.AudienceAndMarket),
        PitchSections.Casting => pitch.Casting.Count == 0,
        PitchSections.ProductionNotes => string.IsNullOrWhiteSpace(pitch.ProductionNotes) && string.IsNullOrWhiteSpace(pitch.BudgetRange),
        PitchSections.WritersStatement => string.IsNullOrWhiteSpace(pitch.WritersStatement),
        _ => throw new ArgumentException($"Unknown pitch section '{section}'.", nameof(section)),
    };

    /// <summary><paramref name="target"/> with one section taken from <paramref name="source"/>.</summary>
    public static PitchDocument CopySection(PitchDocument source, PitchDocument target, string section) => section switch
    {
        PitchSections.Title => target with { Title = source.Title },
        PitchSections.Logline => target with { Logline = source.Logline },
        PitchSections.Overview => target with { Genre = source.Genre, Format = source.Format, Runtime = source.Runtime },
        PitchSections.Synopsis => target with { Synopsis = source.Synopsis },
        PitchSections.Characters => target with { Characters = source.Characters },
        PitchSections.WorldAndTone => target with { WorldAndTone = source.WorldAndTone },
        PitchSections.Structure => target with { Acts = source.Acts },
        PitchSections.Themes => target with { Themes = source.Themes },
        PitchSections.Comparables => target with { Comparables = source.Comparables },
        PitchSections.AudienceAndMarket => target with { AudienceAndMarket = source.AudienceAndMarket },
        PitchSections.Casting => target with { Casting = source.Casting },
        PitchSections.ProductionNotes => target with { ProductionNotes = source.ProductionNotes, BudgetRange = source.BudgetRange },
        PitchSections.WritersStatement => target with { WritersStatement = source.WritersStatement },
        _ => throw new ArgumentException($"Unknown pitch section '{section}'.", nameof(section)),
    };
}
