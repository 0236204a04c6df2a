using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport.Agents;

namespace AgenteFilms.Tests.Agents;

public sealed class OfflineDemoTests
{
    [Fact]
    public async Task Demo()
    {
        var harness = OfflineHarness.Create();
        var context = EngineHarness.NewContext();
        var events = await harness.RunAsync(context, TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage(string.Join("\n", events.OfType<AgentCompleted>().Select(e => $"{e.StepKey}: {e.FinalText}")));
        TestContext.Current.SendDiagnosticMessage(events[^1].ToString());
        var pitch = OfflineHarness.Pitch(context);
        Assert.NotNull(pitch);
        TestContext.Current.SendDiagnosticMessage(PitchMarkdown.Render(pitch));
    }
}
