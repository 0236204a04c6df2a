using System.Diagnostics.Metrics;
using AgenteFilms.Agents.Agents;
using AgenteFilms.Agents.Diagnostics;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Agents.Orchestration;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the agent engine: the <c>Agents</c> options (validated at start-up), the agent catalog, step metrics, the
    /// workflow factory and <see cref="AgentEngine"/>. Needs an <see cref="IChatClientFactory"/> (the model providers).
    /// </summary>
    public static IServiceCollection AddAgentEngine(this IServiceCollection services)
    {
        services.AddOptions<AgentsOptions>().BindConfiguration(AgentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgentCatalog>();
        services.TryAddSingleton(sp => new AgentMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new AgentRuntime(
            sp.GetRequiredService<IChatClientFactory>(),
            sp.GetRequiredService<IOptions<AgentsOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AgentMetrics>()));
        services.TryAddSingleton<WorkflowFactory>();
        services.TryAddSingleton<AgentEngine>();
        return services;
    }
}
