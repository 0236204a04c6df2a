using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>The offline researcher, box-office analyst and casting director. Nothing here is sourced, and it says so.</summary>
internal static class MarketWriter
{
    public const string UnsourcedNote = "Offline model: no sources consulted; verify before relying on it.";

    public static IReadOnlyList<ResearchNote> Research(Concept concept)
    {
        var notes = concept.Genre.Research.Select(r => new ResearchNote(concept.Fill(r.Topic), concept.Fill(r.Note))).ToList();
        notes.Add(new ResearchNote(
            $"Protagonist: {concept.HeroDescriptor}",
            concept.Fill("Day-to-day detail of a {desc}'s life: skills, routines and vocabulary that make {first} credible on screen.")));
        notes.Add(new ResearchNote(
            "Key nouns of the concept",
            $"Build the world from: {string.Join(", ", concept.KeyNouns)}. Each should pay off in at least one beat."));
        return notes;
    }

    public static MarketReport Market(Concept concept, string? note)
    {
        var genre = concept.Genre;
        var random = concept.Random("market", note);
        var comparables = random.Take(genre.Comparables, 3)
            .Select(c => new Comparable(c.Title, c.Year, $"Illustrative comparable: {c.Why}. Unverified — no figures quoted.", null, null))
            .ToList();
        var tier = concept.Brief.BudgetTier.ToLowerInvariant();
        var budget = tier.Contains("low", StringComparison.Ordinal) || tier.Contains("micro", StringComparison.Ordinal) || tier.Contains("indie", StringComparison.Ordinal) ? genre.BudgetLow
            : tier.Contains("high", StringComparison.Ordinal) || tier.Contains("big", StringComparison.Ordinal) || tier.Contains("tent", StringComparison.Ordinal) ? genre.BudgetHigh
            : genre.BudgetMid;
        var audience = concept.Fill(genre.Audience);
        if (!string.IsNullOrWhiteSpace(concept.Brief.Audience))
        {
            audience += $" The brief's target audience: {concept.Brief.Audience.Trim().TrimEnd('.')}.";
        }
        return new MarketReport
        {
            Comparables = comparables,
            Audience = audience,
            BudgetRange = budget,
            Risks = [.. genre.Risks.Select(concept.Fill)],
            ProductionNotes = concept.Fill(genre.Production) + $" Target runtime: {Runtime(concept)}.",
        };
    }

    public static CastingReport Casting(Concept concept, CharacterList? characters, string? note)
    {
        // Seeded by the characters themselves: the casting director does not read the brief.
        var random = StableRandom.For("casting", note, string.Join("|", (characters?.Characters ?? []).Select(c => c.Name)));
        var preferYoung = note?.Contains("young", StringComparison.OrdinalIgnoreCase) == true;
        var preferFresh = note is not null && (note.Contains("unexpected", StringComparison.OrdinalIgnoreCase) || note.Contains("fresh", StringComparison.OrdinalIgnoreCase) || note.Contains("less obvious", StringComparison.OrdinalIgnoreCase));
        var cast = characters?.Characters ?? [];
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ideas = new List<CastingIdea>();
        for (var i = 0; i < cast.Count; i++)
        {
            var character = cast[i];
            var pool = preferFresh ? CastingPools.Mixed : PoolFor(character, i, preferYoung);
            var picks = random.Take(pool.Where(a => !used.Contains(a)).ToList(), 2);
            used.UnionWith(picks);
            var firstName = character.Name.Split(' ')[0];
            var arc = character.Arc.Length > 0 ? char.ToLowerInvariant(character.Arc[0]) + character.Arc[1..].TrimEnd('.') : "a real change";
            ideas.Add(new CastingIdea(character.Name, picks, $"Aspirational: actors who could carry {firstName}'s arc, {arc}."));
        }
        return new CastingReport { Ideas = ideas };
    }

    public static string Runtime(Concept concept)
        => concept.Brief.Format.Contains("series", StringComparison.OrdinalIgnoreCase) ? "6 × 50 minutes"
            : concept.Brief.Format.Contains("short", StringComparison.OrdinalIgnoreCase) ? "12–18 minutes"
            : concept.Genre.Runtime;

    /// <summary>
    /// The casting director reads only the characters, so gender and age come from each character's own text
    /// (pronouns, "retired", "elder"...), with the name lists as a fallback.
    /// </summary>
    private static IReadOnlyList<string> PoolFor(PitchCharacter character, int index, bool preferYoung)
    {
        var text = $" {character.Role} {character.Want} {character.Need} {character.Arc} ".ToLowerInvariant();
        int Count(params string[] words) => words.Sum(w => CountWord(text, w));
        var first = character.Name.Split(' ')[0];
        var she = Count("she", "her", "hers", "herself") + (GenreCatalog.FemaleNames.Contains(first) ? 2 : 0);
        var he = Count("he", "him", "his", "himself") + (GenreCatalog.MaleNames.Contains(first) ? 2 : 0);
        var older = !preferYoung && (Count("retired", "elder", "elderly", "old", "veteran", "widow", "widower", "mentor", "grandmother", "grandfather", "former") > 0 || index == 3);
        return (she > he, he > she, older) switch
        {
            (true, _, true) => CastingPools.FemaleOlder,
            (true, _, false) => CastingPools.FemaleYounger,
            (_, true, true) => CastingPools.MaleOlder,
            (_, true, false) => CastingPools.MaleYounger,
            _ => CastingPools.Mixed,
        };
    }

    private static int CountWord(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetter(text[at - 1]) && !char.IsLetter(text[at + word.Length]))
            {
                count++;
            }
        }
        return count;
    }
}

/// <summary>Aspirational names for pitch decks. Never offers, never "attached".</summary>
internal static class CastingPools
{
    public static readonly IReadOnlyList<string> FemaleOlder = ["Olivia Colman", "Frances McDormand", "Tilda Swinton", "Juliette Binoche", "Viola Davis", "Michelle Yeoh", "Lesley Manville"];
    public static readonly IReadOnlyList<string> FemaleYounger = ["Florence Pugh", "Saoirse Ronan", "Jodie Comer", "Daisy Edgar-Jones", "Anya Taylor-Joy", "Thuso Mbedu", "Mia Goth"];
    public static readonly IReadOnlyList<string> MaleOlder = ["Mark Rylance", "Brendan Gleeson", "Javier Bardem", "Stellan Skarsgård", "Colman Domingo", "Ken Watanabe", "Ralph Fiennes"];
    public static readonly IReadOnlyList<string> MaleYounger = ["Paul Mescal", "Dev Patel", "Barry Keoghan", "Riz Ahmed", "Jeremy Allen White", "Kingsley Ben-Adir", "Josh O'Connor"];
    public static readonly IReadOnlyList<string> Mixed = ["Ben Whishaw", "Ruth Negga", "Hong Chau", "Brian Tyree Henry", "Stephen Graham", "Emma D'Arcy", "Steven Yeun", "Aimee Lou Wood"];
}
