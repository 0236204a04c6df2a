namespace AgenteFilms.Agents.Providers.Offline;

internal static partial class GenreCatalog
{
    public static readonly GenreProfile Horror = new()
    {
        Key = "horror",
        DisplayName = "Horror",
        Keywords = ["horror", "scary", "supernatural", "ghost", "haunted", "haunting", "slasher", "creature", "folk horror", "occult", "possession"],
        DefaultSetting = "village",
        DefaultForce = "presence",
        ActTitles = ["The Quiet Before", "The Haunting", "The Reckoning"],
        Beats =
        [
            new(1, "Opening image", "{place} at dusk. {first}, a {desc}, keeps the small rituals that hold {hers} days together, while the {force} gathers at the edge of the {setting}."),
            new(1, "Inciting incident", "Someone in the {setting} loses something to the {force}, and {first} is the only one who saw it happen. By morning they insist nothing is missing."),
            new(1, "Break into two", "When the {force} takes something from {first} personally, {she} stop{s} pretending and start{s} keeping a record of everything it takes."),
            new(2, "The haunting escalates", "Each night the {force} comes closer. {first}'s record reveals a pattern tied to the {noun2}, and the {setting} splits into those who see it and those who won't."),
            new(2, "Midpoint", "{first} learns the {force} is not new: {antagonist} has been feeding it for years to keep the {setting} safe, at a price no one else agreed to."),
            new(2, "Bad guys close in", "{antagonist_first} turns the {setting} against {first}; {ally_first} is taken; the one place {first} felt safe stops being safe."),
            new(2, "All is lost", "The {force} takes the memory that made {first} who {she} {is}. Alone, {she} can no longer trust {hers} own record."),
            new(3, "Dark night of the soul", "{first} realises the {force} can only take what is offered in fear, and that {she} {has} been offering it everything."),
            new(3, "Climax", "{first} walks into the {force} carrying the one thing it cannot take, and breaks {antagonist_first}'s bargain in front of the whole {setting}."),
            new(3, "Final image", "{place} at dawn: the {force} has thinned to an ordinary mist. {first} begins a new record, this time of what {she} chooses to keep."),
        ],
        Logline = "When {hero}, a {desc} in {place}, realises the {force} is taking something from everyone it touches, {she} must uncover what the {setting} has been feeding it — before it takes the one thing {she} cannot lose.",
        Goal = "find out what is really waiting in {place}",
        Tail = "before it takes the one thing {lead_she} cannot lose",
        AltLogline = "In {place}, a {desc} keeps a record of everything the {force} takes — until the record shows {she} {is} next.",
        TitleTemplates = ["What the {Force} Takes", "The {Force} Over {place}", "Under the {Force}", "Hollow {Force}"],
        Synopsis = "In {place}, {hero} notices what no one else will: the {force} is taking something from the people it touches. As {first} keeps a record, {antagonist} works to keep the {setting}'s old bargain intact, and {ally} becomes the next to be taken. To end it, {first} must face what {she} {has} been afraid to lose.",
        World = "{place} as a closed, weathered community where everyone knows the rules and nobody says them. The tone is slow-burn dread that breaks into sudden terror; scares come from absence and wrongness before they come from anything seen.",
        Themes = ["What a community sacrifices to feel safe", "Memory and identity", "Fear as the thing that feeds the monster", "Bearing witness"],
        Hero = new("Protagonist, a {desc}", "To stop the {force} and recover what it took", "To stop living in fear and let others in", "From watchful isolation to a stand taken in the open"),
        Antagonist = new("Antagonist, keeper of the {setting}'s bargain", "To keep the {force} fed and the {setting} safe", "To admit the bargain was always a choice", "From protector to the {force}'s last offering"),
        Ally = new("Ally, the sceptic who starts to see", "To prove {first} wrong", "To believe what {she} sees", "Believes one scene too late, then fights alongside {first}"),
        Mentor = new("Mentor, the elder who remembers the last time", "To forget what they did", "To tell the truth", "A confession that hands {first} the key to the climax"),
        StakesNote = "the scares are effective but the rules of the {force} are unclear, so the danger feels arbitrary",
        Comparables =
        [
            new("Get Out", 2017, "social horror with a clear high concept and strong word of mouth"),
            new("Hereditary", 2018, "grief-driven horror built on dread rather than jump scares"),
            new("A Quiet Place", 2018, "a simple rule that organises every scare"),
            new("The Witch", 2015, "folk horror rooted in a closed community"),
            new("It Follows", 2014, "a memorable threat on a micro budget"),
        ],
        Audience = "Core horror audiences (17–34) plus elevated-horror fans (25–44); genre festivals and a strong opening weekend drive it.",
        BudgetLow = "$1M–$5M (contained horror, one location)",
        BudgetMid = "$8M–$18M (elevated horror, practical effects)",
        BudgetHigh = "$25M–$45M (studio horror, set pieces)",
        Risks = ["The rules of the {force} must be simple enough to sell in a trailer", "A slow burn can frustrate core horror audiences", "Effects: keep the {force} practical and mostly unseen"],
        Production = "One principal location standing in for {place}, with night shoots and weather. Practical atmospherics (haze, sound design) carry the {force}; a short VFX list for the climax.",
        Statement = "{title} is a horror film about what we agree not to see. The {force} is the scare, but the real monster is a community's bargain — and {first}'s refusal to keep paying it.",
        Research =
        [
            ("Setting: {place}", "Folklore, weather and history of {place}: the real texture a closed community would have."),
            ("The {force}", "Real phenomena and legends close to the {force}: what makes it feel plausible and local."),
            ("Genre expectations", "Horror audiences want clear rules for the threat, escalating set pieces and a cathartic final confrontation."),
        ],
        Runtime = "90–100 minutes",
    };
}
