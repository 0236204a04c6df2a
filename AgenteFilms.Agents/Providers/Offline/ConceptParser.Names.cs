namespace AgenteFilms.Agents.Providers.Offline;

// Capitalised words: which runs are names, places, dates or holidays.
internal static partial class ConceptParser
{
    // ---- capitalised words ----

    private enum RunKind { Name, Place, Occasion, Other }

    private sealed record Run(int From, int To, string Text, RunKind Kind, string? Honorific);

    private static List<Run> CapitalRuns(List<Token> tokens)
    {
        var runs = new List<Run>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsCap || (i == 0 && Lexicon.Stop.Contains(tokens[i].Text)) || (i == 0 && Lexicon.IntroOpeners.Contains(tokens[i].Text)))
            {
                continue;
            }
            var end = i + 1;
            while (end < tokens.Count && tokens[end].IsCap)
            {
                end++;
            }
            var words = tokens.Skip(i).Take(end - i).Select(t => t.Text).ToList();
            string? honorific = null;
            if (words.Count > 1 && Lexicon.Honorifics.Contains(words[0]))
            {
                honorific = words[0];
                words.RemoveAt(0);
            }
            var runText = string.Join(' ', words);
            runs.Add(new Run(i, end, runText, Classify(tokens, i, end, words, honorific), honorific));
            i = end - 1;
        }
        return runs;
    }

    private static RunKind Classify(List<Token> tokens, int from, int to, List<string> words, string? honorific)
    {
        var text = string.Join(' ', words);
        var plain = Lexicon.WithoutPossessive(text);
        if (Lexicon.Holidays.Contains(words[0]) || Lexicon.Months.Contains(plain))
        {
            return RunKind.Occasion;
        }
        if (Lexicon.KnownPlaces.Contains(plain) || words.Any(w => Lexicon.KnownPlaces.Contains(Lexicon.WithoutPossessive(w))))
        {
            return RunKind.Place;
        }
        if (words.All(w => Lexicon.Brands.Contains(Lexicon.WithoutPossessive(w))) || words.All(w => Lexicon.Stop.Contains(w)))
        {
            return RunKind.Other;
        }
        if (honorific is not null)
        {
            return RunKind.Name;
        }
        // Walk back over articles and adjectives: "in a drowned Venice", "at the Atacama Array".
        var back = from - 1;
        var skipped = 0;
        while (back >= 0 && tokens[back].IsWord && !tokens[back].IsCap && !Lexicon.PlacePrepositions.Contains(tokens[back].Text)
            && !Lexicon.Verbs.Contains(tokens[back].Text) && skipped < 3 && tokens[back].Lower is not "named" and not "called")
        {
            back--;
            skipped++;
        }
        var before = back >= 0 ? tokens[back].Lower : "";
        if (before is "named" or "called")
        {
            return RunKind.Name;
        }
        if (Lexicon.PlacePrepositions.Contains(before) && back >= 0 && tokens[back].IsWord)
        {
            return RunKind.Place;
        }
        var previous = from > 0 ? tokens[from - 1] : null;
        var next = to < tokens.Count ? tokens[to] : null;
        // "her sister Ana": the name of a relative.
        if (previous is { IsWord: true } && Lexicon.Relations.ContainsKey(previous.Text))
        {
            return RunKind.Name;
        }
        if (previous is { IsWord: true, IsCap: false } && !Lexicon.Verbs.Contains(previous.Text) && previous.Lower is not "and" and not "with" and not "for" and not "by")
        {
            // Preceded by an article or adjective ("the televised", "a drowned X"): not a person.
            return RunKind.Other;
        }
        var afterNext = to + 1 < tokens.Count ? tokens[to + 1] : null;
        var verbNext = next is { IsWord: true, IsCap: false } && (Lexicon.Verbs.Contains(next.Text) || LooksLikeVerb(next, afterNext));
        var apposition = next?.Text == "," && afterNext is { IsWord: true } && afterNext.Lower is "a" or "an" or "the";
        if (from == 0 || previous?.Text is "," or ":" or ";")
        {
            // The sentence subject: "Mara, a lighthouse keeper ...", "Mara keeps ...".
            return verbNext || apposition ? RunKind.Name : RunKind.Other;
        }
        // "falls for Jonah", "with Luca, a ...": a person named mid-sentence.
        return previous is { IsWord: true } && (next is null || apposition || verbNext || next.Text is "," or "." || (next.IsWord && Lexicon.Stop.Contains(next.Text)))
            ? RunKind.Name
            : RunKind.Other;
    }

    private static string? PrepositionBefore(List<Token> tokens, int at, int limit)
    {
        for (var back = at - 1; back >= limit && at - back <= 4 && tokens[back].IsWord; back--)
        {
            if (tokens[back].Lower is "in" or "on" or "at" or "aboard" or "near" or "outside" or "beneath" or "under" or "across")
            {
                return tokens[back].Lower;
            }
        }
        return null;
    }

    private static string? EraOf(string text)
        => Year().Match(text) is { Success: true } m ? m.Value : null;
}
