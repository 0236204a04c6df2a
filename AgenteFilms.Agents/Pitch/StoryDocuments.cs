using System.Text.Json.Serialization;
using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Pitch;

/// <summary>The writer's brief (state key <c>brief</c>): the concept and the constraints every agent works from.</summary>
public sealed record Brief
{
    public string Title { get; init; } = "";
    public string Concept { get; init; } = "";
    /// <summary>Free text; the offline model matches known genres case-insensitively.</summary>
    public string Genre { get; init; } = "";
    public string Tone { get; init; } = "";
    /// <summary>e.g. "Feature film", "Limited series".</summary>
    public string Format { get; init; } = "";
    public string Audience { get; init; } = "";
    /// <summary>e.g. "low", "mid", "high".</summary>
    public string BudgetTier { get; init; } = "";
    /// <summary>Anything else the writer asked for (the showrunner appends here).</summary>
    public string Notes { get; init; } = "";

    /// <summary>Brief field names the showrunner's <c>update_brief</c> tool accepts.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["title", "concept", "genre", "tone", "format", "audience", "budgetTier", "notes"];

    /// <summary>A copy with one field changed; null for an unknown field.</summary>
    public Brief? With(string field, string value) => field.Trim().ToLowerInvariant() switch
    {
        "title" => this with { Title = value },
        "concept" => this with { Concept = value },
        "genre" => this with { Genre = value },
        "tone" => this with { Tone = value },
        "format" => this with { Format = value },
        "audience" => this with { Audience = value },
        "budgettier" or "budget_tier" or "budget" => this with { BudgetTier = value },
        "notes" => this with { Notes = string.IsNullOrWhiteSpace(Notes) ? value : $"{Notes}\n{value}" },
        _ => null,
    };
}

/// <summary>The researcher's notes (state key <c>research</c>). Offline there is no research source: notes say so.</summary>
public sealed record ResearchNotes
{
    public IReadOnlyList<ResearchNote> Notes { get; init; } = [];
    public string Summary { get; init; } = "";
}

/// <summary>One research note; <see cref="Source"/> is null when unsourced.</summary>
public sealed record ResearchNote(string Topic, string Note, string? Source = null);

/// <summary>The screenwriter's outline (state key <c>outline</c>): title, logline and a three-act beat sheet.</summary>
public sealed record StoryOutline
{
    public string Title { get; init; } = "";
    public string Logline { get; init; } = "";
    /// <summary>The premise in a sentence or two (the brief's concept, restated).</summary>
    public string Premise { get; init; } = "";
    /// <summary>The genre the outline was written in (agents downstream may not read the brief).</summary>
    public string Genre { get; init; } = "";
    public string Synopsis { get; init; } = "";
    public string WorldAndTone { get; init; } = "";
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<PitchAct> Acts { get; init; } = [];
    /// <summary>1 for the first draft; increases with each writers'-room pass.</summary>
    public int Revision { get; init; } = 1;
    /// <summary>The critic's notes this revision answered, if any.</summary>
    public IReadOnlyList<string> AddressedNotes { get; init; } = [];
}

/// <summary>The character developer's cast of characters (state key <c>characters</c>).</summary>
public sealed record CharacterList
{
    public IReadOnlyList<PitchCharacter> Characters { get; init; } = [];
}

/// <summary>The critic's rubric (state key <c>critique</c>).</summary>
public sealed record Critique
{
    public const string Pass = "pass";
    public const string Revise = "revise";

    /// <summary>Rubric criteria, in order.</summary>
    public static readonly IReadOnlyList<string> Criteria = ["structure", "character", "stakes", "originality", "market_fit"];

    /// <summary>The writers'-room iteration this critique judged.</summary>
    public int Iteration { get; init; }
    /// <summary><see cref="Pass"/> when the critic called <c>exit_loop</c>, else <see cref="Revise"/>.</summary>
    public string Verdict { get; init; } = Revise;
    /// <summary>Criterion → score out of 10.</summary>
    public IReadOnlyDictionary<string, int> Scores { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<CritiqueNote> Notes { get; init; } = [];
    public string Summary { get; init; } = "";

    [JsonIgnore]
    public bool Passed => string.Equals(Verdict, Pass, StringComparison.OrdinalIgnoreCase);

    /// <summary>The critique of one iteration, or null when the stored critique is from another iteration.</summary>
    public static Critique? ForIteration(RunState state, int iteration)
        => state.Read<Critique>(StateKeys.Critique) is { } critique && critique.Iteration == iteration ? critique : null;
}

/// <summary>A critic's note tied to a beat (e.g. "Midpoint").</summary>
public sealed record CritiqueNote(string Beat, string Note);

/// <summary>The box-office analyst's report (state key <c>market</c>). Figures are unverified unless sourced.</summary>
public sealed record MarketReport
{
    public IReadOnlyList<Comparable> Comparables { get; init; } = [];
    public string Audience { get; init; } = "";
    public string BudgetRange { get; init; } = "";
    public IReadOnlyList<string> Risks { get; init; } = [];
    public string ProductionNotes { get; init; } = "";
}

/// <summary>The casting director's ideas (state key <c>casting</c>): aspirational, never "attached".</summary>
public sealed record CastingReport
{
    public const string AspirationalNote = "Aspirational ideas only: no one is attached or has been approached.";

    public IReadOnlyList<CastingIdea> Ideas { get; init; } = [];
    public string Disclaimer { get; init; } = AspirationalNote;
}
