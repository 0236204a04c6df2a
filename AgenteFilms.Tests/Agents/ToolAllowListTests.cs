using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class ToolAllowListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, object?> Args(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task ToolOutsideTheAgentsAllowList_IsRefused_AndHasNoEffect()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(request =>
            request.Agent == "screenwriter" && request.ToolResults == 0
                // The screenwriter tries the critic's exit_loop and the showrunner's update_brief.
                ? new ScriptedReply("", [
                    new ScriptedCall("critic_exit_loop", Args(("reason", "I approve of myself"))),
                    new ScriptedCall("greeter_update_brief", Args(("field", "genre"), ("value", "Comedy")))])
                : script.Reply(request)));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        var step = "writers_room/1/screenwriter";
        var calls = events.OfType<ToolCalled>().Where(e => e.StepKey == step).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.False(c.Allowed));
        var results = events.OfType<ToolResult>().Where(e => e.StepKey == step).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Refused));
        Assert.False(events.Completed(step).Escalated);
        Assert.Equal(1, context.State.Get(StateKeys.Brief)!.Version);
        Assert.Equal("Horror", context.State.Read<AgenteFilms.Agents.Pitch.Brief>(StateKeys.Brief)!.Genre);
        // The loop was not ended by the screenwriter: the critic still ran in iteration 1.
        Assert.Contains("writers_room/1/critic", events.CompletedSteps());
    }

    [Fact]
    public async Task Tool_CannotWriteAnotherAgentsKey()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var harness = new EngineHarness(new ScriptedChatClient(request =>
            request.Agent == "screenwriter" && request.ToolResults == 0
                ? new ScriptedReply("", [new ScriptedCall(request.Tool(StateTools.SaveToState), Args(("key", "pitch"), ("content", """{"title":"Hijacked"}""")))])
                : script.Reply(request)));
        var context = EngineHarness.NewContext();

        var events = await harness.RunAsync(context, Ct);

        var step = "writers_room/1/screenwriter";
        var call = Assert.Single(events.OfType<ToolCalled>(), e => e.StepKey == step);
        Assert.True(call.Allowed); // its own tool...
        var result = Assert.Single(events.OfType<ToolResult>(), e => e.StepKey == step);
        Assert.True(result.Refused); // ...but not another agent's key
        Assert.StartsWith(ToolContext.RefusedPrefix, result.Result);
        Assert.All(events.Completed(step).Writes, w => Assert.Equal(StateKeys.Outline, w.Key));
        Assert.DoesNotContain(events.OfType<StateChanged>(), e => e.StepKey == step && e.Key != StateKeys.Outline);
        Assert.NotEqual("Hijacked", context.State.Read<AgenteFilms.Agents.Pitch.PitchDocument>(StateKeys.Pitch)?.Title);
    }

    [Fact]
    public async Task SaveToState_AcceptsContentAsAJsonObject_AsRealProvidersSendIt()
    {
        var script = new RoomScript { CriticPassesAt = 1 };
        var content = JsonDocument.Parse("""{"title":"Fog","logline":"As an object"}""").RootElement.Clone();
        var harness = new EngineHarness(new ScriptedChatClient(request =>
            request.Agent == "screenwriter" && request.ToolResults == 0
                ? new ScriptedReply("", [new ScriptedCall(request.Tool(StateTools.SaveToState), Args(("key", JsonDocument.Parse("\"outline\"").RootElement.Clone()), ("content", content)))])
                : script.Reply(request)));
        var context = EngineHarness.NewContext();

        (await harness.RunAsync(context, Ct)).Terminal<RunCompleted>();

        Assert.Equal("As an object", context.State.Read<AgenteFilms.Agents.Pitch.StoryOutline>(StateKeys.Outline)!.Logline);
    }

    [Fact]
    public void EveryAgent_WritesOneKey_AndAllowsOnlyItsOwnTools()
    {
        var catalog = new AgenteFilms.Agents.Agents.AgentCatalog();

        Assert.Equal(AgentNames.All, catalog.All.Select(a => a.Name));
        Assert.Equal(StateKeys.All.Order(), catalog.All.Select(a => a.Writes).Order());
        Assert.Equal(["update_brief", "revise_section", "rerun"], catalog["greeter"].Tools);
        Assert.Equal(["exit_loop"], catalog["critic"].Tools);
        Assert.Equal(["save_pitch"], catalog["pitch_writer"].Tools);
        Assert.All(catalog.All, a => Assert.Contains($"agent-role: {a.Name}", a.Instructions));
    }
}
