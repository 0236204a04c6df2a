namespace AgenteFilms.Agents.Providers.Offline;

internal static partial class GenreCatalog
{
    public static readonly GenreProfile ScienceFiction = new()
    {
        Key = "science_fiction",
        DisplayName = "Science fiction",
        Keywords = ["science fiction", "science-fiction", "sci-fi", "scifi", "sci fi", "space", "dystopia", "dystopian", "cyberpunk", "futuristic", "alien", "robot", "time travel"],
        DefaultSetting = "station",
        DefaultForce = "signal",
        ActTitles = ["Anomaly", "Contact", "Threshold"],
        Beats =
        [
            new(1, "Opening image", "{place}: routine, hum and isolation. {first}, a {desc}, runs the same checks as every day, certain the {noun2} holds no surprises."),
            new(1, "Inciting incident", "The {force} appears where the models say it cannot. {first} logs it, and the log is quietly erased by morning."),
            new(1, "Break into two", "{first} chooses to answer the {force} instead of reporting it, breaking protocol and sealing {hers} place in what follows."),
            new(2, "First contact", "The {force} responds — and what it knows about {first}'s past is impossible. {ally_first} helps build a way to listen; the rules of the {setting} start to bend."),
            new(2, "Midpoint", "A revelation reframes everything: the {force} is not arriving, it is returning, and {antagonist} has known for years."),
            new(2, "Bad guys close in", "{antagonist_first} locks down the {setting}. Systems fail one by one; {ally_first} sides with the lockdown to protect the crew."),
            new(2, "All is lost", "The experiment goes wrong and {first} loses the thing {she} came out here to escape from — for the second time."),
            new(3, "Dark night of the soul", "Alone with the {force}, {first} understands it is offering a choice, not a threat: go back, or go through."),
            new(3, "Climax", "{first} overrides the lockdown and makes contact on {hers} own terms, trading {hers} certainty for a future no one else can see yet."),
            new(3, "Final image", "The {setting} again, unchanged to the eye — but the hum now has a rhythm, and {first} is listening."),
        ],
        Logline = "When {hero}, a {desc} in {place}, detects a {force} that should not exist, {she} must decide whether to answer it — before {antagonist_first} shuts down the only chance to understand it.",
        Goal = "learn what {the_force} really {force_is}",
        Tail = "before {antagonist_first} shuts down the only chance to understand {the_force}",
        AltLogline = "Alone in {place}, a {desc} answers a {force} no one else believes in — and discovers it has been waiting for {her}.",
        TitleTemplates = ["The {Force}", "{Force} Protocol", "Beyond {place}", "Echoes of the {Force}"],
        Synopsis = "In {place}, {hero} keeps a lonely, exacting routine — until the {force} breaks every model {she} trusts. As {first} and {ally} try to understand it, {antagonist} moves to contain it, and the {force} reveals it knows things about {first} no one should. To answer it, {first} must risk the one certainty {she} {has} left.",
        World = "A near future that feels lived-in rather than shiny: worn consoles, recycled air, long silences in {place}. The tone is cerebral and awe-struck, with dread underneath; wonder is earned through precise, grounded detail.",
        Themes = ["Contact as a mirror: what the unknown shows us about ourselves", "Grief and the wish to undo time", "Institutional secrecy versus shared discovery", "Isolation and connection"],
        Hero = new("Protagonist, a {desc}", "To understand the {force} before anyone can bury it", "To stop using work as a place to hide from loss", "From solitary observer to someone who chooses connection, even with the unknown"),
        Antagonist = new("Antagonist, director of the programme", "To control the {force} and what the world learns of it", "To accept that some discoveries cannot be owned", "From gatekeeper to the person left behind by the future"),
        Ally = new("Ally, the engineer who keeps {place} running", "To keep the crew alive", "To trust {first}'s impossible data", "From sceptic to co-conspirator"),
        Mentor = new("Mentor, the scientist who first heard the {force}", "To be proven right, decades late", "To let {first} go further than they dared", "A legacy handed on"),
        StakesNote = "the {force} is a puzzle but not yet a personal threat or promise to {first}",
        Comparables =
        [
            new("Arrival", 2016, "intimate, grief-driven first contact on a controlled budget"),
            new("Ex Machina", 2014, "a contained cast and location with big ideas"),
            new("Moon", 2009, "a lone protagonist in isolation; low budget, strong concept"),
            new("Annihilation", 2018, "an expedition into the unknown that changes its explorers"),
            new("Interstellar", 2014, "science and family love on the same scale"),
        ],
        Audience = "Elevated genre audiences (18–49) who seek idea-driven science fiction; strong streaming appeal and festival potential.",
        BudgetLow = "$5M–$10M (contained, one principal set)",
        BudgetMid = "$20M–$40M (VFX-supported, limited locations)",
        BudgetHigh = "$80M–$150M (large-scale VFX)",
        Risks = ["VFX cost creep: keep the {force} mostly unseen", "Hard-science credibility: needs an adviser", "Cerebral pacing in the second act"],
        Production = "Build the {setting} interiors as one modular set; exteriors of {place} as plates or a single location shoot. Design the {force} as sound and light first, VFX second.",
        Statement = "{title} began with a question: what would you do if the universe answered the one call you had stopped making? I want the audience to feel the {force} as wonder and as grief, in the same breath.",
        Research =
        [
            ("Setting: {place}", "What daily life and work look like in {place}: shifts, equipment, isolation protocols."),
            ("The science of the {force}", "Which real phenomena make the {force} plausible; where the story can bend the physics."),
            ("Genre expectations", "Audiences reward grounded detail and a clear emotional core behind the concept."),
        ],
    };
}
