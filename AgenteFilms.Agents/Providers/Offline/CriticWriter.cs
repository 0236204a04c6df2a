using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// The offline critic: a scored rubric with notes tied to named beats. It fails drafts before
/// <see cref="OfflineModelBehavior.CriticPassIteration"/> with concrete notes, and passes from then on, so the
/// writers' room visibly loops and the revision answers the notes.
/// </summary>
internal static class CriticWriter
{
    public static (Critique Critique, bool Passes) Judge(Concept concept, StoryOutline? outline, int iteration, OfflineModelBehavior behavior)
    {
        var passes = behavior.CriticPassIteration > 0 && Math.Max(iteration, 1) >= behavior.CriticPassIteration;
        var random = concept.Random("critic", iteration.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var criterion in Critique.Criteria)
        {
            scores[criterion] = passes ? random.Between(7, 9) : random.Between(5, 7);
        }
        if (!passes)
        {
            // A failing draft fails where the notes say it does.
            scores["stakes"] = Math.Min(scores["stakes"], 5);
            scores["structure"] = Math.Min(scores["structure"], 6);
        }

        List<CritiqueNote> notes = passes
            ? [new("Climax", concept.Fill("The climax now pays off {first}'s choice at the inciting incident; keep the final image as simple as it is.")),
               new("Midpoint", concept.Fill("The reveal about the {force} finally costs {first} something personal. This is the scene to pitch."))]
            : [new("Inciting incident", concept.Fill("The inciting incident happens to {first} rather than because of {her}. Give {first} a choice here that makes the {force} {hers} problem.")),
               new("Midpoint", concept.Fill("The midpoint explains the {force} but does not raise the personal stakes: ") + concept.Fill(concept.Genre.StakesNote) + "."),
               new("All is lost", concept.Fill("The low point is caused by outside events. Make it the consequence of {first}'s flaw so the climax can answer it.")),
               new("Bad guys close in", concept.Fill("{antagonist_first} is opposition without a point of view; give {antagonist_first} a want we can understand."))];

        var title = outline?.Title is { Length: > 0 } t ? t : concept.Title;
        var summary = passes
            ? $"Revision {outline?.Revision ?? iteration} of \"{title}\" works: the beats turn, {concept.HeroFirst}'s want and need drive the plot, and the stakes are personal. Approved for pre-production."
            : $"\"{title}\" has a strong hook in the {concept.Force} and a clear {concept.Genre.DisplayName.ToLowerInvariant()} shape, but the stakes stay abstract and {concept.HeroFirst} reacts more than {concept.Pronouns.Subject} choose{(concept.Pronouns.Subject == "they" ? "" : "s")}. Revise the flagged beats.";
        return (new Critique { Iteration = Math.Max(iteration, 1), Verdict = passes ? Critique.Pass : Critique.Revise, Scores = scores, Notes = notes, Summary = summary }, passes);
    }
}
