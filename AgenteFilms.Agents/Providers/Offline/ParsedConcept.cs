namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>A relative the concept mentions ("her sister", "his late son"): a character or key backstory.</summary>
internal sealed record Relative(string Relation, string? Qualifier, string? Name, Pronouns Pronouns)
{
    /// <summary>"sister", "late son".</summary>
    public string Description => Qualifier is null ? Relation : $"{Qualifier} {Relation}";

    public bool IsDeceased => Qualifier is "late" or "dead";
}

/// <summary>The central object of a concept: "the city's flood barriers" → head "flood barriers".</summary>
internal sealed record ObjectPhrase(string Phrase, string Head, bool Plural);

/// <summary>What <see cref="ConceptParser"/> reads from one concept sentence; every part may be missing.</summary>
internal sealed record ParsedConcept
{
    public string? Name { get; init; }
    public string? Descriptor { get; init; }
    public string? Article { get; init; }
    /// <summary>"who can see the future".</summary>
    public string? Clause { get; init; }
    /// <summary>"two rival bakers": the protagonist is one of a pair or group.</summary>
    public string? GroupPhrase { get; init; }
    public string? Place { get; init; }
    public string? PlaceFull { get; init; }
    /// <summary>The preposition the concept puts before its place: "on Mars", "in Lyon".</summary>
    public string PlacePreposition { get; init; } = "in";
    /// <summary>A described location after the subject: "on a storm-wrecked island".</summary>
    public string? LocationPhrase { get; init; }
    public string? Era { get; init; }
    public string? Occasion { get; init; }
    public string? Location { get; init; }
    public string? Event { get; init; }
    public string? Dilemma { get; init; }
    public ObjectPhrase? Object { get; init; }
    public IReadOnlyList<Relative> Relatives { get; init; } = [];
    public IReadOnlyList<string> Places { get; init; } = [];
    public IReadOnlyList<string> NameRuns { get; init; } = [];
}
