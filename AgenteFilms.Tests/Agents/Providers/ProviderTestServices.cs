using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgenteFilms.Tests.Agents.Providers;

/// <summary>The providers layer as the app registers it (<c>AddModelProviders</c>), over in-memory configuration.</summary>
internal sealed class ProviderTestServices : IAsyncDisposable
{
    private ProviderTestServices(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IChatClientFactory Factory => Services.GetRequiredService<IChatClientFactory>();

    public ModelConnectionTester Tester => Services.GetRequiredService<ModelConnectionTester>();

    public static ProviderTestServices Create(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddModelProviders();
        configure?.Invoke(services);
        return new ProviderTestServices(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>Settings for one profile pointing at the fake server, with small timeouts and fast retries.</summary>
    public static Dictionary<string, string?> Profile(
        FakeOpenAiServer server,
        string name = "fake",
        LlmProvider provider = LlmProvider.OpenAICompatible,
        string model = "fake-model",
        string? apiKey = "test-key",
        int maxRetries = 2,
        int attemptTimeoutSeconds = 3,
        int totalTimeoutSeconds = 6,
        int retryBaseDelayMs = 10,
        decimal inputPricePer1M = 0,
        decimal outputPricePer1M = 0,
        bool isDefault = true)
    {
        var prefix = $"Llm:Profiles:{name}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Provider"] = provider.ToString(),
            [prefix + "Model"] = model,
            [prefix + "Endpoint"] = provider == LlmProvider.AzureOpenAI ? server.AzureEndpoint : server.OpenAiEndpoint,
            [prefix + "ApiKey"] = apiKey,
            [prefix + "MaxRetries"] = maxRetries.ToString(),
            [prefix + "AttemptTimeoutSeconds"] = attemptTimeoutSeconds.ToString(),
            [prefix + "TotalTimeoutSeconds"] = totalTimeoutSeconds.ToString(),
            [prefix + "RetryBaseDelayMs"] = retryBaseDelayMs.ToString(),
            [prefix + "InputPricePer1M"] = inputPricePer1M.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [prefix + "OutputPricePer1M"] = outputPricePer1M.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (isDefault)
        {
            settings["Llm:DefaultProfile"] = name;
        }
        return settings;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
