namespace AgenteFilms.Agents.Pitch;

/// <summary>
/// The structured, producer-ready pitch document. Immutable: an edit or a regeneration produces a new instance
/// (and a new stored version).
/// </summary>
public sealed record PitchDocument
{
    public string Title { get; init; } = "";
    public string Logline { get; init; } = "";
    public string Genre { get; init; } = "";
    public string Format { get; init; } = "";
    /// <summary>e.g. "105 minutes" or "6 × 50 minutes".</summary>
    public string Runtime { get; init; } = "";
    public string Synopsis { get; init; } = "";
    public IReadOnlyList<PitchCharacter> Characters { get; init; } = [];
    public string WorldAndTone { get; init; } = "";
    public IReadOnlyList<PitchAct> Acts { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<Comparable> Comparables { get; init; } = [];
    public string AudienceAndMarket { get; init; } = "";
    public IReadOnlyList<CastingIdea> Casting { get; init; } = [];
    public string ProductionNotes { get; init; } = "";
    /// <summary>e.g. "$8M–$12M (mid-budget)".</summary>
    public string BudgetRange { get; init; } = "";
    public string WritersStatement { get; init; } = "";

    /// <summary>Who wrote each section (keyed by <see cref="PitchSections"/> names).</summary>
    public IReadOnlyDictionary<string, SectionProvenance> Provenance { get; init; } = new Dictionary<string, SectionProvenance>();
}

/// <summary>A character as pitched: what they want, what they need, and how they change.</summary>
public sealed record PitchCharacter(string Name, string Role, string Want, string Need, string Arc);

/// <summary>One act of the three-act outline with its beats in order.</summary>
public sealed record PitchAct(int Number, string Title, string Summary, IReadOnlyList<PitchBeat> Beats);

/// <summary>A named story beat (e.g. "Inciting incident").</summary>
public sealed record PitchBeat(string Name, string Description);

/// <summary>
/// A comparable title. <see cref="Figures"/> (e.g. box office) are shown as unverified unless <see cref="Source"/> is set.
/// </summary>
public sealed record Comparable(string Title, int? Year, string Why, string? Figures = null, string? Source = null)
{
    public bool IsVerified => !string.IsNullOrWhiteSpace(Source);
}

/// <summary>An aspirational casting idea — never "attached".</summary>
public sealed record CastingIdea(string Character, IReadOnlyList<string> Suggestions, string Rationale);

/// <summary>Which agent (with which model) wrote a section, and whether a person edited it since.</summary>
public sealed record SectionProvenance(string? Agent, string? Model, bool EditedByWriter, DateTime UpdatedAtUtc);

/// <summary>Stable section names, used for provenance, staleness, editing and regeneration.</summary>
public static class PitchSections
{
    public const string Title = "title";
    public const string Logline = "logline";
    public const string Overview = "overview"; // genre, format, runtime
    public const string Synopsis = "synopsis";
    public const string Characters = "characters";
    public const string WorldAndTone = "world_and_tone";
    public const string Structure = "structure"; // acts and beats
    public const string Themes = "themes";
    public const string Comparables = "comparables";
    public const string AudienceAndMarket = "audience_and_market";
    public const string Casting = "casting";
    public const string ProductionNotes = "production_notes"; // notes and budget range
    public const string WritersStatement = "writers_statement";

    public static readonly IReadOnlyList<string> All =
    [
        Title, Logline, Overview, Synopsis, Characters, WorldAndTone, Structure, Themes,
        Comparables, AudienceAndMarket, Casting, ProductionNotes, WritersStatement,
    ];
}
