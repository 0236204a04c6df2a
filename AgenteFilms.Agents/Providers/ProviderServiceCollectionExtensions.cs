using AgenteFilms.Agents.Providers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Agents.Providers;

public static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model providers: <see cref="LlmOptions"/> (validated at start), <see cref="IChatClientFactory"/>,
    /// the resilient named HTTP client for real providers, <see cref="LlmMetrics"/>, <see cref="TokenCounter"/> and
    /// <see cref="ModelConnectionTester"/>.
    /// </summary>
    /// <example>
    /// appsettings.json (keys come from the environment, e.g. <c>Llm__Profiles__gpt4o__ApiKey</c>, or user-secrets):
    /// <code>
    /// "Llm": {
    ///   "DefaultProfile": "offline",
    ///   "Profiles": {
    ///     "offline": { "Provider": "Offline", "Model": "offline", "FirstTokenMs": 0, "TokensPerSecond": 0 },
    ///     "gpt4o": { "Provider": "OpenAI", "Model": "gpt-4o", "InputPricePer1M": 2.50, "OutputPricePer1M": 10.00 },
    ///     "gpt4o-mini": { "Provider": "OpenAI", "Model": "gpt-4o-mini", "InputPricePer1M": 0.15, "OutputPricePer1M": 0.60 },
    ///     "litellm": { "Provider": "OpenAICompatible", "Endpoint": "http://localhost:4000/v1", "Model": "gemini-2.5-flash",
    ///                  "InputPricePer1M": 0.30, "OutputPricePer1M": 2.50 },
    ///     "ollama": { "Provider": "OpenAICompatible", "Endpoint": "http://localhost:11434/v1", "Model": "llama3.2",
    ///                 "UseLegacyMaxTokens": true, "AttemptTimeoutSeconds": 300, "TotalTimeoutSeconds": 600, "MaxRetries": 1 },
    ///     "azure": { "Provider": "AzureOpenAI", "Endpoint": "https://my-resource.openai.azure.com/", "Deployment": "gpt-4o-prod",
    ///                "Model": "gpt-4o", "InputPricePer1M": 2.50, "OutputPricePer1M": 10.00 }
    ///   }
    /// }
    /// </code>
    /// </example>
    public static IServiceCollection AddModelProviders(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LlmMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<TokenCounter>();
        services.TryAddSingleton<ChatClientFactory>();
        services.TryAddSingleton<IChatClientFactory>(sp => sp.GetRequiredService<ChatClientFactory>());
        services.TryAddSingleton<ModelConnectionTester>();

        var http = services.AddHttpClient(ModelHttp.ClientName)
            // Header values never reach the logs: Authorization and api-key carry the provider key.
            .RedactLoggedHeaders(_ => true);
        // One pipeline per profile (its retries and timeouts), chosen by the profile name the request carries.
        http.AddResilienceHandler("model", static (builder, context) =>
            {
                var llm = context.ServiceProvider.GetRequiredService<IOptionsMonitor<LlmOptions>>().CurrentValue;
                var profile = llm.Profiles
                    .FirstOrDefault(p => string.Equals(p.Key, context.InstanceName, StringComparison.OrdinalIgnoreCase)).Value
                    ?? new ModelProfileOptions();
                ModelResilience.Configure(builder, profile, context.ServiceProvider.GetRequiredService<TimeProvider>());
            })
            .SelectPipelineBy(static _ => static request =>
                request.Options.TryGetValue(ModelHttp.ProfileKey, out var profile) ? profile : "");
        // Added after the resilience handler, so it runs inside it: once per attempt.
        http.AddHttpMessageHandler(static () => new AttemptCountingHandler());

        return services;
    }
}
