using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Agents;

public sealed class AgentsOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IChatClientFactory>(new TestChatClientFactory(new ScriptedChatClient(new RoomScript().Reply)));
        services.AddAgentEngine();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Binds_TheAgentsSection()
    {
        using var provider = Build(new()
        {
            ["Agents:LoopMaxIterations"] = "5",
            ["Agents:ModelOverrides:critic"] = "cheap",
            ["Agents:AgentTimeouts:pitch_writer"] = "90",
        });

        var options = provider.GetRequiredService<IOptions<AgentsOptions>>().Value;

        Assert.Equal(5, options.LoopMaxIterations);
        Assert.Equal("cheap", options.ProfileFor("critic", "session"));
        Assert.Equal("session", options.ProfileFor("screenwriter", "session"));
        Assert.Equal(TimeSpan.FromSeconds(90), options.TimeoutFor("pitch_writer"));
        Assert.Equal(5, provider.GetRequiredService<AgentEngine>().Workflows.WritersRoom().MaxIterations);
    }

    [Theory]
    [InlineData("Agents:LoopMaxIterations", "0")]
    [InlineData("Agents:LoopMaxIterations", "6")] // above the default ceiling of 5
    [InlineData("Agents:LoopIterationsCeiling", "11")]
    [InlineData("Agents:ModelOverrides:critc", "cheap")]
    [InlineData("Agents:AgentTimeouts:critic", "0")]
    public void RejectsInvalidSettings(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AgentsOptions>>().Value);
    }
}
