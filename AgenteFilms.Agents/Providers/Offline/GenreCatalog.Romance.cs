namespace AgenteFilms.Agents.Providers.Offline;

internal static partial class GenreCatalog
{
    public static readonly GenreProfile Romance = new()
    {
        Key = "romance",
        DisplayName = "Romance",
        Keywords = ["romance", "romantic", "rom-com", "romcom", "rom com", "love story", "love", "romantic comedy", "romantic drama"],
        DefaultSetting = "city",
        DefaultForce = "promise",
        ActTitles = ["Meeting", "Falling", "Choosing"],
        Beats =
        [
            new(1, "Opening image", "{place}: {first}, a {desc}, has arranged {hers} life so that nothing surprising can happen, especially not around the {noun2}."),
            new(1, "Meet-cute", "{first} collides with {ally} over the {force} — wrong assumptions on both sides and a spark neither of them wants."),
            new(1, "Break into two", "Circumstances in the {setting} force them to spend the season together; {first} agrees on the condition that it means nothing."),
            new(2, "Falling", "Stolen hours across {place}: {first} and {ally_first} teach each other how to see the {force} differently, and the rules start to slip."),
            new(2, "Midpoint", "The first kiss, and the first honest conversation. For a moment, {first} lets {her}self imagine a different life."),
            new(2, "Bad guys close in", "{antagonist} and the life {first} planned pull {her} back; the secret about the {force} that {first} has been keeping starts to show."),
            new(2, "All is lost", "The secret comes out at the worst moment. {ally_first} leaves {place}, and {first} tells {her}self it is for the best."),
            new(3, "Dark night of the soul", "{mentor_first} tells {first} the story of the love {she} let go; {first} finally sees the pattern."),
            new(3, "Climax", "{first} risks the safe life in one public, unguarded gesture at the {setting}, with no guarantee it is not too late."),
            new(3, "Final image", "{place}, the same street as the opening — but now {first} is walking it with someone."),
        ],
        Logline = "When {hero}, a {desc} in {place}, is thrown together with {ally} over the {force}, {she} must choose between the safe life {she} planned and a love that asks {her} to be brave.",
        Goal = "choose between the safe life {lead_she} planned and a love that asks {lead_her} to be brave",
        Tail = "before the season, and the chance, runs out",
        AltLogline = "A {desc} in {place} who plans everything meets {ally}, who plans nothing — and the {force} puts them on the same road for one season.",
        TitleTemplates = ["The {Force}", "A Season in {place}", "Everything but the {Force}", "{place}, Again"],
        Synopsis = "{hero} has a plan for {hers} life in {place}, and it does not include {ally}. Thrown together by the {force}, the two of them fall despite themselves — until {antagonist} and a secret {first} has been keeping pull them apart. To keep what {she} found, {first} must risk the one thing {she} {has} always protected: {hers} pride.",
        World = "{place} as a character in the love story: golden-hour streets, crowded rooms, the {setting} in changing seasons. The tone is warm, witty and honest about longing; the chemistry is the spectacle.",
        Themes = ["Love as a risk worth taking", "The life we plan versus the life we live", "Timing and second chances", "Vulnerability as strength"],
        Hero = new("Protagonist, a {desc}", "To keep {hers} plan — and {hers} heart — intact", "To let someone see {her} as {she} really {is}", "From guarded planner to someone who chooses love without a guarantee"),
        Antagonist = new("The safe choice: {first}'s fiancé(e), boss or family expectation", "To keep {first} on the planned path", "To accept that {first} has changed", "Lets go with grace in the third act"),
        Ally = new("Love interest", "To leave {place} with no ties", "To stay for something", "From drifter to someone who commits"),
        Mentor = new("Confidant who once loved and lost", "To protect {first} from heartbreak", "To tell the truth about {hers} own regret", "The story that changes {first}'s mind"),
        StakesNote = "the obstacle between the lovers is a misunderstanding rather than a real, opposed want",
        Comparables =
        [
            new("Past Lives", 2023, "a grown-up love story about timing and roads not taken"),
            new("Before Sunrise", 1995, "chemistry and conversation as the whole spectacle"),
            new("Brooklyn", 2015, "love and home pulling in opposite directions"),
            new("Call Me by Your Name", 2017, "a place and a season as part of the romance"),
            new("La La Land", 2016, "love versus ambition, with a bittersweet edge"),
        ],
        Audience = "Women 18–49 and date-night audiences; strong streaming performance and soundtrack potential.",
        BudgetLow = "$2M–$7M (two-hander, real locations)",
        BudgetMid = "$10M–$25M (name leads, destination locations)",
        BudgetHigh = "$35M–$60M (star vehicle)",
        Risks = ["Chemistry is everything: cast as a pair, test together", "The obstacle must feel real, not contrived", "A crowded streaming space: lead with the specificity of {place}"],
        Production = "Location shoot in {place} across one season; the {setting} scenes can be consolidated. Music licensing is a real line item.",
        Statement = "{title} is about the courage it takes to change your plan for another person. I wanted to write a romance where the obstacle is the hero's own fear, and where {place} feels like a third lead.",
        Fixes = new Dictionary<string, string>
        {
            ["Midpoint"] = "Now the high comes with a clock: {first} learns {ally_first} is leaving {place} at the end of the season, so every stolen hour is also a goodbye.",
            ["Bad guys close in"] = "{antagonist_first} is no villain: {antagonist_first} offers {first} exactly the life {she} asked for, which makes saying no to it cost something real.",
        },
        Research =
        [
            ("Setting: {place}", "The romance of {place}: seasons, rituals, the places locals love and tourists miss."),
            ("The {force}", "What the {force} means in real lives like these: the practical and emotional detail that grounds the story."),
            ("Genre expectations", "Romance audiences want a strong meet-cute, a real obstacle and an earned grand gesture."),
        ],
    };
}
