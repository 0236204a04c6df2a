using System.Text.RegularExpressions;
using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// Reads a free-text concept with simple, predictable heuristics (no NLP library): proper names and places, the
/// protagonist's description, the threat or central object, and the key nouns. Good enough to make the offline pitch
/// recognisably about the writer's idea, and deterministic.
/// </summary>
internal static partial class ConceptAnalyzer
{
    private static readonly HashSet<string> s_stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "into", "onto", "from", "with", "without", "for", "by", "as",
        "who", "whom", "whose", "that", "which", "what", "when", "where", "while", "after", "before", "until", "because", "if", "than",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "must", "can", "could", "will",
        "would", "should", "may", "might", "shall", "her", "his", "their", "its", "our", "my", "your", "she", "he", "they", "it", "them",
        "him", "this", "these", "those", "there", "here", "then", "so", "not", "no", "all", "every", "each", "some", "any", "one", "two",
        "three", "only", "own", "just", "even", "also", "very", "most", "more", "about", "over", "under", "between", "through", "across",
        "discovers", "discover", "finds", "find", "learns", "realises", "realizes", "becomes", "tries", "wants", "needs", "gets", "goes",
        "takes", "makes", "starts", "begins", "decides", "struggles", "steals", "rolling", "living", "thing", "things", "something",
        "someone", "everything", "everyone", "nothing", "people", "way", "life", "lives", "world", "time", "day", "days", "year", "years",
        "new", "old", "young", "last", "first", "other", "another", "himself", "herself", "themselves", "itself", "story", "film", "movie",
        "forced", "trying", "same", "whole", "entire", "run", "runs", "ran", "keeps", "keep", "comes", "come", "goes", "works", "hides", "falls", "repeats",
        "picks", "book", "books", "share", "shares", "blames", "rebuilds", "redrawing", "uncovers", "hunts", "loses", "wins", "against", "around", "behind", "beyond", "within", "upon", "out", "up", "down", "off", "away", "back",
    };

    private static readonly HashSet<string> s_descriptorStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "who", "whose", "that", "in", "on", "at", "from", "with", "after", "when", "must", "is", "are", "has", "discovers", "finds",
        "learns", "realises", "realizes", "becomes", "tries", "wants", "begins", "decides", "struggles", "falls", "uncovers", "returns",
        "inherits", "wakes", "gets", "takes", "joins", "accidentally", "secretly", "suddenly", "and", "teams", "investigates", "meets",
        "à", "en", "au", "dans", "de", "que", "qui", "em", "na", "no", "nel", "bei", "im", "aus", "con", "y", "et",
    };

    /// <summary>Analyses a brief; when the characters already exist, their names are kept (protagonist, antagonist, ally, mentor, family).</summary>
    public static Concept Analyze(Brief brief, CharacterList? cast = null)
    {
        var concept = string.IsNullOrWhiteSpace(brief.Concept) ? brief.Title : brief.Concept;
        var genre = GenreCatalog.Match(brief.Genre, concept);
        var random = StableRandom.For(concept, brief.Genre, brief.Title, "names");
        var parsed = ConceptParser.Parse(concept);

        var personName = parsed.Name;
        var descriptor = parsed.Descriptor ?? Descriptor(concept, personName);
        if (parsed.Descriptor is null && (Lexicon.Stop.Contains(descriptor.Split(' ')[0]) || Lexicon.IsPlural(descriptor.Split(' ')[^1]) || personName is not null))
        {
            // No subject to describe ("Robots.", "What if ..."): a neutral description beats a fragment of the sentence.
            descriptor = personName is null ? "reluctant hero" : descriptor;
        }
        var pronouns = parsed.GroupPhrase is not null ? Pronouns.They : PronounsOf(concept, descriptor);
        var older = descriptor.Split(' ').Any(Lexicon.OlderWords.Contains);
        var places = parsed.Places.ToList();
        var nouns = KeyNouns(concept, personName, places, parsed.Relatives, descriptor);
        if (nouns.Count == 0)
        {
            // A one-word concept ("Robots.") is its own key noun.
            nouns = [.. Words().Matches(concept).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !Lexicon.Stop.Contains(w)).Distinct().Take(3)];
        }
        var setting = parsed.Location ?? genre.DefaultSetting;
        var place = parsed.Place ?? $"the {setting}";
        var force = parsed.Object?.Head ?? nouns.FirstOrDefault(n => !Lexicon.PlaceNouns.Contains(n) && !descriptor.Contains(n, StringComparison.OrdinalIgnoreCase)) ?? genre.DefaultForce;
        var keyNouns = nouns.Where(n => n != force && !force.Split(' ').Contains(n, StringComparer.OrdinalIgnoreCase)).Prepend(force).Take(6).ToList();

        var hero = personName ?? $"{random.Pick(pronouns == Pronouns.He ? GenreCatalog.MaleNames : pronouns == Pronouns.She ? GenreCatalog.FemaleNames : GenreCatalog.NeutralNames)} {random.Pick(GenreCatalog.Surnames)}";
        var used = new HashSet<string>(StringComparer.Ordinal) { hero.Split(' ')[0], hero.Split(' ')[^1] };
        string Fresh(IReadOnlyList<string> names)
        {
            var name = names.Where(n => !used.Contains(n)).ToList() is { Count: > 0 } free ? random.Pick(free) : random.Pick(names);
            used.Add(name);
            return name;
        }
        string Name(IReadOnlyList<string> firstNames) => $"{Fresh(firstNames)} {Fresh(GenreCatalog.Surnames)}";
        var antagonist = Name(GenreCatalog.MaleNames.Concat(GenreCatalog.FemaleNames).ToList());
        var ally = Name(GenreCatalog.NeutralNames.Concat(GenreCatalog.FemaleNames).ToList());
        var mentor = Name(GenreCatalog.MaleNames.Concat(GenreCatalog.NeutralNames).ToList());
        // Family shares the protagonist's surname: a relative is visibly kin.
        var surname = hero.Contains(' ', StringComparison.Ordinal) ? " " + hero.Split(' ')[^1] : "";
        var family = parsed.Relatives.Take(1).Select(r => (r, (r.Name ?? Fresh(r.Pronouns == Pronouns.She ? GenreCatalog.FemaleNames : r.Pronouns == Pronouns.He ? GenreCatalog.MaleNames : GenreCatalog.NeutralNames)) + surname)).ToList();

        if (cast?.Characters is { Count: >= 4 } known)
        {
            (hero, antagonist, ally, mentor) = (known[0].Name, known[1].Name, known[2].Name, known[3].Name);
            family = [.. family.Select((f, i) => known.Count > 4 + i ? (f.r, known[4 + i].Name) : f)];
        }

        var draft = new Concept(brief, genre, hero, descriptor, pronouns, older, place, setting, force, keyNouns, antagonist, ally, mentor, "")
        {
            HeroPhrase = parsed.GroupPhrase ?? (parsed.Descriptor is { } d ? $"{parsed.Article ?? "a"} {d}" + (parsed.Clause is { } c ? $" {c}" : "") : personName ?? ""),
            IsPair = parsed.GroupPhrase is not null,
            Event = parsed.Event,
            Dilemma = parsed.Dilemma,
            ForcePhrase = parsed.Object?.Phrase ?? $"the {force}",
            ForcePlural = parsed.Object?.Plural ?? Lexicon.IsPlural(force),
            Where = parsed.PlaceFull ?? parsed.Era,
            WherePreposition = parsed.PlaceFull is null ? "in" : parsed.PlacePreposition,
            Family = family,
        };
        draft = draft with { Lead = Lead(draft, parsed) };
        var title = !string.IsNullOrWhiteSpace(brief.Title)
            ? brief.Title.Trim()
            : Concept.TitleCase(draft.Fill(random.Pick(genre.TitleTemplates)));
        return draft with { Title = title };
    }

    /// <summary>"Elias Duval, a grieving father", "Maren Okafor, a lonely archivist in the drowned Venice of 2090", "Sam and Ari, two rival bakers in Lyon".</summary>
    private static string Lead(Concept concept, ParsedConcept parsed)
    {
        var story = $"{parsed.Event} {parsed.Dilemma}";
        var where = concept.Where is { } w && !story.Contains(parsed.Place ?? w, StringComparison.Ordinal) ? $" {concept.WherePreposition} {w}"
            : parsed.LocationPhrase is { } l && !story.Contains(l, StringComparison.Ordinal) ? $" {l}"
            : "";
        if (parsed.GroupPhrase is { } group)
        {
            // A pair shares the lead; a larger group is led by the protagonist. Either way the verb stays plural.
            return group.StartsWith("two ", StringComparison.Ordinal) || group.StartsWith("a pair", StringComparison.Ordinal) || group.StartsWith("twin", StringComparison.Ordinal)
                ? $"{concept.Hero} and {concept.Ally}, {group}{where}"
                : $"{group}{where}, led by {concept.Hero}";
        }
        if (parsed.Descriptor is null)
        {
            return concept.Hero + (where.Length > 0 && parsed.Name is null ? $", a {concept.HeroDescriptor}{where}" : "");
        }
        return $"{concept.Hero}, {parsed.Article ?? "a"} {parsed.Descriptor}{where}" + (parsed.Clause is { } c ? $" {c}" : "");
    }

    private static Pronouns PronounsOf(string concept, string descriptor)
    {
        var words = Words().Matches(concept.ToLowerInvariant()).Select(m => m.Value).ToList();
        var she = words.Count(w => w is "she" or "her" or "herself");
        var he = words.Count(w => w is "he" or "him" or "his" or "himself");
        if (descriptor.Split(' ').Select(w => Lexicon.GenderedNouns.GetValueOrDefault(w)).FirstOrDefault(p => p is not null) is { } gendered)
        {
            return gendered;
        }
        return she > he ? Pronouns.She : he > she ? Pronouns.He : Pronouns.They;
    }

    private static string Descriptor(string concept, string? person)
    {
        var words = Words().Matches(concept).Select(m => m.Value).ToList();
        var start = 0;
        while (start < words.Count && words[start].ToLowerInvariant() is "a" or "an" or "the" or "when" or "after" or "in" or "once"
            or "un" or "une" or "le" or "la" or "el" or "los" or "las" or "il" or "lo" or "der" or "die" or "das" or "ein" or "eine" or "o" or "uma" or "um")
        {
            start++;
        }
        var picked = new List<string>();
        for (var i = start; i < words.Count && picked.Count < 4; i++)
        {
            var w = words[i];
            if (s_descriptorStops.Contains(w) || (person is not null && person.Contains(w, StringComparison.Ordinal)))
            {
                break;
            }
            picked.Add(w.ToLowerInvariant());
        }
        if (picked.Count > 1 && Lexicon.GroupNumbers.Contains(picked[0]))
        {
            // "Two rival wedding caterers": the protagonist is one of them.
            picked.RemoveAt(0);
            var last = picked[^1];
            picked[^1] = last.EndsWith("ies", StringComparison.Ordinal) ? last[..^3] + "y" : last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) ? last[..^1] : last;
        }
        return picked.Count > 0 ? string.Join(' ', picked) : "reluctant hero";
    }

    private static List<string> KeyNouns(string concept, string? person, List<string> places, IReadOnlyList<Relative> relatives, string descriptor)
    {
        var result = new List<string>();
        void Add(string word)
        {
            var w = word.ToLowerInvariant();
            if (w.Length >= 3 && !s_stop.Contains(w) && !w.EndsWith("ly", StringComparison.Ordinal) && !result.Contains(w)
                && (person is null || !person.Contains(word, StringComparison.Ordinal)) && !places.Any(p => p.Contains(word, StringComparison.Ordinal))
                && !Lexicon.Holidays.Contains(word) && !relatives.Any(r => r.Relation == w) && !Lexicon.TimeNouns.Contains(w)
                && !(w.EndsWith("ed", StringComparison.Ordinal) && !Lexicon.PlaceNouns.Contains(w)) && !descriptor.Split(' ').Contains(Lexicon.Singular(w))
                && !places.Any(p => p.Contains(w, StringComparison.OrdinalIgnoreCase)) && !Lexicon.Verbs.Contains(w) && w is not "self" and not "happens")
            {
                result.Add(w);
            }
        }
        // Heads of determiner phrases first ("the fog", "her village"): in a logline these are the story's nouns.
        foreach (var phrase in Phrases(concept))
        {
            Add(phrase.Split(' ')[^1]);
        }
        foreach (Match m in Words().Matches(concept))
        {
            if (m.Value.Length >= 5 && !char.IsUpper(m.Value[0]) && !IsPossessive(m.Value))
            {
                Add(m.Value);
            }
        }
        return result;
    }

    [GeneratedRegex(@"[A-Za-zÀ-ÖØ-öø-ÿ'’-]+")]
    private static partial Regex Words();

    /// <summary>
    /// Noun phrases after a determiner, reduced to their last one or two plain words: "the same royal wedding" →
    /// "royal wedding", "his late wife's boat" → "boat", "the fog rolling in" → "fog".
    /// </summary>
    private static IEnumerable<string> Phrases(string concept)
    {
        foreach (Match m in DeterminerPhrase().Matches(concept))
        {
            var words = m.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(s_stop.Contains)
                .TakeWhile(w => !s_stop.Contains(w))
                .ToList();
            var possessive = words.FindLastIndex(IsPossessive);
            var plain = words.Skip(possessive + 1).ToList();
            if (plain.Count > 0)
            {
                yield return string.Join(' ', plain.TakeLast(2)).ToLowerInvariant();
            }
        }
    }

    private static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:the|a|an|her|his|their|its|of|into)\s+(?<words>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2})")]
    private static partial Regex DeterminerPhrase();
}
