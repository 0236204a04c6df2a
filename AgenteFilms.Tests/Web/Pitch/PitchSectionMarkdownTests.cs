using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Pitch;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Tests.Web.Pitch;

public sealed class PitchSectionMarkdownTests
{
    public static TheoryData<string> Sections => [.. PitchSections.All];

    [Theory]
    [MemberData(nameof(Sections))]
    public void EverySection_ReadsBackWhatItRenders(string section)
    {
        var pitch = SamplePitches.TheLastLighthouse();
        var markdown = PitchSectionMarkdown.Render(pitch, section);

        var applied = PitchSectionMarkdown.Apply(new PitchDocument { Title = "Other" }, section, markdown);

        Assert.False(string.IsNullOrWhiteSpace(markdown));
        Assert.Equal(markdown, PitchSectionMarkdown.Render(applied, section));
        Assert.Equal(PitchMarkdown.Render(PitchSectionMap.CopySection(pitch, new PitchDocument { Title = "Other" }, section)), PitchMarkdown.Render(applied));
    }

    [Fact]
    public void ProseSections_KeepTheWritersLayout()
    {
        var applied = PitchSectionMarkdown.Apply(new PitchDocument(), PitchSections.Synopsis, "Line one\nline two\n\n- a list\n- stays");

        Assert.Equal("Line one\nline two\n\n- a list\n- stays", applied.Synopsis);
    }

    [Fact]
    public void ACharacterEdit_ChangesOnlyThatCharacter()
    {
        var pitch = SamplePitches.TheLastLighthouse();
        var markdown = PitchSectionMarkdown.Render(pitch, PitchSections.Characters).Replace("To be left alone", "To be left in peace", StringComparison.Ordinal);

        var applied = PitchSectionMarkdown.Apply(pitch, PitchSections.Characters, markdown);

        Assert.StartsWith("To be left in peace", applied.Characters[0].Want);
        Assert.Equal(pitch.Characters.Skip(1), applied.Characters.Skip(1));
        Assert.Equal(pitch.Synopsis, applied.Synopsis);
    }

    [Fact]
    public void ClearingASection_LeavesItEmpty_ButTheTitleIsRequired()
    {
        var pitch = SamplePitches.TheLastLighthouse();

        Assert.Empty(PitchSectionMarkdown.Apply(pitch, PitchSections.Themes, "  ").Themes);
        Assert.Throws<InputValidationException>(() => PitchSectionMarkdown.Apply(pitch, PitchSections.Title, ""));
    }
}
