using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>The offline screenwriter and character developer: a genre-shaped three-act outline and its characters.</summary>
internal static class StoryWriter
{
    /// <summary>What a revision adds to a beat the critic flagged (keyed by beat name).</summary>
    internal static readonly IReadOnlyDictionary<string, string> Fixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Inciting incident"] = "Now {first} chooses to act: {she} keep{s} the first proof of the {force} instead of handing it over, which makes the fight {theirs} from the first act.",
        ["Midpoint"] = "The reveal now lands on {first} personally: the {force} implicates {mentor}, the person {first} trusted most, so there is no way back to the old life.",
        ["All is lost"] = "The low point is now {first}'s own doing: {hers} refusal to trust {ally_first} is exactly what lets the {force} win this round.",
        ["Bad guys close in"] = "{antagonist_first}'s pressure now comes from a reasonable want — keeping {place} as it was — which makes {antagonist_first} harder to dismiss.",
    };

    public static StoryOutline Outline(Concept concept, Critique? critique, string? note)
    {
        var genre = concept.Genre;
        var flagged = critique is { Passed: false } ? critique.Notes.Select(n => n.Beat).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        var acts = Enumerable.Range(1, 3).Select(act => new PitchAct(
            act,
            genre.ActTitles[act - 1],
            ActSummary(concept, act),
            [.. genre.Beats.Where(b => b.Act == act).Select(b => new PitchBeat(
                b.Name,
                concept.Fill(b.Text) + (flagged.Contains(b.Name) && (genre.Fixes.TryGetValue(b.Name, out var fix) || Fixes.TryGetValue(b.Name, out fix)) ? " " + concept.Fill(fix) : "")))]))
            .ToList();

        var random = concept.Random("themes", note);
        var title = concept.Title;
        if (!string.IsNullOrWhiteSpace(note) && string.IsNullOrWhiteSpace(concept.Brief.Title))
        {
            // A note on a regeneration should visibly change the result: reseed the title choice with it.
            title = Concept.TitleCase(concept.Fill(concept.Random("title", note).Pick(genre.TitleTemplates)));
        }
        return new StoryOutline
        {
            Title = title,
            // A writer's note asks for something different: the other logline shape (the title is reseeded below too).
            Logline = string.IsNullOrWhiteSpace(note) ? concept.Logline() : concept.Fill(genre.AltLogline),
            Premise = concept.Brief.Concept,
            Genre = string.IsNullOrWhiteSpace(concept.Brief.Genre) ? genre.DisplayName : concept.Brief.Genre,
            Synopsis = concept.Fill(genre.Synopsis) + FamilyAndStakes(concept),
            WorldAndTone = concept.Fill(genre.World) + ToneLine(concept),
            Themes = random.Take(genre.Themes, 3),
            Acts = acts,
            Revision = critique is null ? 1 : critique.Iteration + 1,
            AddressedNotes = critique is { Passed: false } ? [.. critique.Notes.Select(n => $"{n.Beat}: {n.Note}")] : [],
        };
    }

    public static CharacterList Characters(Concept concept, StoryOutline? outline, string? note)
    {
        var genre = concept.Genre;
        var revised = outline?.AddressedNotes.Any(n => n.StartsWith("Bad guys close in", StringComparison.OrdinalIgnoreCase)) == true;
        PitchCharacter Make(string name, CharacterTemplate t, string? extraWant = null)
            => new(name, concept.Fill(t.Role) + PronounTag(concept, name), concept.Fill(t.Want) + (extraWant is null ? "" : concept.Fill(extraWant)), concept.Fill(t.Need), concept.Fill(t.Arc));

        List<PitchCharacter> characters =
        [
            Make(concept.Hero, genre.Hero),
            Make(concept.Antagonist, genre.Antagonist, revised ? ", because in {antagonist_first}'s eyes it is the only way to protect {place}" : null),
            concept.IsPair ? Make(concept.Ally, genre.Ally) with { Role = concept.Fill("Co-lead, the other {desc}: ") + concept.Fill(genre.Ally.Role) } : Make(concept.Ally, genre.Ally),
            Make(concept.Mentor, genre.Mentor),
            .. concept.Family.Select(f => Relative(concept, f.Relative, f.Name)),
        ];
        if (!string.IsNullOrWhiteSpace(note))
        {
            // A regeneration note is the writer's direction for the protagonist, carried into the need.
            characters[0] = characters[0] with { Need = $"{characters[0].Need} (developed further: {note.Trim().TrimEnd('.')})" };
        }
        return new CharacterList { Characters = characters };
    }

    /// <summary>A relative the concept names ("her sister", "his late son") is a principal, alive or in memory.</summary>
    private static PitchCharacter Relative(Concept concept, Relative relative, string name)
    {
        var p = relative.Pronouns;
        var tag = p == Pronouns.They ? "" : $" ({p.Subject}/{p.Object})";
        return relative.IsDeceased
            ? new(name, concept.Fill($"{{first}}'s {relative.Description}, gone, but present in every choice {{first}} makes") + tag,
                $"To be remembered as {p.Subject} really was, not as {{first}} needs {p.Object} to be".Replace("{first}", concept.HeroFirst, StringComparison.Ordinal),
                concept.Fill($"For {{first}} to let {p.Object} go"),
                concept.Fill($"From the wound behind {{first}}'s choices to the reason {{first}} finally chooses to live"))
            : new(name, concept.Fill($"{{first}}'s {relative.Description}, whose fate is bound up with {{the_force}}") + tag,
                concept.Fill($"To be more than the person {{first}} protects"),
                concept.Fill($"To tell {{first}} the truth about what {p.Subject} {(p == Pronouns.They ? "have" : "has")} been hiding"),
                concept.Fill($"From the stake in {{first}}'s choice to the one who makes that choice possible"));
    }

    /// <summary>Character breakdowns give pronouns; casting (which reads only the characters) relies on them.</summary>
    private static string PronounTag(Concept concept, string name)
    {
        var first = name.Split(' ')[0];
        var pronouns = name == concept.Hero ? concept.Pronouns
            : GenreCatalog.FemaleNames.Contains(first) ? Pronouns.She
            : GenreCatalog.MaleNames.Contains(first) ? Pronouns.He
            : null;
        return pronouns is null || pronouns == Pronouns.They ? "" : $" ({pronouns.Subject}/{pronouns.Object})";
    }

    /// <summary>The concept's own relatives and dilemma, so the synopsis carries what the writer put at stake.</summary>
    private static string FamilyAndStakes(Concept concept)
    {
        var text = "";
        if (concept.Family.Count > 0)
        {
            var (relative, name) = concept.Family[0];
            text += relative.IsDeceased
                ? concept.Fill($" Behind it all is {name}, {{first}}'s {relative.Description}, whose loss shapes every choice {{first}} makes.")
                : concept.Fill($" At the heart of it is {name}, {{first}}'s {relative.Description}.");
        }
        if (concept.Dilemma is { } dilemma && concept.Event is not null)
        {
            text += concept.Fill($" In the end, {{first}} must {dilemma.Replace("{", "(", StringComparison.Ordinal)}.");
        }
        return text;
    }

    private static string ActSummary(Concept concept, int act) => act switch
    {
        1 => concept.Fill("In {place}, {hero}'s guarded life is disrupted by the {force}, and {first} commits to facing it."),
        2 => concept.Fill("{first} pursues the {force} with {ally_first}'s help as {antagonist} pushes back, until a reversal costs {first} what {she} valued most."),
        _ => concept.Fill("{first} confronts {antagonist_first} and the truth of the {force}, and is changed by the choice {she} make{s}."),
    };

    private static string ToneLine(Concept concept)
        => string.IsNullOrWhiteSpace(concept.Brief.Tone) ? "" : $" Tone notes from the brief: {concept.Brief.Tone.Trim().TrimEnd('.')}.";
}
