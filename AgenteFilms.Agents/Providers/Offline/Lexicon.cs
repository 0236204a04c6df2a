namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>
/// The small built-in vocabulary the concept parser leans on. Modest on purpose: each list only has to tell a
/// person's name from a place, a holiday or a verb in the kind of sentence writers use for a logline.
/// </summary>
internal static class Lexicon
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open a noun phrase.</summary>
    public static readonly HashSet<string> Determiners = Set("a", "an", "the", "one", "her", "his", "their", "its", "my", "our", "every", "each", "some", "this", "two", "three", "four", "five");

    public static readonly HashSet<string> GroupNumbers = Set("two", "three", "four", "five", "six", "several", "twin");

    public static readonly HashSet<string> PossessivePronouns = Set("her", "his", "their", "its", "my", "our");

    /// <summary>Prepositions after which a capitalised word is a place, not a person.</summary>
    public static readonly HashSet<string> PlacePrepositions = Set(
        "in", "at", "from", "across", "on", "near", "outside", "inside", "to", "into", "under", "beneath", "aboard", "of", "through", "around", "above", "below", "beyond", "off", "toward", "towards",
        "à", "en", "au", "dans", "de", "em", "na", "no", "nel", "bei", "im", "aus");

    /// <summary>Prepositions that can follow the subject before its verb ("two bakers in Lyon are ...").</summary>
    public static readonly HashSet<string> SubjectPrepositions = Set("in", "at", "from", "on", "aboard", "near", "outside", "inside", "of", "across", "under", "beneath");

    public static readonly HashSet<string> IntroOpeners = Set("in", "on", "at", "aboard", "across", "during", "inside", "beneath", "under", "after", "before", "when", "while", "once", "somewhere", "deep", "high", "far", "years", "centuries", "decades");

    public static readonly HashSet<string> Modals = Set("must", "has", "have", "needs", "need", "is", "are", "will", "can", "could", "should", "would");

    public static readonly HashSet<string> RelativeWords = Set("who", "whose", "whom", "that", "which", "where");

    /// <summary>Function and filler words: never a name, never the head of the central object.</summary>
    public static readonly HashSet<string> Stop = Set(
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "into", "onto", "from", "with", "without", "for", "by", "as",
        "who", "whom", "whose", "that", "which", "what", "when", "where", "while", "after", "before", "until", "because", "if", "than",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "must", "can", "could", "will",
        "would", "should", "may", "might", "shall", "her", "his", "their", "its", "our", "my", "your", "she", "he", "they", "it", "them",
        "him", "this", "these", "those", "there", "here", "then", "so", "not", "no", "all", "every", "each", "some", "any", "one",
        "only", "own", "just", "even", "also", "very", "most", "more", "about", "over", "under", "between", "through", "across",
        "thing", "things", "something", "someone", "everything", "everyone", "nothing", "people", "way", "life", "lives", "world", "time",
        "same", "whole", "entire", "other", "another", "himself", "herself", "themselves", "itself", "rolling", "living", "run", "what",
        "why", "how", "if", "nobody", "everybody", "somebody", "we", "you", "i", "us", "against", "around", "behind", "beyond", "within",
        "upon", "out", "up", "down", "off", "away", "back", "once", "now", "never", "always", "still", "yet", "again", "too");

    /// <summary>Common verbs of a logline's main clause (third person and plural), which end a subject's description.</summary>
    public static readonly HashSet<string> Verbs = Set(
        "discovers", "discover", "finds", "find", "learns", "learn", "realises", "realizes", "realise", "realize", "becomes", "become",
        "tries", "try", "wants", "want", "needs", "gets", "get", "goes", "go", "takes", "take", "makes", "make", "starts", "start",
        "begins", "begin", "decides", "decide", "struggles", "struggle", "steals", "steal", "uncovers", "uncover", "hunts", "hunt",
        "loses", "lose", "wins", "win", "falls", "fall", "returns", "return", "inherits", "inherit", "wakes", "wake", "joins", "join",
        "teams", "team", "investigates", "investigate", "meets", "meet", "rebuilds", "rebuild", "hides", "hide", "picks", "pick",
        "keeps", "keep", "works", "work", "runs", "lives", "live", "tracks", "track", "receives", "receive", "agrees", "agree", "plots",
        "plot", "fights", "fight", "searches", "search", "travels", "travel", "escapes", "escape", "accepts", "accept", "opens", "open",
        "builds", "build", "sets", "set", "leads", "lead", "plans", "plan", "attempts", "attempt", "comes", "come", "moves", "move",
        "stumbles", "stumble", "witnesses", "witness", "befriends", "befriend", "kidnaps", "kidnap", "hears", "hear", "sees", "see",
        "buys", "buy", "sells", "sell", "writes", "write", "answers", "answer", "follows", "follow", "infiltrates", "infiltrate",
        "enters", "enter", "signs", "sign", "competes", "compete", "swaps", "swap", "trades", "trade", "races", "race", "risks",
        "must", "is", "are", "was", "were", "has", "have", "will", "can", "could", "should", "accidentally", "secretly", "suddenly",
        "reluctantly", "finally", "unwittingly", "desperately", "refuses", "refuse", "vows", "vow", "sets", "learns", "cares", "hires",
        "hire", "adopts", "adopt", "shares", "share", "discovered", "found", "took", "fell", "checks", "check", "claims", "claim", "believes", "believe", "knows", "know", "inherits", "wakes", "arrives", "arrive", "lands", "land", "crashes", "crash", "dies", "die", "kills", "kill", "gives", "give", "tells", "tell", "turns", "turn", "sees", "leaves", "leave", "stays", "stay", "visits", "visit", "catches", "catch", "chases", "chase", "protects", "protect", "loves", "love", "hates", "hate");

    /// <summary>Nouns that name a place a story can be set in; the first one the concept uses becomes its key location.</summary>
    public static readonly HashSet<string> PlaceNouns = Set(
        "village", "town", "city", "island", "ship", "station", "school", "hospital", "farm", "house", "hotel", "motel", "prison", "colony",
        "planet", "moon", "outpost", "harbour", "harbor", "port", "valley", "desert", "forest", "mountain", "lake", "coast", "border",
        "kingdom", "neighbourhood", "neighborhood", "suburb", "restaurant", "kitchen", "office", "campus", "lighthouse", "mine",
        "factory", "church", "monastery", "castle", "manor", "apartment", "bakery", "theatre", "theater", "studio", "archive", "library",
        "bar", "diner", "cafe", "café", "inn", "casino", "museum", "zoo", "circus", "carnival", "submarine", "train", "airport", "mall",
        "supermarket", "bank", "court", "courthouse", "embassy", "palace", "shop", "bookshop", "bookstore", "laundromat", "gym", "ward",
        "asylum", "orphanage", "convent", "cabin", "lodge", "resort", "spa", "vineyard", "ranch", "estate", "cemetery", "funeral home",
        "warehouse", "plant", "rig", "base", "bunker", "tower", "market", "street", "estate", "marina", "campsite", "camp", "tunnel");

    public static readonly HashSet<string> TimeNouns = Set(
        "night", "nights", "day", "days", "morning", "evening", "week", "weeks", "year", "years", "season", "summer", "winter", "autumn",
        "spring", "month", "months", "hour", "hours", "decade", "century", "weekend", "moment", "minute", "minutes", "future", "past");

    public static readonly HashSet<string> Holidays = Set(
        "Christmas", "Easter", "Halloween", "Thanksgiving", "Hanukkah", "Diwali", "Ramadan", "Eid", "Passover", "Carnival", "Carnaval",
        "Midsummer", "Valentine's", "Valentine", "Hogmanay", "Mardi", "Yom", "Nowruz", "Holi", "Lunar", "Boxing", "Solstice", "Advent", "Pentecost");

    public static readonly HashSet<string> Months = Set(
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /// <summary>Brands and institutions that show up in concepts as adjectives ("a Google engineer").</summary>
    public static readonly HashSet<string> Brands = Set(
        "Google", "Amazon", "Netflix", "Facebook", "Apple", "Microsoft", "Tesla", "Uber", "Instagram", "TikTok", "YouTube", "Twitter",
        "NASA", "FBI", "CIA", "MI6", "KGB", "NHS", "Interpol", "Olympic", "Olympics", "Internet", "God");

    /// <summary>Common cities, countries, regions and heavenly bodies, for places a concept names without a preposition.</summary>
    public static readonly HashSet<string> KnownPlaces = Set(
        "Tokyo", "Kyoto", "Osaka", "Seoul", "Beijing", "Shanghai", "Hong Kong", "Mumbai", "Delhi", "Bangkok", "Singapore", "Jakarta",
        "Manila", "Sydney", "Melbourne", "Auckland", "Paris", "Lyon", "Marseille", "London", "Manchester", "Liverpool", "Leeds",
        "Glasgow", "Edinburgh", "Dublin", "Galway", "Belfast", "Berlin", "Hamburg", "Munich", "Vienna", "Prague", "Warsaw", "Budapest",
        "Rome", "Venice", "Naples", "Milan", "Florence", "Madrid", "Barcelona", "Seville", "Lisbon", "Porto", "Amsterdam", "Brussels",
        "Copenhagen", "Oslo", "Stockholm", "Helsinki", "Reykjavik", "Athens", "Istanbul", "Cairo", "Lagos", "Nairobi", "Johannesburg",
        "Cape Town", "Casablanca", "Marrakech", "Dubai", "Tehran", "Moscow", "Kyiv", "Kiev", "Odessa", "Odesa", "Havana", "Mexico City",
        "New York", "Brooklyn", "Chicago", "Detroit", "Boston", "Miami", "Los Angeles", "Hollywood", "San Francisco", "Seattle",
        "New Orleans", "Las Vegas", "Texas", "Alaska", "Toronto", "Montreal", "Vancouver", "Rio", "Buenos Aires", "Lima", "Bogotá",
        "Santiago", "Brighton", "Provence", "Tuscany", "Sicily", "Bavaria", "Siberia", "Patagonia", "Antarctica", "Arctic",
        "France", "England", "Scotland", "Ireland", "Wales", "Britain", "Germany", "Italy", "Spain", "Portugal", "Norway", "Sweden",
        "Finland", "Denmark", "Iceland", "Poland", "Greece", "Turkey", "Egypt", "Nigeria", "Kenya", "Morocco", "India", "China", "Japan",
        "Korea", "Vietnam", "Thailand", "Australia", "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Peru", "Cuba", "America",
        "Europe", "Africa", "Asia", "Nova Scotia", "Mars", "Venus", "Jupiter", "Saturn", "Europa", "Titan", "Ganymede", "Pluto", "Earth");

    /// <summary>Family relations: relatives a concept mentions become characters or backstory.</summary>
    public static readonly IReadOnlyDictionary<string, Pronouns> Relations = new Dictionary<string, Pronouns>(StringComparer.OrdinalIgnoreCase)
    {
        ["sister"] = Pronouns.She, ["daughter"] = Pronouns.She, ["mother"] = Pronouns.She, ["wife"] = Pronouns.She, ["grandmother"] = Pronouns.She,
        ["aunt"] = Pronouns.She, ["niece"] = Pronouns.She, ["girlfriend"] = Pronouns.She, ["mum"] = Pronouns.She, ["mom"] = Pronouns.She,
        ["brother"] = Pronouns.He, ["son"] = Pronouns.He, ["father"] = Pronouns.He, ["husband"] = Pronouns.He, ["grandfather"] = Pronouns.He,
        ["uncle"] = Pronouns.He, ["nephew"] = Pronouns.He, ["boyfriend"] = Pronouns.He, ["dad"] = Pronouns.He,
        ["child"] = Pronouns.They, ["twin"] = Pronouns.They, ["partner"] = Pronouns.They, ["parent"] = Pronouns.They, ["cousin"] = Pronouns.They,
        ["sibling"] = Pronouns.They, ["spouse"] = Pronouns.They, ["grandchild"] = Pronouns.They, ["fiancé"] = Pronouns.He, ["fiancée"] = Pronouns.She,
    };

    /// <summary>Words in a protagonist's description that give their gender when the concept has no pronouns.</summary>
    public static readonly IReadOnlyDictionary<string, Pronouns> GenderedNouns = new Dictionary<string, Pronouns>(StringComparer.OrdinalIgnoreCase)
    {
        ["woman"] = Pronouns.She, ["girl"] = Pronouns.She, ["mother"] = Pronouns.She, ["widow"] = Pronouns.She, ["daughter"] = Pronouns.She,
        ["queen"] = Pronouns.She, ["nun"] = Pronouns.She, ["actress"] = Pronouns.She, ["waitress"] = Pronouns.She, ["grandmother"] = Pronouns.She,
        ["sister"] = Pronouns.She, ["princess"] = Pronouns.She, ["businesswoman"] = Pronouns.She, ["housewife"] = Pronouns.She, ["mum"] = Pronouns.She,
        ["man"] = Pronouns.He, ["boy"] = Pronouns.He, ["father"] = Pronouns.He, ["widower"] = Pronouns.He, ["son"] = Pronouns.He, ["king"] = Pronouns.He,
        ["priest"] = Pronouns.He, ["monk"] = Pronouns.He, ["grandfather"] = Pronouns.He, ["brother"] = Pronouns.He, ["prince"] = Pronouns.He,
        ["businessman"] = Pronouns.He, ["dad"] = Pronouns.He, ["fisherman"] = Pronouns.He,
    };

    public static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "Detective", "Doctor", "Dr", "Captain", "Agent", "Officer", "Professor", "Sister", "Father", "Lady", "Lord", "Sir", "Mrs", "Mr",
        "Ms", "Miss", "Inspector", "Sergeant", "Commander", "Judge", "Chef", "Coach", "Aunt", "Uncle", "Grandma", "Grandpa",
    };

    public static readonly HashSet<string> OlderWords = Set(
        "retired", "old", "elderly", "aging", "ageing", "veteran", "widow", "widower", "grandmother", "grandfather", "former", "grizzled");

    public static bool IsPlural(string noun)
    {
        var w = noun.ToLowerInvariant();
        return w is "people" or "children" or "men" or "women" or "police" or "mice" or "geese"
            || (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                && !w.EndsWith("is", StringComparison.Ordinal) && !w.EndsWith("'s", StringComparison.Ordinal) && !w.EndsWith("’s", StringComparison.Ordinal));
    }

    public static string Singular(string noun)
        => noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y"
            : noun.EndsWith("men", StringComparison.Ordinal) ? noun[..^3] + "man"
            : IsPlural(noun) ? noun[..^1]
            : noun;

    public static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("s'", StringComparison.Ordinal);

    public static string WithoutPossessive(string word) => IsPossessive(word) ? (word.EndsWith("s'", StringComparison.Ordinal) ? word[..^1] : word[..^2]) : word;
}
