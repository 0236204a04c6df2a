namespace AgenteFilms.Agents.Providers.Offline;

internal static partial class GenreCatalog
{
    public static readonly GenreProfile Thriller = new()
    {
        Key = "thriller",
        DisplayName = "Thriller",
        Keywords = ["thriller", "crime", "mystery", "noir", "suspense", "heist", "spy", "espionage", "detective", "conspiracy", "whodunit"],
        DefaultSetting = "city",
        DefaultForce = "conspiracy",
        ActTitles = ["The Hook", "The Trap Tightens", "The Reckoning"],
        Beats =
        [
            new(1, "Opening image", "{place}, before dawn. {first}, a {desc}, does the careful, invisible work that has kept {her} safe for years; the {noun2} is where {she} {is} most sure of the rules."),
            new(1, "Inciting incident", "A detail about the {force} doesn't add up, and {first} is the only one placed to see it. Reporting it would be the safe move; {first} keeps it."),
            new(1, "Break into two", "{first} follows the thread off the books. By the time {she} realise{s} {antagonist} is watching, {she} {has} already crossed a line {she} cannot uncross."),
            new(2, "The investigation", "{first} and {ally_first} work the {force} from the edges: records, favours, a night at the {setting}. Every answer is a new, better-hidden question."),
            new(2, "Midpoint", "The false victory: {first} can prove the {force} exists — then learns {mentor} has been part of it from the start. The case becomes personal."),
            new(2, "Bad guys close in", "{antagonist_first} turns {first}'s own methods against {her}: a planted file, a frozen account, {ally_first} pulled in for questioning."),
            new(2, "All is lost", "{first} is blamed for exactly what {she} set out to expose. The evidence is gone and the only person who believed {her} has stopped answering."),
            new(3, "Dark night of the soul", "{first} faces the choice {she} {has} been avoiding: disappear, or walk back into the {setting} and use the one thing {antagonist_first} never counted on."),
            new(3, "Climax", "A public confrontation at the {setting} where {first} baits {antagonist_first} into revealing the {force} in the open, at the cost of {hers} own cover."),
            new(3, "Final image", "{place} at dawn again. {first} is no longer invisible — and for the first time, {she} {is} not afraid of being seen."),
        ],
        Logline = "When {hero}, a {desc} in {place}, stumbles onto the {force}, {she} must expose it before {antagonist_first} buries the truth — and {her} with it.",
        Goal = "expose the truth about {the_force}",
        Tail = "before {antagonist_first} buries it, and {lead_her} with it",
        AltLogline = "A {desc} in {place} has one week to prove the {force} is real — before {antagonist}, the person who built it, makes {her} its next casualty.",
        TitleTemplates = ["The {Force} File", "Cold {Force}", "Dead Ground at {place}", "The Quiet {Force}"],
        Synopsis = "{hero} has survived in {place} by being careful. When a small inconsistency points to the {force}, {first} follows it alone — and discovers that the people {she} trusted most have the most to lose. Hunted by {antagonist}, {first} must decide how much of {hers} own life {she} will burn to make the truth impossible to ignore.",
        World = "{place} as a place of closed doors and long memories: rain on glass, fluorescent offices, streets that empty early. The tone is taut and procedural, with violence rare and sudden; the camera stays close to {first}, so the audience knows only what {she} knows.",
        Themes = ["The cost of telling the truth", "Complicity: how ordinary people keep a secret alive", "Trust as a currency", "Institutions that protect themselves"],
        Hero = new("Protagonist, a {desc}", "To expose the {force} and clear {hers} name", "To stop hiding behind procedure and risk being seen", "From careful observer to someone who acts in the open, accepting the cost"),
        Antagonist = new("Antagonist, the architect of the {force}", "To keep the {force} buried and {place} stable", "To believe that order is worth any price", "Starts untouchable; is undone by the very loyalty they demanded"),
        Ally = new("Ally, {first}'s reluctant partner", "To keep {hers} own head down and {hers} job", "To choose a side", "From bystander to the witness who tips the balance"),
        Mentor = new("Mentor turned suspect", "To protect {first} from the truth", "To own what they did", "A confession that comes one scene too late"),
        StakesNote = "the danger stays abstract — we never see what the {force} costs a person we care about",
        Comparables =
        [
            new("Prisoners", 2013, "a procedural that becomes a moral trap for its lead"),
            new("Gone Girl", 2014, "a twisting thriller built on who controls the story"),
            new("Nightcrawler", 2014, "a lean, character-driven thriller on a contained budget"),
            new("Wind River", 2017, "a crime story where the landscape is part of the menace"),
            new("Zodiac", 2007, "obsession with an investigation that costs the investigator"),
        ],
        Audience = "Adult thriller audiences (25–54) who follow prestige crime on streaming and in cinemas; word of mouth is driven by the midpoint twist.",
        BudgetLow = "$3M–$8M (contained thriller, few locations)",
        BudgetMid = "$15M–$30M (mid-budget studio or streamer thriller)",
        BudgetHigh = "$50M–$80M (star-driven, set pieces)",
        Risks = ["A crowded genre: the hook of the {force} must be clear in the trailer", "Twists that are guessed early", "Procedural density that slows the second act"],
        Production = "Principal photography in and around {place}; interiors can be built or found in one city. Night exteriors and one public set piece at the {setting} drive the schedule.",
        Statement = "I wanted to write a thriller about the moment a careful person decides to stop being careful. {title} asks what the truth costs — and who pays for it when the {force} is ordinary people looking away.",
        Fixes = new Dictionary<string, string>
        {
            ["Midpoint"] = "Now the cost is immediate: {mentor_first} begs {first} to walk away, and {first}'s refusal puts {ally_first} in the line of fire.",
        },
        Research =
        [
            ("Setting: {place}", "How institutions in {place} actually work: who signs off, who audits, where records are kept."),
            ("Procedure", "Investigative and legal procedure relevant to the {force}: what a {desc} could plausibly access."),
            ("Genre expectations", "Audiences expect a fair-play mystery: every twist must be seeded earlier."),
        ],
    };
}
