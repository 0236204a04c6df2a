using System.Text.RegularExpressions;

namespace AgenteFilms.Agents.Providers.Offline;

// The predicate (event and dilemma) and the noun phrases in it: the central object, a location, relatives.
internal static partial class ConceptParser
{
    // ---- predicate ----

    private static (string? Event, string? Dilemma) SplitDilemma(string predicate)
    {
        var modal = LeadingModal().Match(predicate);
        if (modal.Success)
        {
            return (null, Clean(predicate[modal.Length..]));
        }
        var split = DilemmaSplit().Match(predicate);
        if (split.Success && split.Index > 0)
        {
            return (Clean(predicate[..split.Index]), Clean(predicate[(split.Index + split.Length)..]));
        }
        return (Clean(predicate), null);
    }

    private static string? Clean(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', ',', ';', ':', '!', '?', ' ');
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 30)
        {
            // A run-on concept: keep the first clause so the logline stays one readable sentence.
            var comma = trimmed.IndexOf(',', string.Join(' ', words.Take(8)).Length);
            trimmed = comma > 0 ? trimmed[..comma] : string.Join(' ', words.Take(30));
        }
        return trimmed.Length == 0 ? null : trimmed;
    }

    // ---- noun phrases ----

    private static (ObjectPhrase? Object, string? Location) ObjectAndLocation(string scope)
    {
        var tokens = Tokenize(scope);
        ObjectPhrase? best = null;
        var bestScore = 0;
        string? location = null;
        ObjectPhrase? placeObject = null;
        var first = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            // A noun phrase opens with a determiner, or comes bare right after a verb ("sells fake passports").
            var bare = i > 0 && tokens[i].IsWord && !tokens[i].IsCap && Lexicon.Verbs.Contains(tokens[i - 1].Text) && !Lexicon.Stop.Contains(tokens[i].Text)
                && !Lexicon.Verbs.Contains(tokens[i].Text) && !Lexicon.Determiners.Contains(tokens[i].Text) && !tokens[i].Text.EndsWith("ly", StringComparison.Ordinal);
            if (!bare && (!tokens[i].IsWord || !Lexicon.Determiners.Contains(tokens[i].Text)))
            {
                continue;
            }
            var det = bare ? "" : tokens[i].Lower;
            var words = new List<string>();
            var j = bare ? i : i + 1;
            while (j < tokens.Count && tokens[j].IsWord && words.Count < 5)
            {
                var w = tokens[j].Text;
                var stop = Lexicon.Stop.Contains(w) || Lexicon.RelativeWords.Contains(w) || Year().IsMatch(w)
                    || (words.Count > 0 && (Lexicon.Verbs.Contains(w) || VerbInPhrase(tokens[j], j + 1 < tokens.Count ? tokens[j + 1] : null)
                        || (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)));
                if (stop && !(words.Count == 0 && w.ToLowerInvariant() is "same" or "whole" or "entire" or "only" or "own" or "other"))
                {
                    break;
                }
                if (!stop)
                {
                    words.Add(tokens[j].IsCap && !Lexicon.Holidays.Contains(w) ? w : Lexicon.Holidays.Contains(Lexicon.WithoutPossessive(w)) ? w : w.ToLowerInvariant());
                }
                j++;
            }
            if (words.Count == 0 || (!bare && tokens[i + 1].IsCap && !Lexicon.Holidays.Contains(tokens[i + 1].Text)))
            {
                continue;
            }
            var owner = words.FindLastIndex(Lexicon.IsPossessive);
            var head = words.Skip(owner + 1).ToList();
            var ownerWord = owner >= 0 ? Lexicon.WithoutPossessive(words[owner]) : null;
            if (ownerWord is not null && Lexicon.PlaceNouns.Contains(ownerWord))
            {
                location ??= ownerWord;
            }
            if (head.Count == 0)
            {
                continue;
            }
            var last = head[^1];
            var prep = i > 0 ? tokens[i - 1].Lower : "";
            if (Lexicon.Relations.ContainsKey(Lexicon.Singular(last)) || Lexicon.TimeNouns.Contains(last))
            {
                continue;
            }
            if (Lexicon.PlaceNouns.Contains(last) || Lexicon.PlaceNouns.Contains(string.Join(' ', head.TakeLast(2))))
            {
                var plainHead = head.Where(w => !w.EndsWith("ed", StringComparison.Ordinal)).ToList();
                location ??= plainHead.Count > 1 && !Lexicon.PlaceNouns.Contains(plainHead[^2]) ? string.Join(' ', plainHead.TakeLast(2)) : last;
                // A described location can itself be what the story is about ("inherit a haunted noodle shop").
                placeObject ??= head.Count > 1 ? new ObjectPhrase(PhraseWith(det, words), string.Join(' ', head), Lexicon.IsPlural(last)) : null;
                if (prep is "at" or "in" or "into" or "inside" or "to" or "from" || Lexicon.PlaceNouns.Contains(last))
                {
                    continue;
                }
            }
            var score = head.Count + (owner >= 0 ? 1 : 0) + (first ? 1 : 0);
            first = false;
            if (score > bestScore)
            {
                bestScore = score;
                best = new ObjectPhrase(PhraseWith(det, words), string.Join(' ', head), Lexicon.IsPlural(last) || Lexicon.GroupNumbers.Contains(det));
            }
        }
        return (best ?? placeObject, location);
    }

    private static string PhraseWith(string det, List<string> words)
        => Lexicon.PossessivePronouns.Contains(det) || det == "the" ? $"{det} {string.Join(' ', words)}"
            : det.Length == 0 ? string.Join(' ', words)
            : $"the {string.Join(' ', words)}";

    private static List<Relative> Relatives(string text, List<Run> runs)
    {
        var result = new List<Relative>();
        foreach (Match m in RelativePattern().Matches(text))
        {
            var relation = m.Groups["rel"].Value.ToLowerInvariant();
            if (result.Any(r => r.Relation == relation))
            {
                continue;
            }
            var quals = m.Groups["quals"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(q => q.ToLowerInvariant()).ToList();
            var qualifier = quals.FirstOrDefault(q => q is "late" or "dead") ?? quals.FirstOrDefault();
            var name = m.Groups["name"].Success && runs.Any(r => r.Kind == RunKind.Name && r.Text.StartsWith(m.Groups["name"].Value, StringComparison.Ordinal)) ? m.Groups["name"].Value : null;
            result.Add(new Relative(relation, qualifier, name, Lexicon.Relations[relation]));
        }
        return result;
    }
}
