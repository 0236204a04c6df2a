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

    /// <summary>A seeded generator for one purpose (e.g. "casting"); the same brief always gives the same choices.</summary>
    public StableRandom Random(string purpose, string? extra = null) => StableRandom.For(Brief.Concept, Brief.Genre, Brief.Title, purpose, extra);

    /// <summary>Fills <c>{placeholders}</c> with this concept's names and nouns.</summary>
    public string Fill(string template)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
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
        var filled = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        // A placeholder can open a sentence ("{place} at dusk" with "the Atacama Array").
        return SentenceStart().Replace(filled, m => m.Value.ToUpperInvariant());
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    public static string TitleCase(string text)
        => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) =>
            i > 0 && s_minorWords.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : Capitalise(w)));

    private static readonly HashSet<string> s_minorWords = ["a", "an", "the", "of", "in", "on", "at", "and", "to", "for", "from"];

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
