namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// Everything genre-specific the offline model writes from: structure (act titles, named beats), vocabulary
/// (loglines, world, themes), characters' shapes, market facts. Templates use <see cref="Concept.Fill"/> placeholders.
/// </summary>
internal sealed record GenreProfile
{
    public required string Key { get; init; }
    public required string DisplayName { get; init; }
    public required IReadOnlyList<string> Keywords { get; init; }
    public required string DefaultSetting { get; init; }
    public required string DefaultForce { get; init; }
    public required IReadOnlyList<string> ActTitles { get; init; }
    public required IReadOnlyList<BeatTemplate> Beats { get; init; }
    public required string Logline { get; init; }
    /// <summary>What the protagonist must do when the concept names no choice of its own ("expose the truth about {the_force}").</summary>
    public required string Goal { get; init; }
    /// <summary>The genre's clock or cost, closing a logline built on the concept's own clause ("before {antagonist_first} ...").</summary>
    public required string Tail { get; init; }
    /// <summary>A second logline shape, used when the writer asks for a revision.</summary>
    public required string AltLogline { get; init; }
    public required IReadOnlyList<string> TitleTemplates { get; init; }
    public required string Synopsis { get; init; }
    public required string World { get; init; }
    public required IReadOnlyList<string> Themes { get; init; }
    public required CharacterTemplate Hero { get; init; }
    public required CharacterTemplate Antagonist { get; init; }
    public required CharacterTemplate Ally { get; init; }
    public required CharacterTemplate Mentor { get; init; }
    /// <summary>What the critic says the first draft lacks, genre by genre.</summary>
    public required string StakesNote { get; init; }
    public required IReadOnlyList<ComparableTemplate> Comparables { get; init; }
    public required string Audience { get; init; }
    public required string BudgetLow { get; init; }
    public required string BudgetMid { get; init; }
    public required string BudgetHigh { get; init; }
    public required IReadOnlyList<string> Risks { get; init; }
    public required string Production { get; init; }
    public required string Statement { get; init; }
    public required IReadOnlyList<(string Topic, string Note)> Research { get; init; }
    public string Runtime { get; init; } = "95–110 minutes";
    /// <summary>Genre-specific revisions of flagged beats, over <see cref="StoryWriter.Fixes"/>.</summary>
    public IReadOnlyDictionary<string, string> Fixes { get; init; } = new Dictionary<string, string>();
}

/// <summary>A named beat in an act.</summary>
internal sealed record BeatTemplate(int Act, string Name, string Text);

/// <summary>A character's shape: role, want, need and arc.</summary>
internal sealed record CharacterTemplate(string Role, string Want, string Need, string Arc);

/// <summary>A real title used as an illustrative comparable (no figures: the offline model has no sources).</summary>
internal sealed record ComparableTemplate(string Title, int Year, string Why);
