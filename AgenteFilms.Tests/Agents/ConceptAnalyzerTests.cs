using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers.Offline;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class ConceptAnalyzerTests
{
    private const string Venice = "In a drowned Venice of 2090, a lonely archivist discovers that the city's flood barriers are powered by stolen memories, and she must choose between her sister's past and the city's future";
    private const string Lyon = "Two rival bakers in Lyon are forced to share one oven for a televised Christmas contest";
    private const string Motel = "A grieving father takes a night job at a motel where every guest checks in under his late son's name";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Concept Analyze(string concept, string genre) => ConceptAnalyzer.Analyze(new Brief { Concept = concept, Genre = genre });

    /// <summary>concept, genre, protagonist phrase, a name the protagonist must not have, setting words, central object, logline must contain.</summary>
    public static TheoryData<string, string, string, string, string, string, string> Table => new()
    {
        { Venice, "science fiction", "a lonely archivist", "Venice", "the drowned Venice of 2090", "flood barriers", "choose between her sister's past and the city's future" },
        { Lyon, "romantic comedy", "two rival bakers", "Christmas", "Lyon", "televised Christmas contest", "share one oven for a televised Christmas contest" },
        { Motel, "horror", "a grieving father", "Motel", "motel", "night job", "where every guest checks in under his late son's name" },
        { "Mara, a lighthouse keeper on a storm-wrecked island, finds a message in a bottle written in her own hand.", "drama", "a lighthouse keeper", "Island", "on a storm-wrecked island", "message", "Mara, a lighthouse keeper on a storm-wrecked island, finds a message" },
        { "Christmas Eve in Oslo, a taxi driver picks up a passenger who claims to be her future self.", "thriller", "a taxi driver", "Christmas", "Oslo on Christmas Eve", "passenger", "a taxi driver in Oslo on Christmas Eve, picks up a passenger" },
        { "A detective who can see the future must stop a murder in Tokyo before it happens.", "thriller", "a detective who can see the future", "Tokyo", "Tokyo", "murder", "a detective who can see the future, must stop a murder in Tokyo" },
        { "On Mars, three miners hide a stowaway child from the company that owns the colony.", "science fiction", "three miners", "Mars", "on Mars", "company", "When three miners on Mars, led by" },
        { "In 1942, a young forger in Lisbon sells fake passports to refugees and falls for the officer hunting her.", "romance", "a young forger", "Lisbon", "in Lisbon in 1942", "fake passports", "sells fake passports to refugees" },
        { "A retired lighthouse keeper in Nova Scotia discovers that the fog rolling into her village is a living thing that steals memories.", "horror", "a retired lighthouse keeper", "Nova", "in Nova Scotia", "fog", "discovers that the fog rolling into her village" },
        { "Detective Rosa Ortiz hunts a killer in Mexico City who leaves origami cranes at every scene.", "thriller", "a detective", "Mexico", "Mexico City", "killer", "Rosa Ortiz" },
        { "On Halloween in Tokyo, two estranged brothers inherit a haunted noodle shop.", "horror", "two estranged brothers", "Halloween", "Tokyo on Halloween", "noodle shop", "inherit a haunted noodle shop" },
        { "A Google engineer in Seoul teaches her grandmother's ghost to use a smartphone.", "comedy", "a Google engineer", "Google", "in Seoul", "grandmother's ghost", "teaches her grandmother's ghost to use a smartphone" },
        { "Robots.", "sci-fi", "", "Robots", "the station", "robots", "" },
        { "What if every lie you told came true?", "comedy", "", "What", "the town", "lie", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Concept_IsReadAsASentence_NotAsCapitalisedWords(string text, string genre, string phrase, string notAName, string setting, string obj, string inLogline)
    {
        var concept = Analyze(text, genre);
        var logline = concept.Logline();

        Assert.Equal(phrase, concept.HeroPhrase);
        Assert.DoesNotContain(notAName, concept.Hero, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(obj, concept.ForcePhrase + " " + concept.Force, StringComparison.Ordinal);
        Assert.Contains(setting, logline + " " + concept.Place + " " + concept.Setting, StringComparison.Ordinal);
        Assert.Contains(inLogline, logline, StringComparison.Ordinal);
        Assert.Contains(concept.HeroFirst, logline, StringComparison.Ordinal);
        Assert.DoesNotContain("{", logline, StringComparison.Ordinal);
        Assert.DoesNotContain("(", logline, StringComparison.Ordinal); // no escaped or unfilled placeholders
        Assert.DoesNotMatch(@"\b(?:over|around|about) the (?:televised|drowned|lonely|grieving)\b", logline);
        Assert.DoesNotMatch(@"\ba [aeiou]", logline);
    }

    [Fact]
    public void Venice_IsTheSetting_TheArchivistIsTheProtagonist_AndHerSisterIsACharacter()
    {
        var concept = Analyze(Venice, "science fiction");

        Assert.Equal("drowned Venice", concept.Place);
        Assert.Equal("lonely archivist", concept.HeroDescriptor);
        Assert.Same(Pronouns.She, concept.Pronouns);
        Assert.Equal("the city's flood barriers", concept.ForcePhrase);
        Assert.Equal("choose between her sister's past and the city's future", concept.Dilemma);
        var (sister, name) = Assert.Single(concept.Family);
        Assert.Equal("sister", sister.Relation);
        Assert.EndsWith(concept.Hero.Split(' ')[^1], name, StringComparison.Ordinal);
        Assert.DoesNotContain("station", concept.Logline(), StringComparison.Ordinal);
    }

    [Fact]
    public void PluralObject_GetsPluralVerbs_AndNoArticle()
    {
        var concept = Analyze(Venice, "science fiction");

        Assert.Contains("The flood barriers appear where", concept.Fill("The {force} appears where the models say it cannot."), StringComparison.Ordinal);
        Assert.Equal("She answers flood barriers no one believes in.", concept.Fill("She answers a {force} no one believes in."));
        Assert.Equal("She is an archivist.", Analyze("An archivist finds a map.", "drama").Fill("She is a {desc}."));
    }

    [Fact]
    public void RivalBakers_ShareTheLead_AndTheOtherBakerIsTheCoLead()
    {
        var concept = Analyze(Lyon, "romantic comedy");

        Assert.True(concept.IsPair);
        Assert.Equal("rival baker", concept.HeroDescriptor);
        Assert.StartsWith($"When {concept.Hero} and {concept.Ally}, two rival bakers in Lyon, are forced", concept.Logline(), StringComparison.Ordinal);
        Assert.Contains("they must", concept.Logline(), StringComparison.Ordinal);
    }

    [Fact]
    public void GrievingFather_IsHe_AndHisLateSonIsBackstory()
    {
        var concept = Analyze(Motel, "horror");

        Assert.Same(Pronouns.He, concept.Pronouns);
        Assert.Equal("motel", concept.Setting);
        Assert.Equal("the motel", concept.Place);
        var (son, _) = Assert.Single(concept.Family);
        Assert.True(son.IsDeceased);
        Assert.DoesNotContain("village", concept.Logline(), StringComparison.Ordinal);
    }

    [Fact]
    public void SameBrief_IsReadTheSameWay()
        => Assert.Equal(Analyze(Venice, "sci-fi"), Analyze(Venice, "sci-fi"), (a, b) => a.Logline() == b.Logline() && a.Hero == b.Hero && a.Title == b.Title);

    public static TheoryData<string, string, string> WorkflowConcepts => new()
    {
        { Venice, "science fiction", "Venice" },
        { Lyon, "romantic comedy", "Lyon" },
        { Motel, "horror", "motel" },
    };

    [Theory]
    [MemberData(nameof(WorkflowConcepts))]
    public async Task FullOfflineWorkflow_KeepsTheConceptsSettingAndCast(string text, string genre, string settingWord)
    {
        var context = EngineHarness.NewContext(brief: OfflineHarness.Brief(text, genre));

        var events = await OfflineHarness.Create().RunAsync(context, Ct);

        events.Terminal<RunCompleted>();
        var pitch = OfflineHarness.Pitch(context)!;
        Assert.Contains(settingWord, pitch.Logline, StringComparison.Ordinal);
        Assert.All(pitch.Characters, c => Assert.DoesNotContain("Venice", c.Name, StringComparison.Ordinal));
        Assert.All(pitch.Characters, c => Assert.DoesNotContain("Christmas", c.Name, StringComparison.Ordinal));
        Assert.DoesNotMatch(@" over the televised(?! Christmas contest)", PitchMarkdown.Render(pitch));
        Assert.DoesNotContain("the village", PitchMarkdown.Render(pitch), StringComparison.Ordinal);
        Assert.DoesNotContain("the station", PitchMarkdown.Render(pitch), StringComparison.Ordinal);
        var hero = pitch.Characters[0];
        Assert.Contains(hero.Name.Split(' ')[0], pitch.Logline, StringComparison.Ordinal);
        switch (settingWord)
        {
            case "Venice":
                Assert.Contains("flood barriers", pitch.Logline, StringComparison.Ordinal);
                Assert.Contains("archivist", hero.Role, StringComparison.Ordinal);
                Assert.Contains(pitch.Characters, c => c.Role.Contains("sister", StringComparison.Ordinal));
                break;
            case "Lyon":
                Assert.Contains("televised Christmas contest", pitch.Logline, StringComparison.Ordinal);
                Assert.Contains("rival baker", hero.Role, StringComparison.Ordinal);
                Assert.Contains("Co-lead", pitch.Characters[2].Role, StringComparison.Ordinal);
                break;
            default:
                Assert.Contains("late son", pitch.Logline + pitch.Synopsis, StringComparison.Ordinal);
                Assert.Contains("(he/him)", hero.Role, StringComparison.Ordinal);
                Assert.Contains(pitch.Characters, c => c.Role.Contains("late son", StringComparison.Ordinal));
                break;
        }
    }
}
