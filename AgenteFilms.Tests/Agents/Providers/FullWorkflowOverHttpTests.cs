using AgenteFilms.Agents;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Agents.Providers;

/// <summary>The default pitch workflow end to end through the OpenAI-compatible provider over real HTTP.</summary>
public sealed class FullWorkflowOverHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DefaultWorkflow_RunsThroughTheFakeOpenAiServer_WithStreamingToolCallsAndUsage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = OfflineBackedResponder.Create();
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, name: "remote", model: "gpt-test", inputPricePer1M: 1m, outputPricePer1M: 2m, totalTimeoutSeconds: 30, attemptTimeoutSeconds: 15),
            s => s.AddAgentEngine());
        var engine = services.Services.GetRequiredService<AgentEngine>();
        var brief = new Brief { Title = "Tidewater", Concept = "A lighthouse keeper on a flooded coast finds a radio that receives tomorrow's distress calls", Genre = "thriller" };
        var context = new RunContext
        {
            SessionId = Guid.NewGuid(),
            RunId = Guid.NewGuid(),
            ModelProfile = "remote",
            State = new RunState([StateEntry.FromJson(StateKeys.Brief, AgentJson.ToElement(brief).GetRawText(), 1)]),
        };

        var events = new List<AgentEvent>();
        await foreach (var e in engine.RunAsync(context, Ct))
        {
            events.Add(e);
        }

        var failure = events.OfType<RunFailed>().FirstOrDefault();
        Assert.True(failure is null, failure?.Message);
        Assert.IsType<RunCompleted>(events[^1]);
        var completed = events.OfType<AgentCompleted>().ToList();
        Assert.Equal(["researcher", "screenwriter", "character_developer", "critic"], completed.Take(4).Select(c => c.Agent));
        Assert.Equal("pitch_writer", completed[^1].Agent);
        Assert.Contains(events, e => e is TextDelta);
        Assert.Contains(events, e => e is ToolCalled { Allowed: true });
        Assert.Contains(events, e => e is LoopCompleted);
        Assert.All(completed, c => Assert.True(c.Usage.OutputTokens > 0 && c.Usage.CostUsd > 0, $"{c.StepKey} has no billed usage"));
        Assert.All(completed, c => Assert.Equal("gpt-test", c.ModelLabel));

        var pitch = context.State.Read<PitchDocument>(StateKeys.Pitch);
        Assert.NotNull(pitch);
        foreach (var section in PitchSections.All)
        {
            Assert.False(PitchSectionMap.IsEmpty(pitch, section), $"section {section} is empty");
        }
        // Every request went over HTTP with the profile's model, and the agents' tools were offered to the model.
        Assert.All(server.Requests, r => Assert.Equal("gpt-test", r.Model));
        Assert.Contains(server.Requests, r => r.ToolNames.Any(t => t.EndsWith("save_pitch", StringComparison.Ordinal)));
        Assert.Contains(server.Requests, r => r.ToolResults.Count > 0);
    }
}
