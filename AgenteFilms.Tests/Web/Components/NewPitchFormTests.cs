using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.NewPitch;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AgenteFilms.Tests.Web.Components;

public sealed class NewPitchFormTests : MudTestContext, IClassFixture<SqliteTestDatabase>
{
    private readonly SessionStore _sessions;
    private readonly RunStore _runs;
    private readonly FixedUser _user = new(Guid.NewGuid());

    public NewPitchFormTests(SqliteTestDatabase database)
    {
        _sessions = database.Services.GetRequiredService<SessionStore>();
        _runs = database.Services.GetRequiredService<RunStore>();
        UseSessionServices(database, _user, new AgentsOptions { LoopMaxIterations = 3, LoopIterationsCeiling = 4 });
        AddEstimatesAndUserSettings(database.Services);
        UseInteractiveServer();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task ShowsEachProblemBesideItsField_AndSavesNothing_WhenTitleAndConceptAreMissing()
    {
        var cut = Render<NewPitchForm>();

        cut.Find("#pitch-tone").Input("wry");
        cut.Find("[data-testid=start-pitch]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The title is required.", FieldOf(cut.Find("#pitch-title")).TextContent));
        Assert.Contains("The concept is required.", FieldOf(cut.Find("#pitch-concept")).TextContent);
        Assert.DoesNotContain("required", FieldOf(cut.Find("#pitch-tone")).TextContent);
        // What the writer typed stays.
        Assert.Equal("wry", cut.Find("#pitch-tone").GetAttribute("value"));
        Assert.Empty(await _sessions.ListAsync(_user.Id, Ct));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task CreatesThePitch_StartsItsRun_AndOpensTheWorkspace()
    {
        var cut = Render<NewPitchForm>();

        cut.Find("#pitch-title").Input("Salt Line");
        cut.Find("#pitch-concept").Input("A lighthouse keeper finds a smuggler's ledger that names her missing brother.");
        cut.FindAll(".mud-chip").First(c => c.TextContent.Contains("Thriller")).Click();
        // The chip's click is handled asynchronously: submit once it shows as chosen (a loaded machine lost the choice).
        cut.WaitForAssertion(() => Assert.Contains("mud-chip-color-primary", cut.FindAll(".mud-chip").First(c => c.TextContent.Contains("Thriller")).ClassName));
        cut.Find("[data-testid=start-pitch]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/pitches/", navigation.Uri));
        var session = Assert.Single(await _sessions.ListAsync(_user.Id, Ct));
        Assert.EndsWith($"/pitches/{session.Id}", navigation.Uri);
        Assert.Contains("\"genre\":\"Thriller\"", session.BriefJson);
        Assert.Contains("\"format\":\"Feature film\"", session.BriefJson);
        var run = Assert.Single(await _runs.ListAsync(_user.Id, session.Id, 10, Ct));
        Assert.Equal(RunArguments.Pitch, run.Workflow);
    }

    [Fact]
    public async Task OverTheRunLimit_SaysSo_KeepsTheForm_AndSavesNothing()
    {
        var rates = Services.GetRequiredService<AgenteFilms.Web.Features.Limits.UserRateLimits>();
        for (var i = 0; i < new LimitsOptions().RunsPerMinutePerUser; i++)
        {
            rates.AcquireRun(_user.Id);
        }
        var cut = Render<NewPitchForm>();

        cut.Find("#pitch-title").Input("Salt Line");
        cut.Find("#pitch-concept").Input("A lighthouse keeper finds a smuggler's ledger that names her missing brother.");
        cut.Find("[data-testid=start-pitch]").Click();

        var snackbar = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message?.Contains("most runs allowed in a minute") == true));
        Assert.Equal("Salt Line", cut.Find("#pitch-title").GetAttribute("value"));
        Assert.Empty(await _sessions.ListAsync(_user.Id, Ct));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task CtrlEnter_Submits()
    {
        var cut = Render<NewPitchForm>();

        cut.Find("#pitch-title").Input("Paper Moons");
        cut.Find("#pitch-concept").Input("Two rival origami artists are stranded in a snowed-in train station.");
        cut.Find("[data-testid=new-pitch-form]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        cut.WaitForAssertion(() => Assert.Contains("/pitches/", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal("Paper Moons", Assert.Single(await _sessions.ListAsync(_user.Id, Ct)).Title);
    }

    [Fact]
    public void InputsStayDisabled_UntilTheCircuitIsInteractive()
    {
        var cut = Render<NewPitchForm>(p => p.Add(f => f.Disabled, true));

        Assert.True(cut.Find("#pitch-title").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=start-pitch]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task WritersRoomIterations_StartAtTheConfiguredDefault_AreCheckedBesideTheField_AndGoWithTheRun()
    {
        var cut = Render<NewPitchForm>();
        Assert.Equal("3", cut.Find("#pitch-iterations").GetAttribute("value"));
        cut.Find("#pitch-title").Input("Salt Line");
        cut.Find("#pitch-concept").Input("A lighthouse keeper finds a smuggler's ledger that names her missing brother.");

        cut.Find("#pitch-iterations").Input("7");

        cut.WaitForAssertion(() => Assert.Contains("Choose between 1 and 4 writers' room iterations.", FieldOf(cut.Find("#pitch-iterations")).TextContent));
        cut.Find("[data-testid=start-pitch]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Choose between 1 and 4", FieldOf(cut.Find("#pitch-iterations")).TextContent));
        Assert.Empty(await _sessions.ListAsync(_user.Id, Ct));

        cut.Find("#pitch-iterations").Input("2");
        cut.WaitForAssertion(() => Assert.DoesNotContain("Choose between", FieldOf(cut.Find("#pitch-iterations")).TextContent));
        cut.Find("[data-testid=start-pitch]").Click();

        cut.WaitForAssertion(() => Assert.Contains("/pitches/", Services.GetRequiredService<NavigationManager>().Uri));
        var session = Assert.Single(await _sessions.ListAsync(_user.Id, Ct));
        Assert.Contains("\"writersRoomIterations\":2", session.BriefJson);
        var run = Assert.Single(await _runs.ListAsync(_user.Id, session.Id, 10, Ct));
        Assert.Equal(2, RunArguments.FromJson(run.ArgumentsJson).Iterations);
    }

    private static IElement FieldOf(IElement input) => input.Closest(".mud-input-control") ?? throw new InvalidOperationException("No field around the input.");

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
