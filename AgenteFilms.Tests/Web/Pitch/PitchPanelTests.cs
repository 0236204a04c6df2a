using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace;
using AgenteFilms.Web.Features.Runs;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgenteFilms.Tests.Web.Pitch;

public sealed class PitchPanelTests(SqliteTestDatabase database) : PitchComponentTestBase(database)
{
    [Fact]
    public async Task ShowsTheSectionsInReadingOrder_WithWhoWroteThem()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);

        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForAssertion(() => Assert.Equal(11, cut.FindAll("[data-testid=section-card]").Count), Wait);
        Assert.Equal(
            ["logline", "synopsis", "characters", "world_and_tone", "structure", "themes", "comparables", "audience_and_market", "casting", "production_notes", "writers_statement"],
            cut.FindAll("[data-testid=section-card]").Select(c => c.GetAttribute("data-section")));
        Assert.Equal("The Last Lighthouse", cut.Find("[data-testid=pitch-title]").TextContent);
        Assert.Equal("Screenwriter · Offline model", cut.Find("[data-section=logline] [data-testid=provenance]").TextContent);
        Assert.Equal("Character developer · Offline model", cut.Find("[data-section=characters] [data-testid=provenance]").TextContent);
        Assert.Contains("Mara Okafor", cut.Find("[data-section=characters] [data-testid=section-body]").TextContent);
        Assert.NotNull(cut.Find("[data-section=synopsis] [data-testid=section-body] strong"));
        Assert.Empty(cut.FindAll("[data-testid=stale-chip]"));
    }

    [Fact]
    public async Task ShowsTheEmptyState_BeforeTheFirstPitch()
    {
        var session = await Database.Services.GetRequiredService<SessionStore>().CreateAsync(Owner, new NewSession("Fresh"), Ct);

        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, session.Id));

        cut.WaitForAssertion(() => Assert.Contains("No pitch yet", cut.Find("[data-testid=pitch-empty]").TextContent), Wait);
    }

    [Fact]
    public async Task AgentMarkup_IsShownAsText_NeverRun()
    {
        var pitch = SamplePitches.TheLastLighthouse() with { Synopsis = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>" };
        var sessionId = await Seed.SessionWithPitchAsync(Owner, pitch, Ct);

        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        var body = cut.WaitForElement("[data-section=synopsis] [data-testid=section-body]", Wait);
        Assert.Contains("<script>alert(1)</script>", body.TextContent);
        Assert.Empty(body.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain("javascript:", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EditThenSave_ShowsTheNewText_EditedByYou_AsANewVersion()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        Render<MudSnackbarProvider>();
        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));
        cut.WaitForElement("[data-section=synopsis] [data-testid=edit]", Wait).Click();

        cut.Find("[data-section=synopsis] textarea").Input("A keeper answers a **forbidden** call.");
        cut.WaitForAssertion(() => Assert.Equal("forbidden", cut.Find("[data-section=synopsis] [data-testid=preview] strong").TextContent), Wait);
        cut.Find("[data-section=synopsis] [data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("A keeper answers a forbidden call.", cut.Find("[data-section=synopsis] [data-testid=section-body]").TextContent), Wait);
        Assert.Equal("Edited by you", cut.Find("[data-section=synopsis] [data-testid=provenance]").TextContent);
        Assert.Equal("Screenwriter · Offline model", cut.Find("[data-section=logline] [data-testid=provenance]").TextContent);
        var latest = await Database.Services.GetRequiredService<PitchStore>().GetAsync(Owner, sessionId, null, Ct);
        Assert.Equal((2, Owner, "Edited synopsis"), (latest!.Number, latest.AuthorUserId, latest.Note));
    }

    [Fact]
    public async Task CtrlEnterSaves_AndEscapeCancels()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForElement("[data-section=themes] [data-testid=edit]", Wait).Click();
        cut.Find("[data-section=themes] textarea").Input("- Cancelled theme");
        cut.Find("[data-section=themes] [data-testid=section-editor]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        cut.WaitForAssertion(() => Assert.DoesNotContain("Cancelled theme", cut.Find("[data-section=themes]").TextContent), Wait);

        cut.Find("[data-section=themes] [data-testid=edit]").Click();
        cut.Find("[data-section=themes] textarea").Input("- Saved theme");
        cut.Find("[data-section=themes] [data-testid=section-editor]").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        cut.WaitForAssertion(() => Assert.Equal("Saved theme", cut.Find("[data-section=themes] [data-testid=section-body] li").TextContent), Wait);
        Assert.Equal(2, (await Service.GetAsync(sessionId, Ct))!.Number);
    }

    [Fact]
    public async Task AnUnreadableEdit_StaysInTheEditor_WithTheReason()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForElement("[data-section=characters] [data-testid=edit]", Wait).Click();
        cut.Find("[data-section=characters] textarea").Input("Everyone is nice.");
        cut.Find("[data-section=characters] [data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("could be read as characters", cut.Find("[data-section=characters]").TextContent), Wait);
        Assert.NotNull(cut.Find("[data-section=characters] textarea"));
        Assert.Equal(1, (await Service.GetAsync(sessionId, Ct))!.Number);
    }

    [Fact]
    public async Task AStaleSection_ShowsAChipSayingWhy()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        await Seed.AgentWritesAsync(sessionId, AgentNames.Screenwriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Outline, """{"title":"Revised"}""");

        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        var chip = cut.WaitForElement("[data-section=logline] [data-testid=stale-chip]", Wait);
        Assert.Equal("The outline changed since this was written (v1 → v2).", chip.GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-section=casting] [data-testid=stale-chip]"));
    }

    [Fact]
    public async Task Regenerate_WithANote_QueuesARegenerationRun()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        var dialogs = Render<MudDialogProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForElement("[data-section=logline] [data-testid=regenerate]", Wait).Click();
        // The dialog estimates the regeneration before anything is spent (offline model: tokens, no cost).
        dialogs.WaitForAssertion(() => Assert.Contains("no cost", dialogs.Find("[data-testid=cost-estimate]").TextContent), Wait);
        dialogs.WaitForElement("textarea", Wait).Input("Make it darker");
        dialogs.Find("[data-testid=confirm-regenerate]").Click();

        snackbar.WaitForAssertion(() => Assert.Contains("Regenerating logline", snackbar.Markup), Wait);
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var run = await db.AgentRuns.SingleAsync(r => r.SessionId == sessionId && r.Status == RunStatus.Queued, Ct);
        Assert.Equal(RunArguments.Regenerate, run.Workflow);
        Assert.Contains("Make it darker", run.ArgumentsJson);
        Assert.Contains(PitchSections.Logline, run.ArgumentsJson);
    }

    [Fact]
    public async Task Regenerate_WhileARunIsActive_SaysSo()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        await Seed.QueueRunAsync(sessionId);
        var dialogs = Render<MudDialogProvider>();
        var snackbar = Render<MudSnackbarProvider>();
        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));

        cut.WaitForElement("[data-section=synopsis] [data-testid=regenerate]", Wait).Click();
        dialogs.WaitForElement("[data-testid=confirm-regenerate]", Wait).Click();

        snackbar.WaitForAssertion(() => Assert.Contains("A run is already in progress", snackbar.Markup), Wait);
    }

    [Fact]
    public async Task AnAgentVersionArrivingDuringAnEdit_IsNotOverwrittenSilently()
    {
        var sessionId = await Seed.SessionWithPitchAsync(Owner, cancellationToken: Ct);
        var cut = Render<PitchPanel>(p => p.Add(x => x.SessionId, sessionId));
        cut.WaitForElement("[data-section=logline] [data-testid=edit]", Wait).Click();
        cut.Find("[data-section=logline] textarea").Input("The writer's logline.");

        var regenerated = SamplePitches.TheLastLighthouse() with { Logline = "The agents' regenerated logline." };
        await Seed.AgentWritesAsync(sessionId, AgentNames.PitchWriter, new() { [StateKeys.Outline] = 1 }, StateKeys.Pitch,
            System.Text.Json.JsonSerializer.Serialize(PitchSeed.WithProvenance(regenerated, PitchSeed.WrittenAt.AddHours(1)), AgentJson.Options));
        cut.Render(p => p.Add(x => x.SessionId, sessionId).Add(x => x.RefreshToken, 1));
        cut.Find("[data-section=logline] [data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("changed while you were editing (now version 2)", cut.Find("[data-section=logline]").TextContent), Wait);
        Assert.Equal("The agents' regenerated logline.", (await Service.GetAsync(sessionId, Ct))!.Document.Logline);

        cut.Find("[data-section=logline] [data-testid=save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("The writer's logline.", cut.Find("[data-section=logline] [data-testid=section-body]").TextContent), Wait);
        Assert.Equal(3, (await Service.GetAsync(sessionId, Ct))!.Number);
    }
}
