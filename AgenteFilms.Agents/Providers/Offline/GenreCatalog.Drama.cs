namespace AgenteFilms.Agents.Providers.Offline;

internal static partial class GenreCatalog
{
    public static readonly GenreProfile Drama = new()
    {
        Key = "drama",
        DisplayName = "Drama",
        Keywords = ["drama", "dramatic", "biopic", "coming of age", "coming-of-age", "family saga", "period piece", "historical"],
        DefaultSetting = "house",
        DefaultForce = "secret",
        ActTitles = ["What Was", "What Breaks", "What Remains"],
        Beats =
        [
            new(1, "Opening image", "{place}. {first}, a {desc}, in the middle of an ordinary day that shows everything {she} {has} stopped saying out loud."),
            new(1, "Inciting incident", "The {force} surfaces — a letter, a diagnosis, a return — and the careful balance of {first}'s life in the {setting} tips."),
            new(1, "Break into two", "{first} decides to face it rather than manage it, and asks {ally_first} for the one thing they have never given each other: the truth."),
            new(2, "A new normal", "Small, tender victories: {first} and {ally_first} rebuild something around the {noun2}, while {mentor_first} watches with a warning {she} won't hear yet."),
            new(2, "Midpoint", "The {force} turns out to be only half the story; {antagonist} holds the other half, and it changes who {first} thought {she} was."),
            new(2, "Bad guys close in", "Old patterns return. {first} says the cruel thing; {ally_first} withdraws; the {setting} itself becomes a battleground."),
            new(2, "All is lost", "A loss that cannot be undone. {first} is left with the {force} and no one to share it with."),
            new(3, "Dark night of the soul", "In the empty {setting}, {first} finally grieves — not what happened, but who {she} refused to be."),
            new(3, "Climax", "{first} goes to {antagonist_first} and chooses honesty over being right, giving up the version of the past {she} {has} defended all film."),
            new(3, "Final image", "{place} again, the same ordinary day — but now {first} says the thing out loud."),
        ],
        Logline = "When the {force} resurfaces in {place}, {hero}, a {desc}, must confront {antagonist_first} and the past they share — or lose the last person who still knows {her}.",
        Goal = "face the past {lead_she} {lead_has} spent years avoiding",
        Tail = "or lose the last person who still knows {lead_her}",
        AltLogline = "A {desc} in {place} has one season to face the {force} {she} buried years ago — and the one person who remembers it differently.",
        TitleTemplates = ["The {Force}", "What the {Force} Kept", "Winter in {place}", "All the {Force}s We Keep"],
        Synopsis = "{hero} has held {hers} life in {place} together by never looking at the {force} directly. When it surfaces, {first} turns to {ally} and, reluctantly, to {antagonist}, the only other person who knows the whole truth. Over one season, old wounds reopen, and {first} must decide whether being right about the past is worth losing the future.",
        World = "{place} observed closely: kitchens, car rides, the {setting} in every season. The tone is intimate and restrained, with humour in the cracks; performances carry the film, and the camera gives them room.",
        Themes = ["Grief and what we owe the people we have lost", "Family as the place we are most ourselves and least honest", "Forgiveness without forgetting", "Time and second chances"],
        Hero = new("Protagonist, a {desc}", "To settle the {force} once and for all", "To forgive — others and {hers} younger self", "From guarded to open; from being right to being present"),
        Antagonist = new("Estranged family member who holds the other half of the truth", "To be acknowledged", "To apologise first", "From adversary to the person {first} finally hears"),
        Ally = new("The person who stayed", "To keep the peace", "To stop disappearing into everyone else's needs", "Finds {hers} own voice in the third act"),
        Mentor = new("A neighbour who has seen it all before", "To spare {first} the mistake they made", "To let go", "A quiet exit that teaches by example"),
        StakesNote = "the conflict is mostly internal; we need a clear, visible consequence if {first} fails to change",
        Comparables =
        [
            new("Manchester by the Sea", 2016, "grief, place and family told with restraint and humour"),
            new("Aftersun", 2022, "memory and what we did not see at the time"),
            new("The Father", 2020, "a performance-led drama with a bold formal idea"),
            new("Nomadland", 2020, "an intimate portrait on a modest budget"),
            new("Minari", 2020, "family, land and resilience with awards-season reach"),
        ],
        Audience = "Adult specialty audiences (30+), festival and awards-season positioning; strong with book-club and streaming-drama viewers.",
        BudgetLow = "$1M–$5M (intimate, performance-led)",
        BudgetMid = "$8M–$20M (name cast, period or location demands)",
        BudgetHigh = "$30M–$50M (prestige, awards campaign)",
        Risks = ["A quiet story needs a festival launch and strong reviews", "Performance-dependent casting", "Marketing a film about grief: lead with warmth and humour"],
        Production = "Shoot in {place} or a close match across two seasons if possible; the {setting} is the principal location. Small crew, long takes, time for rehearsal.",
        Statement = "{title} is personal. It is about the {force} every family keeps and what happens when someone finally opens it. I want audiences to leave wanting to call someone.",
        Fixes = new Dictionary<string, string>
        {
            ["Midpoint"] = "Now the reveal costs {first} directly: the other half of the story is a choice {first} made, and {antagonist_first} has kept it quiet to protect {her}.",
        },
        Research =
        [
            ("Setting: {place}", "The texture of life in {place}: work, weather, how families there talk (and don't)."),
            ("The {force}", "Real experiences like the {force}: interviews and memoirs to keep the drama honest."),
            ("Genre expectations", "Drama audiences want truth in behaviour and a cathartic but unsentimental ending."),
        ],
    };
}
