using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class SmokeTests
{
    [Fact]
    public async Task PitchWorkflow_RunsToCompletion()
    {
        var script = new RoomScript();
        var harness = new EngineHarness(new ScriptedChatClient(script.Reply));
        var events = await harness.RunAsync(EngineHarness.NewContext(), TestContext.Current.CancellationToken);
        foreach (var e in events)
        {
            TestContext.Current.SendDiagnosticMessage(e.ToString());
        }
        Assert.IsType<RunCompleted>(events[^1]);
    }
}
