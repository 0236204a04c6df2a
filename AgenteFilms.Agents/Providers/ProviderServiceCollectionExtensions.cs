using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Agents.Providers;

public static class ProviderServiceCollectionExtensions
{
    /// <summary>PLACEHOLDER for the providers work: options, IChatClientFactory, resilient HTTP clients, tokenizer.</summary>
    public static IServiceCollection AddModelProviders(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
