using System.Text.RegularExpressions;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// A small, predictable reader for logline-shaped English: [intro,] subject [in place] verb ... [, and must ...].
/// Capitalised words count as a person's name only with evidence; everything else is a place, a date or a holiday.
/// </summary>
internal static partial class ConceptParser
{
    private sealed record Token(string Text, int Start, bool IsWord)
    {
        public bool IsCap => IsWord && char.IsUpper(Text[0]);
        public string Lower => Text.ToLowerInvariant();
        public int End => Start + Text.Length;
    }

    public static ParsedConcept Parse(string concept)
    {
        var text = FirstSentence(concept.Trim());
        var tokens = Tokenize(text);
        var result = new ParsedConcept();
        if (tokens.Count == 0)
        {
            return result;
        }

        var runs = CapitalRuns(tokens);
        var places = runs.Where(r => r.Kind == RunKind.Place).ToList();
        var era = EraOf(text);
        var occasion = runs.FirstOrDefault(r => r.Kind == RunKind.Occasion)?.Text;

        // An intro sets the scene before the subject: "In a drowned Venice of 2090," / "Christmas Eve in Oslo:".
        var subjectAt = IntroEnd(tokens, runs);
        var (placeRun, placeFull) = PlaceIn(tokens, places, subjectAt > 0 ? 0 : -1, subjectAt);
        string? preposition = placeRun is null ? null : PrepositionBefore(tokens, placeRun.From, 0);
        string? locationPhrase = null;

        var i = subjectAt;
        string? name = null, descriptor = null, article = null, group = null, clause = null;
        var run = runs.FirstOrDefault(r => r.From == i);
        if (run is { Kind: RunKind.Name })
        {
            name = run.Text;
            descriptor = run.Honorific?.ToLowerInvariant();
            i = run.To;
            if (i + 1 < tokens.Count && tokens[i].Text == "," && tokens[i + 1].Lower is "a" or "an" or "the")
            {
                // "Mara, a lighthouse keeper on ...": the appositive is her description.
                (descriptor, article, _, i) = Description(tokens, i + 1);
                if (i < tokens.Count && tokens[i].Text == ",")
                {
                    i++;
                }
            }
        }
        else if (i < tokens.Count && tokens[i].IsWord && (Lexicon.Determiners.Contains(tokens[i].Text) || tokens[i].Lower == "twin") && !Lexicon.PossessivePronouns.Contains(tokens[i].Text))
        {
            (descriptor, article, group, i) = Description(tokens, i);
        }

        if (descriptor is not null || name is not null)
        {
            // Between subject and verb: places ("in Lyon") and a relative clause ("who can see the future").
            while (i < tokens.Count)
            {
                if (tokens[i].IsWord && Lexicon.SubjectPrepositions.Contains(tokens[i].Text) && i + 1 < tokens.Count && !Lexicon.Verbs.Contains(tokens[i + 1].Text))
                {
                    var end = PhraseEnd(tokens, i + 1);
                    if (placeRun is null && places.FirstOrDefault(p => p.From > i && p.From < end) is { } p)
                    {
                        (placeRun, placeFull, preposition) = (p, Span(text, tokens, i + 1, end), tokens[i].Lower);
                    }
                    else if (locationPhrase is null && end > i + 1 && Lexicon.PlaceNouns.Contains(tokens[end - 1].Text))
                    {
                        // "Mara, a lighthouse keeper on a storm-wrecked island": where the protagonist is, as written.
                        locationPhrase = $"{tokens[i].Lower} {Span(text, tokens, i + 1, end)}";
                    }
                    i = end;
                }
                else if (tokens[i].IsWord && tokens[i].Lower is "who" or "whose" && clause is null)
                {
                    var end = i + 1;
                    while (end < tokens.Count && tokens[end].Text is not "," and not ";" && !(end > i + 2 && tokens[end].Lower is "must"))
                    {
                        end++;
                    }
                    clause = Span(text, tokens, i, end);
                    i = end;
                }
                else if (tokens[i].Text == "," && i + 1 < tokens.Count && tokens[i + 1].Lower is "who" or "whose")
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
            if (i < tokens.Count && tokens[i].Text == ",")
            {
                i++;
            }
        }

        string? evt = null, dilemma = null;
        var predicate = i < tokens.Count && (descriptor is not null || name is not null) ? text[tokens[i].Start..].Trim() : null;
        if (predicate is not null && predicate.Length > 0)
        {
            (evt, dilemma) = SplitDilemma(predicate);
        }

        // The central object: the strongest noun phrase of the event (or of the whole concept when there is no event).
        var objectScope = evt ?? dilemma ?? (subjectAt > 0 ? text[tokens[Math.Min(subjectAt, tokens.Count - 1)].Start..] : text);
        var (obj, location) = ObjectAndLocation(objectScope);
        location ??= ObjectAndLocation(text).Location;

        if (placeRun is null && places.Count > 0)
        {
            placeRun = places[0];
            placeFull = null;
            preposition = PrepositionBefore(tokens, placeRun.From, 0);
        }
        var place = placeRun is null ? null : PlaceName(tokens, placeRun);
        var introOccasion = runs.FirstOrDefault(r => r.Kind == RunKind.Occasion && r.From < subjectAt)?.Text;
        placeFull = placeRun is null ? null : FullPlace(placeFull, place!, evt?.Contains(era ?? "\u0000", StringComparison.Ordinal) == true ? null : era, introOccasion);

        return result with
        {
            Name = name,
            Descriptor = descriptor,
            Article = article,
            Clause = clause,
            GroupPhrase = group,
            Place = place,
            PlaceFull = placeFull,
            PlacePreposition = preposition ?? "in",
            LocationPhrase = locationPhrase,
            Era = era,
            Occasion = occasion,
            Location = location,
            Event = evt,
            Dilemma = dilemma,
            Object = obj,
            Relatives = Relatives(text, runs),
            Places = places.Select(p => p.Text).Distinct().ToList(),
            NameRuns = runs.Where(r => r.Kind == RunKind.Name).Select(r => r.Text).ToList(),
        };
    }

    private static string FirstSentence(string text)
    {
        var m = SentenceEnd().Match(text);
        return (m.Success ? text[..m.Index] : text).TrimEnd('.', '!', '?', ' ');
    }

    private static List<Token> Tokenize(string text)
        => [.. TokenPattern().Matches(text).Select(m => new Token(m.Value, m.Index, char.IsLetterOrDigit(m.Value[0])))];

    private static string Span(string text, List<Token> tokens, int from, int to)
        => from >= to || from >= tokens.Count ? "" : text[tokens[from].Start..tokens[Math.Min(to, tokens.Count) - 1].End];

    // ---- intro and subject ----

    private static int IntroEnd(List<Token> tokens, List<Run> runs)
    {
        var first = tokens[0];
        var opensWithScene = (first.IsWord && Lexicon.IntroOpeners.Contains(first.Text))
            || runs.FirstOrDefault(r => r.From == 0) is { Kind: RunKind.Place or RunKind.Occasion }
            || Year().IsMatch(first.Text);
        if (!opensWithScene)
        {
            return 0;
        }
        for (var i = 1; i < tokens.Count && i < 20; i++)
        {
            if (tokens[i].Text is "," or ":" or ";" or "—" or "–")
            {
                return i + 1;
            }
        }
        // No comma: the scene ends where a new determiner follows a capitalised word or a year ("In Oslo a cab driver ...").
        for (var i = 2; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Lower is "a" or "an" or "two" or "three" && (tokens[i - 1].IsCap || Year().IsMatch(tokens[i - 1].Text)))
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>The subject's description from its determiner to its verb: "a lonely archivist", "two rival bakers".</summary>
    private static (string? Descriptor, string? Article, string? Group, int Next) Description(List<Token> tokens, int at)
    {
        var article = tokens[at].Lower;
        var group = Lexicon.GroupNumbers.Contains(article) || (article == "a" && at + 2 < tokens.Count && tokens[at + 1].Lower == "pair" && tokens[at + 2].Lower == "of");
        var i = at + (article == "a" && group ? 3 : 1);
        var words = new List<string>();
        while (i < tokens.Count && tokens[i].IsWord && words.Count < 5)
        {
            var t = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (Lexicon.Stop.Contains(t.Text) || Lexicon.PlacePrepositions.Contains(t.Text) || Lexicon.RelativeWords.Contains(t.Text) || (words.Count > 0 && Lexicon.Verbs.Contains(t.Text))
                || (words.Count > 0 && !group && LooksLikeVerb(t, next)))
            {
                break;
            }
            words.Add(t.IsCap && !Lexicon.KnownPlaces.Contains(t.Text) ? t.Text : t.Lower);
            i++;
        }
        if (words.Count == 0)
        {
            return (null, null, null, at);
        }
        var phrase = string.Join(' ', words);
        if (group)
        {
            var groupPhrase = $"{(article == "a" ? "a pair of" : article)} {phrase}";
            words[^1] = Lexicon.Singular(words[^1]);
            return (string.Join(' ', words), "a", groupPhrase, i);
        }
        return (phrase, article is "the" ? "a" : article, null, i);
    }

    private static bool LooksLikeVerb(Token t, Token? next)
        => t.Text.EndsWith('s') && !t.Text.EndsWith("ss", StringComparison.Ordinal) && !t.Text.EndsWith("'s", StringComparison.Ordinal)
            && next is { IsWord: true } && (Lexicon.Determiners.Contains(next.Text) || next.Lower is "that" or "up" or "out" or "for" or "to" or "into" or "back" or "down" or "off" or "over" or "under" or "between" or "with");

    /// <summary>Inside a noun phrase only a strong cue marks a verb ("every guest checks in"); "passports to" stays a noun.</summary>
    private static bool VerbInPhrase(Token t, Token? next)
        => t.Text.EndsWith('s') && !t.Text.EndsWith("ss", StringComparison.Ordinal) && !t.Text.EndsWith("'s", StringComparison.Ordinal)
            && next is { IsWord: true } && (Lexicon.Determiners.Contains(next.Text) || next.Lower is "in" or "up" or "out" or "into" or "back" or "off" or "down" or "that");

    private static int PhraseEnd(List<Token> tokens, int from)
    {
        var i = from;
        while (i < tokens.Count && tokens[i].IsWord && !Lexicon.Verbs.Contains(tokens[i].Text) && !Lexicon.RelativeWords.Contains(tokens[i].Text)
            && !(i > from && !tokens[i].IsCap && LooksLikeVerb(tokens[i], i + 1 < tokens.Count ? tokens[i + 1] : null))
            && (i == from || !Lexicon.SubjectPrepositions.Contains(tokens[i].Text) || tokens[i].Lower == "of"))
        {
            i++;
        }
        return i;
    }

    private static (Run? Run, string? Full) PlaceIn(List<Token> tokens, List<Run> places, int from, int to)
    {
        if (from < 0)
        {
            return (null, null);
        }
        var run = places.FirstOrDefault(p => p.From >= from && p.From < to);
        if (run is null)
        {
            return (null, null);
        }
        // The intro minus its opening preposition: "In a drowned Venice of 2090," → "a drowned Venice of 2090".
        var start = from;
        while (start < run.From && tokens[start].IsWord && Lexicon.IntroOpeners.Contains(tokens[start].Text) && !tokens[start].IsCap)
        {
            start++;
        }
        if (start < run.From && tokens[start].IsWord && Lexicon.IntroOpeners.Contains(tokens[start].Text))
        {
            start++;
        }
        var end = run.To;
        while (end < to && tokens[end].IsWord && (tokens[end].Lower is "of" or "in" || Year().IsMatch(tokens[end].Text)))
        {
            end++;
        }
        var parts = tokens.Skip(start).Take(end - start).Where(t => t.IsWord).Select(t => t.Text).ToList();
        return (run, parts.Count > 0 && !Lexicon.Holidays.Contains(parts[0]) ? string.Join(' ', parts) : null);
    }

    /// <summary>The place as the pitch names it: the capitalised run with the adjectives the writer gave it ("drowned Venice").</summary>
    private static string PlaceName(List<Token> tokens, Run run)
    {
        var words = new List<string>();
        for (var back = run.From - 1; back >= 0 && tokens[back].IsWord && !tokens[back].IsCap && !Lexicon.Stop.Contains(tokens[back].Text)
            && !Lexicon.PlacePrepositions.Contains(tokens[back].Text) && !Lexicon.Verbs.Contains(tokens[back].Text) && words.Count < 2; back--)
        {
            words.Insert(0, tokens[back].Lower);
        }
        var name = Lexicon.WithoutPossessive(run.Text);
        var article = run.From > 0 && tokens[run.From - 1 - words.Count] is { IsWord: true } t && t.Lower == "the" && words.Count == 0 ? "the " : "";
        return article + string.Join(' ', words.Append(name));
    }

    private static string FullPlace(string? written, string place, string? era, string? occasion)
    {
        var full = written ?? place;
        if (full.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || full.StartsWith("an ", StringComparison.OrdinalIgnoreCase))
        {
            full = "the " + full[(full.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }
        if (era is not null && !full.Contains(era, StringComparison.Ordinal))
        {
            full += $" in {era}";
        }
        if (occasion is not null && !full.Contains(occasion, StringComparison.Ordinal))
        {
            full += occasion.Split(' ')[0] switch
            {
                _ when occasion.EndsWith("Eve", StringComparison.Ordinal) || occasion.EndsWith("Day", StringComparison.Ordinal) => $" on {occasion}",
                "Halloween" or "Thanksgiving" or "Valentine's" or "Hogmanay" or "Midsummer" => $" on {occasion}",
                "Christmas" or "Easter" or "Passover" or "Hanukkah" => $" at {occasion}",
                _ when Lexicon.Months.Contains(occasion) => $" in {occasion}",
                _ => $" during {occasion}",
            };
        }
        return full;
    }

    [GeneratedRegex(@"[\p{L}\p{M}\d][\p{L}\p{M}\d'’\-]*|[^\s\p{L}\p{M}\d]")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"(?<=[a-z0-9\)""'])[.!?](?=\s+[A-Z""]|\s*$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:1[0-9]{3}|2[0-9]{3})s?\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:must|has to|have to|needs to|need to)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingModal();

    [GeneratedRegex(@"(?:,\s*|\s+)(?:and|but|so|yet)\s+(?:now\s+)?(?:she|he|they|it)\s+(?:must|has to|have to|needs to|need to)\s+|,?\s+and\s+(?:must|has to|have to)\s+|\s+[—–]\s+|\s+--?\s+|;\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DilemmaSplit();

    [GeneratedRegex(@"\b(?:her|his|their|my|the)\s+(?<quals>(?:(?:late|dead|estranged|missing|younger|older|little|big|twin|only|adopted|teenage|grown|long-lost|absent|dying|ailing|elderly|disabled|comatose|runaway|kidnapped|ex-)\s*)*)(?<rel>sister|brother|son|daughter|mother|father|wife|husband|grandmother|grandfather|aunt|uncle|niece|nephew|cousin|twin|child|partner|girlfriend|boyfriend|fiancée|fiancé|mum|mom|dad)(?!\w)(?:'s|’s)?(?:\s+(?<name>[A-Z][\p{L}]+))?")]
    private static partial Regex RelativePattern();
}
