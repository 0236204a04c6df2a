using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Agents;

public static class DependencyInjection
{
    /// <summary>
    /// Registers model providers (the <c>Llm</c> section), the agent engine (the <c>Agents</c> section) and the
    /// pre-flight <see cref="PitchCostEstimator"/>.
    /// </summary>
    public static IServiceCollection AddAgenteFilmsAgents(this IServiceCollection services)
    {
        services.AddModelProviders();
        services.AddAgentEngine();
        services.AddSingleton<PitchCostEstimator>();
        return services;
    }
}
