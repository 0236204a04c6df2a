using AgenteFilms.Agents;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Agents.Providers;

/// <summary><c>Llm:Profiles:&lt;name&gt;:CriticPassIteration</c> decides when the offline critic approves.</summary>
public sealed class OfflineCriticSettingTests
{
    [Theory]
    [InlineData(1, 1, LoopStopReasons.CriticApproved)]
    [InlineData(2, 2, LoopStopReasons.CriticApproved)]
    [InlineData(0, 3, LoopStopReasons.MaxIterations)]
    public async Task TheLoopStops_WhereTheSettingSays(int passIteration, int expectedIterations, string expectedReason)
    {
        await using var services = ProviderTestServices.Create(new Dictionary<string, string?>
        {
            ["Llm:DefaultProfile"] = "offline",
            ["Llm:Profiles:offline:Provider"] = "Offline",
            ["Llm:Profiles:offline:CriticPassIteration"] = passIteration.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, s => s.AddAgentEngine());
        var engine = services.Services.GetRequiredService<AgentEngine>();
        var brief = new Brief { Concept = "A lighthouse keeper on Mars hears a ship that sank a century ago", Genre = "science fiction" };
        var context = new RunContext
        {
            SessionId = Guid.NewGuid(),
            RunId = Guid.NewGuid(),
            State = new RunState([StateEntry.FromJson(StateKeys.Brief, AgentJson.ToElement(brief).GetRawText(), 1)]),
        };

        LoopCompleted? loop = null;
        await foreach (var e in engine.RunAsync(context, TestContext.Current.CancellationToken))
        {
            loop = e as LoopCompleted ?? loop;
        }

        Assert.NotNull(loop);
        Assert.Equal((expectedIterations, expectedReason), (loop.Iterations, loop.StopReason));
    }
}
