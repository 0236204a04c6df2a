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

    private static readonly HashSet<string> s_places = new(StringComparer.OrdinalIgnoreCase)
    {
        "village", "town", "city", "island", "ship", "station", "school", "hospital", "farm", "house", "hotel", "prison", "colony",
        "planet", "moon", "outpost", "harbour", "harbor", "port", "valley", "desert", "forest", "mountain", "lake", "coast", "border",
        "kingdom", "neighbourhood", "neighborhood", "suburb", "restaurant", "kitchen", "office", "campus", "lighthouse", "mine",
        "factory", "church", "monastery", "castle", "manor", "apartment", "bakery", "theatre", "theater", "studio", "archive", "library",
    };

    private static readonly HashSet<string> s_numbers = new(StringComparer.OrdinalIgnoreCase) { "two", "three", "four", "five", "several", "some", "pair" };

    private static readonly HashSet<string> s_honorifics = new(StringComparer.Ordinal)
    {
        "Detective", "Doctor", "Dr", "Captain", "Agent", "Officer", "Professor", "Sister", "Father", "Lady", "Lord", "Sir", "Mrs", "Mr",
        "Ms", "Miss", "Inspector", "Sergeant", "Commander", "Judge", "Chef", "Coach", "Aunt", "Uncle", "Grandma", "Grandpa",
    };

    private static readonly HashSet<string> s_olderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "retired", "old", "elderly", "aging", "ageing", "veteran", "widow", "widower", "grandmother", "grandfather", "former", "grizzled",
    };

    private static readonly HashSet<string> s_descriptorStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "who", "whose", "that", "in", "on", "at", "from", "with", "after", "when", "must", "is", "are", "has", "discovers", "finds",
        "learns", "realises", "realizes", "becomes", "tries", "wants", "begins", "decides", "struggles", "falls", "uncovers", "returns",
        "inherits", "wakes", "gets", "takes", "joins", "accidentally", "secretly", "suddenly", "and", "teams", "investigates", "meets",
        "à", "en", "au", "dans", "de", "que", "qui", "em", "na", "no", "nel", "bei", "im", "aus", "con", "y", "et",
    };

    /// <summary>Analyses a brief; when the characters already exist, their names are kept (protagonist, antagonist, ally, mentor).</summary>
    public static Concept Analyze(Brief brief, CharacterList? cast = null)
    {
        var concept = string.IsNullOrWhiteSpace(brief.Concept) ? brief.Title : brief.Concept;
        var genre = GenreCatalog.Match(brief.Genre, concept);
        var random = StableRandom.For(concept, brief.Genre, brief.Title, "names");

        var pronouns = PronounsOf(concept);
        var (personName, places) = ProperNouns(concept);
        var descriptor = Descriptor(concept, personName);
        var older = descriptor.Split(' ').Any(s_olderWords.Contains);
        var nouns = KeyNouns(concept, personName, places);
        var setting = nouns.FirstOrDefault(s_places.Contains) ?? genre.DefaultSetting;
        var place = places.FirstOrDefault() ?? $"the {setting}";
        var describes = descriptor.Split(' ');
        var force = Phrases(concept).FirstOrDefault(p => p.Contains(' ') && !descriptor.Contains(p, StringComparison.OrdinalIgnoreCase) && !s_places.Contains(p.Split(' ')[^1]))
            is { } phrase && nouns.IndexOf(phrase.Split(' ')[^1]) is var at && at >= 0 && at <= FirstForceIndex(nouns, describes)
            ? phrase
            : nouns.FirstOrDefault(n => !s_places.Contains(n) && !describes.Any(d => n.StartsWith(d, StringComparison.OrdinalIgnoreCase))) ?? genre.DefaultForce;
        var keyNouns = nouns.Where(n => n != force).Prepend(force).Take(6).ToList();

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

        if (cast?.Characters is { Count: >= 4 } known)
        {
            (hero, antagonist, ally, mentor) = (known[0].Name, known[1].Name, known[2].Name, known[3].Name);
        }

        var draft = new Concept(brief, genre, hero, descriptor, pronouns, older, place, setting, force, keyNouns, antagonist, ally, mentor, "");
        var title = !string.IsNullOrWhiteSpace(brief.Title)
            ? brief.Title.Trim()
            : Concept.TitleCase(draft.Fill(random.Pick(genre.TitleTemplates)));
        return draft with { Title = title };
    }

    private static Pronouns PronounsOf(string concept)
    {
        var words = Words().Matches(concept.ToLowerInvariant()).Select(m => m.Value).ToList();
        var she = words.Count(w => w is "she" or "her" or "herself");
        var he = words.Count(w => w is "he" or "him" or "his" or "himself");
        return she > he ? Pronouns.She : he > she ? Pronouns.He : Pronouns.They;
    }

    /// <summary>Capitalised runs not at a sentence start; those after a place preposition are places, the first other one a person.</summary>
    private static (string? Person, List<string> Places) ProperNouns(string concept)
    {
        string? person = null;
        var places = new List<string>();
        foreach (Match m in ProperRun().Matches(concept))
        {
            var run = m.Groups["run"].Value.Trim();
            // "at the Atacama Array": the preposition two words back decides.
            var before = m.Groups["before"].Value.Trim().ToLowerInvariant().Split(' ')[0];
            var firstWord = run.Split(' ')[0];
            if (s_stop.Contains(firstWord))
            {
                continue;
            }
            if (s_honorifics.Contains(firstWord) && run.Contains(' '))
            {
                run = run[(firstWord.Length + 1)..];
            }
            // English first; a few common European prepositions so "à Lyon" is a place, not a person.
            if (before is "in" or "at" or "on" or "from" or "to" or "near" or "across" or "of" or "outside" or "under"
                or "à" or "en" or "au" or "dans" or "de" or "em" or "na" or "no" or "nel" or "bei" or "im" or "aus")
            {
                places.Add(m.Groups["before"].Value.Contains(" the", StringComparison.OrdinalIgnoreCase) ? $"the {run}" : run);
            }
            else if (person is null && before is not "the" && (m.Index > 0 || run.Contains(' ')))
            {
                person = run;
            }
        }
        return (person, places);
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
        if (picked.Count > 1 && s_numbers.Contains(picked[0]))
        {
            // "Two rival wedding caterers": the protagonist is one of them.
            picked.RemoveAt(0);
            var last = picked[^1];
            picked[^1] = last.EndsWith("ies", StringComparison.Ordinal) ? last[..^3] + "y" : last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) ? last[..^1] : last;
        }
        return picked.Count > 0 ? string.Join(' ', picked) : "reluctant hero";
    }

    private static List<string> KeyNouns(string concept, string? person, List<string> places)
    {
        var result = new List<string>();
        void Add(string word)
        {
            var w = word.ToLowerInvariant();
            if (w.Length >= 3 && !s_stop.Contains(w) && !w.EndsWith("ly", StringComparison.Ordinal) && !result.Contains(w)
                && (person is null || !person.Contains(word, StringComparison.Ordinal)) && !places.Any(p => p.Contains(word, StringComparison.Ordinal)))
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

    [GeneratedRegex(@"(?<before>\b[A-Za-zà-ÿ]+\s+(?:the\s+)?)?(?<run>\b[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+)*)")]
    private static partial Regex ProperRun();

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

    private static int FirstForceIndex(List<string> nouns, string[] describes)
    {
        var index = nouns.FindIndex(n => !s_places.Contains(n) && !describes.Any(d => n.StartsWith(d, StringComparison.OrdinalIgnoreCase)));
        return index < 0 ? int.MaxValue : index;
    }

    private static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:the|a|an|her|his|their|its|of|into)\s+(?<words>[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2})")]
    private static partial Regex DeterminerPhrase();
}
