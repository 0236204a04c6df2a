using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Agents.Orchestration;

public static class EngineServiceCollectionExtensions
{
    /// <summary>PLACEHOLDER for the agent-engine work: agents, tools, workflows, the <c>Agents</c> options.</summary>
    public static IServiceCollection AddAgentEngine(this IServiceCollection services) => services;
}
