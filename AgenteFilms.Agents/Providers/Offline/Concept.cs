using System.Globalization;
using System.Text.RegularExpressions;
using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// What the offline model understands of a brief: who the story is about, where, against what, and the concept's
/// key nouns, so that every agent's output is visibly about this concept.
/// </summary>
internal sealed partial record Concept(
    Brief Brief,
    GenreProfile Genre,
    string Hero,
    string HeroDescriptor,
    Pronouns Pronouns,
    bool HeroIsOlder,
    string Place,
    string Setting,
    string Force,
    IReadOnlyList<string> KeyNouns,
    string Antagonist,
    string Ally,
    string Mentor,
    string Title)
{
    public string HeroFirst => Hero.Split(' ')[0];

    public string AntagonistFirst => Antagonist.Split(' ')[0];

    public string AllyFirst => Ally.Split(' ')[0];

    public string MentorFirst => Mentor.Split(' ')[0];

    /// <summary>The protagonist as the concept describes them: "a lonely archivist", "two rival bakers".</summary>
    public string HeroPhrase { get; init; } = "";

    /// <summary>True when the concept's subject is a pair or group ("two rival bakers"): the ally is the other lead.</summary>
    public bool IsPair { get; init; }

    /// <summary>Who the logline opens with: "Elias Duval, a grieving father" or "Sam Duval and Ari Moreau, two rival bakers in Lyon".</summary>
    public string Lead { get; init; } = "";

    /// <summary>The concept's own main clause, in the third person ("discovers that the city's flood barriers ...").</summary>
    public string? Event { get; init; }

    /// <summary>The choice or task the concept gives ("choose between her sister's past and the city's future").</summary>
    public string? Dilemma { get; init; }

    /// <summary>The central object with its determiner: "the city's flood barriers"; <see cref="Force"/> is its head.</summary>
    public string ForcePhrase { get; init; } = "";

    public bool ForcePlural { get; init; }

    public string WherePreposition { get; init; } = "in";

    /// <summary>The place with era or occasion as the concept gives it: "the drowned Venice of 2090", "Oslo on Christmas Eve".</summary>
    public string? Where { get; init; }

    /// <summary>Relatives the concept mentions, with the names the pitch gives them.</summary>
    public IReadOnlyList<(Relative Relative, string Name)> Family { get; init; } = [];

    /// <summary>
    /// The logline: built on the concept's own clause when it has one ("When {lead}, {event}, {she} must ..."), so the
    /// writer recognises their idea; otherwise the genre's template.
    /// </summary>
    public string Logline()
    {
        var goal = Dilemma ?? Genre.Goal;
        if (Event is not null)
        {
            return Fill($"When {{lead}}, {Escape(Event)}, {{lead_she}} must {(Dilemma is null ? goal : Escape(goal))}{TailFor(goal)}.");
        }
        return Dilemma is not null
            ? Fill($"{{Lead}}{(Lead.Contains(", ", StringComparison.Ordinal) ? "," : "")} must {Escape(Dilemma)}{TailFor(Dilemma)}.")
            : Fill(Genre.Logline);
    }

    /// <summary>The genre's closing clock, unless the concept already set one ("... before it happens").</summary>
    private string TailFor(string goal)
        => goal.Contains(" before ", StringComparison.Ordinal) || goal.Contains(" until ", StringComparison.Ordinal) ? "" : " — " + Genre.Tail;

    private static string Escape(string text) => text.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal);

    /// <summary>A seeded generator for one purpose (e.g. "casting"); the same brief always gives the same choices.</summary>
    public StableRandom Random(string purpose, string? extra = null) => StableRandom.For(Brief.Concept, Brief.Genre, Brief.Title, purpose, extra);

    /// <summary>Fills <c>{placeholders}</c> with this concept's names and nouns.</summary>
    public string Fill(string template)
    {
        var leadPronouns = IsPair ? Pronouns.They : Pronouns;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lead"] = Lead, ["Lead"] = Capitalise(Lead), ["lead_she"] = leadPronouns.Subject, ["lead_her"] = leadPronouns.Object,
            ["lead_hers"] = leadPronouns.Possessive, ["lead_has"] = leadPronouns.Subject == "they" ? "have" : "has",
            ["the_force"] = ForcePhrase.Length > 0 ? ForcePhrase : $"the {Force}", ["where"] = Where ?? Place, ["force_is"] = ForcePlural ? "are" : "is",
            ["hero"] = Hero, ["first"] = HeroFirst, ["desc"] = HeroDescriptor, ["place"] = Place, ["setting"] = Setting,
            ["force"] = Force, ["Force"] = Capitalise(Force), ["noun1"] = KeyNouns.ElementAtOrDefault(0) ?? Force,
            ["noun2"] = KeyNouns.ElementAtOrDefault(1) ?? Setting, ["noun3"] = KeyNouns.ElementAtOrDefault(2) ?? Place,
            ["antagonist"] = Antagonist, ["antagonist_first"] = AntagonistFirst, ["ally"] = Ally, ["ally_first"] = AllyFirst,
            ["mentor"] = Mentor, ["mentor_first"] = MentorFirst, ["title"] = Title,
            ["she"] = Pronouns.Subject, ["her"] = Pronouns.Object, ["hers"] = Pronouns.Possessive, ["She"] = Capitalise(Pronouns.Subject), ["theirs"] = Pronouns.Absolute,
            ["Hers"] = Capitalise(Pronouns.Possessive), ["is"] = Pronouns.Subject == "they" ? "are" : "is",
            ["has"] = Pronouns.Subject == "they" ? "have" : "has", ["s"] = Pronouns.Subject == "they" ? "" : "s",
            ["genre"] = Genre.DisplayName.ToLowerInvariant(),
        };
        if (ForcePlural)
        {
            // Templates are written for a singular object; "the flood barriers appears" must read "appear".
            template = ArticleBeforeForce().Replace(template, "");
            template = VerbAfterForce().Replace(template, m => m.Groups[1].Value + Plural(m.Groups[2].Value));
        }
        var filled = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        filled = AnBeforeVowel().Replace(filled, m => m.Groups[1].Value + "n ");
        filled = ABeforeConsonant().Replace(filled, m => m.Groups[1].Value + " ");
        // A placeholder can open a sentence ("{place} at dusk" with "the Atacama Array").
        return SentenceStart().Replace(filled, m => m.Value.ToUpperInvariant());
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    public static string TitleCase(string text)
        => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) =>
            i > 0 && s_minorWords.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : Capitalise(w)));

    private static readonly HashSet<string> s_minorWords = ["a", "an", "the", "of", "in", "on", "at", "and", "to", "for", "from"];

    private static string Plural(string verb) => verb switch
    {
        "is" => "are",
        "has" => "have",
        "was" => "were",
        "doesn't" => "don't",
        "does" => "do",
        _ when verb.EndsWith("es", StringComparison.Ordinal) && (verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal) || verb.EndsWith("sses", StringComparison.Ordinal)) => verb[..^2],
        _ => verb[..^1],
    };

    [GeneratedRegex(@"\b[Aa]n? (?=\{force\})")]
    private static partial Regex ArticleBeforeForce();

    [GeneratedRegex(@"(\{[Ff]orce\} )(is|has|was|doesn't|does|(?!as\b|across\b|plus\b|towards\b|perhaps\b|always\b)[a-z]+[^s\W]s)\b")]
    private static partial Regex VerbAfterForce();

    [GeneratedRegex(@"\b([Aa]) (?=[aeiouAEIOU])(?!uni|use|usu|eu|one\b|once|ur[aeiou])")]
    private static partial Regex AnBeforeVowel();

    [GeneratedRegex(@"\b([Aa])n (?=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])(?!hour|honest|heir|honou?r)")]
    private static partial Regex ABeforeConsonant();

    [GeneratedRegex(@"(?:^|(?<=[.!?]\s))\p{Ll}")]
    private static partial Regex SentenceStart();

    [GeneratedRegex(@"\{([A-Za-z_0-9]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Pronoun forms for the protagonist, taken from the concept's own pronouns (they/them when it gives none).</summary>
internal sealed record Pronouns(string Subject, string Object, string Possessive, string Absolute)
{
    public static readonly Pronouns She = new("she", "her", "her", "hers");
    public static readonly Pronouns He = new("he", "him", "his", "his");
    public static readonly Pronouns They = new("they", "them", "their", "theirs");
}
