using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Tests.Agents;

public sealed class PitchStalenessTests
{
    private static readonly Dictionary<string, int> s_read = new() { ["brief"] = 1, ["outline"] = 2, ["characters"] = 2, ["market"] = 1, ["casting"] = 1 };

    [Fact]
    public void NothingIsStale_WhenNothingChanged()
        => Assert.Empty(PitchStaleness.StaleSections(s_read, new Dictionary<string, int>(s_read) { ["pitch"] = 3 }));

    [Fact]
    public void SectionsBuiltFromANewerKey_AreStale()
    {
        var current = new Dictionary<string, int>(s_read) { ["casting"] = 2 };

        Assert.Equal([PitchSections.Casting], PitchStaleness.StaleSections(s_read, current));
    }

    [Fact]
    public void ANewerOutline_MakesTheStorySectionsStale()
    {
        var current = new Dictionary<string, int>(s_read) { ["outline"] = 3 };

        Assert.Equal([PitchSections.Title, PitchSections.Logline, PitchSections.Synopsis, PitchSections.Structure], PitchStaleness.StaleSections(s_read, current));
    }

    [Fact]
    public void ANewerBrief_MakesThePitchWritersOwnSectionsStale()
    {
        var current = new Dictionary<string, int>(s_read) { ["brief"] = 2 };

        Assert.Equal(
            [PitchSections.Overview, PitchSections.WorldAndTone, PitchSections.Themes, PitchSections.WritersStatement],
            PitchStaleness.StaleSections(s_read, current));
    }
}
