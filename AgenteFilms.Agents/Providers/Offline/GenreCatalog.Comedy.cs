namespace AgenteFilms.Agents.Providers.Offline;

internal static partial class GenreCatalog
{
    public static readonly GenreProfile Comedy = new()
    {
        Key = "comedy",
        DisplayName = "Comedy",
        Keywords = ["comedy", "comedic", "comic", "funny", "satire", "satirical", "farce", "slapstick", "buddy"],
        DefaultSetting = "town",
        DefaultForce = "scheme",
        ActTitles = ["The Bright Idea", "Out of Hand", "Owning It"],
        Beats =
        [
            new(1, "Opening image", "{place}: {first}, a {desc}, insists everything is under control. Three things visibly are not, including the {noun2}."),
            new(1, "Inciting incident", "The {force} lands in {first}'s lap, and with it a chance to fix everything in one go — if nobody asks too many questions."),
            new(1, "Break into two", "{first} commits with total confidence and no plan, roping in {ally_first}, who has a terrible feeling about this."),
            new(2, "Things get out of hand", "Each small lie about the {force} needs a bigger one. The {setting} becomes a farce of disguises, near misses and {mentor_first}'s unexpected talents."),
            new(2, "Midpoint", "It works — spectacularly. {first} is celebrated across {place}, which is precisely when {antagonist} starts paying attention."),
            new(2, "Bad guys close in", "{antagonist_first} sets out to expose the {force}; the lies collide in one disastrous evening at the {setting}."),
            new(2, "All is lost", "Everything comes out at once, in public. {ally_first} walks away, and {first} has to admit the {force} was never really about the {noun2}."),
            new(3, "Dark night of the soul", "{first}, alone with the wreckage, finally says the honest thing out loud — to the wrong person, which turns out to be the right one."),
            new(3, "Climax", "A final, ridiculous, heartfelt gambit: {first} turns the {force} inside out in front of all of {place}, with {ally_first} back at {hers} side."),
            new(3, "Final image", "{place} again. Nothing is under control, and {first} is — for once — fine with that."),
        ],
        Logline = "When {hero}, a {desc} in {place}, bets everything on a {force} that could fix {hers} life, {she} must keep the lie alive long enough to make it true — while {antagonist_first} is determined to expose it.",
        Goal = "keep the whole thing from collapsing long enough to make it work",
        Tail = "while {antagonist_first} waits for the moment it all falls apart",
        AltLogline = "A {desc} in {place} fakes {hers} way into the {force} — and has to keep faking it when the whole of {place} starts believing.",
        TitleTemplates = ["The {Force}", "Totally Fine in {place}", "{Force} Season", "Nobody Panic"],
        Synopsis = "{hero} is one bad week away from losing everything in {place}. The {force} looks like the answer, and with {ally} reluctantly in tow, {first} commits to it — badly. As success snowballs and {antagonist} closes in, {first} must choose between the life the lie built and the people it is hurting.",
        World = "{place} as a warm, slightly heightened community where everybody knows everyone's business. The tone is quick and character-led, with set pieces that escalate logically from the characters' flaws; the heart is real, the jokes are specific.",
        Themes = ["Pretending as a way of avoiding change", "Community: the people who will forgive you", "Success versus self-respect", "Growing up late"],
        Hero = new("Protagonist, a {desc}", "To pull off the {force} and save face", "To admit {she} cannot do it alone", "From bluffer to someone who asks for help"),
        Antagonist = new("Rival, {place}'s self-appointed guardian of standards", "To be proven right about {first}", "To be liked rather than obeyed", "From rival to grudging ally in the last act"),
        Ally = new("Best friend and voice of reason", "To get through this without getting arrested", "To stop cleaning up after {first}", "Sets a boundary; comes back on {hers} own terms"),
        Mentor = new("Eccentric elder with a hidden past", "One last adventure", "To be taken seriously", "The unexpected hero of the second act"),
        StakesNote = "the jokes are strong but we don't yet fear what {first} would lose if the {force} collapses",
        Comparables =
        [
            new("Game Night", 2018, "an escalating ensemble comedy with a clear high-concept engine"),
            new("Palm Springs", 2020, "a high-concept comedy with a real emotional spine"),
            new("The Grand Budapest Hotel", 2014, "a heightened world, precise comic set pieces"),
            new("Booksmart", 2019, "friendship comedy driven by a single wild night"),
            new("Hunt for the Wilderpeople", 2016, "warm, character-led comedy with heart"),
        ],
        Audience = "Broad comedy audiences (18–54), date-night and group viewing; strong trailer potential from the {force} set pieces.",
        BudgetLow = "$2M–$6M (ensemble, single town)",
        BudgetMid = "$10M–$25M (studio comedy scale)",
        BudgetHigh = "$40M–$70M (star ensemble, set pieces)",
        Risks = ["Comedy travels unevenly across territories", "Casting-dependent: needs a lead with comic and dramatic range", "Tone: the third-act heart must feel earned, not sentimental"],
        Production = "A single town or neighbourhood standing in for {place}; the {setting} set piece is the biggest day. Room for improvisation in the schedule.",
        Statement = "{title} is about the lies we tell to avoid asking for help, and the people who love us anyway. I want it to be the funniest version of a story that is secretly about shame and friendship.",
        Fixes = new Dictionary<string, string>
        {
            ["Midpoint"] = "Now the success has a price: the {force} only keeps working if {first} keeps lying to {ally_first}, the one person {she} cannot afford to lose.",
        },
        Research =
        [
            ("Setting: {place}", "Local texture of {place}: customs, gossip networks, the annual events a farce can crash."),
            ("The world of the {force}", "How a {force} like this would actually work — the funnier the real details, the better."),
            ("Genre expectations", "Comedy audiences want an escalating engine and a character they root for despite everything."),
        ],
        Runtime = "90–100 minutes",
    };
}
