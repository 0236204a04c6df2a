using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using AgenteFilms.Agents.Providers.Http;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Builds, per profile, the one pipeline every provider goes through:
/// provider client → <see cref="UsageMeteringChatClient"/> → <see cref="UsageBudgetChatClient"/> (when the host
/// registers an <see cref="IUsageBudget"/>) → OpenTelemetry ("AgenteFilms.Llm") →
/// Semantic Kernel function invocation (kernel functions in the options are invoked automatically).
/// </summary>
/// <remarks>
/// Real providers talk HTTP through the named client <c>AgenteFilms.Llm</c> with the profile's resilience pipeline;
/// the SDK's own retries are switched off so attempts are not multiplied.
/// </remarks>
public sealed class ChatClientFactory(
    IOptionsMonitor<LlmOptions> options,
    IHttpMessageHandlerFactory httpHandlers,
    LlmMetrics metrics,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILoggerFactory? loggerFactory = null) : IChatClientFactory, IDisposable
{
    /// <summary>Key sent to OpenAI-compatible servers that need none (Ollama, a local vLLM): the SDK insists on one.</summary>
    internal const string PlaceholderApiKey = "no-key";

    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _clients = new(StringComparer.OrdinalIgnoreCase);
    // The SDK transports do not own the HttpClients they are given.
    private readonly ConcurrentBag<HttpClient> _httpClients = [];

    public ResolvedModelProfile Resolve(string? profileName)
    {
        var llm = options.CurrentValue;
        var name = string.IsNullOrWhiteSpace(profileName) ? llm.DefaultProfile : profileName.Trim();
        // Configuration keys are case-insensitive; keep the configured spelling as the canonical name.
        foreach (var (key, value) in llm.Profiles)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return new ResolvedModelProfile(key, value);
            }
        }
        throw new UnknownModelProfileException(name);
    }

    public IChatClient Create(string? profileName)
    {
        var profile = Resolve(profileName);
        // Checked before caching, so a key added later (user-secrets reload) is picked up on the next call.
        EnsureUsable(profile);
        return _clients.GetOrAdd(profile.Name, _ => new Lazy<IChatClient>(() => Build(profile))).Value;
    }

    private IChatClient Build(ResolvedModelProfile profile)
    {
        var provider = profile.Options.Provider switch
        {
            LlmProvider.Offline => new OfflineChatClient(profile.Options, timeProvider,
                Offline.OfflineModelBehavior.Default with { CriticPassIteration = profile.Options.CriticPassIteration }),
            LlmProvider.OpenAI or LlmProvider.OpenAICompatible => CreateOpenAI(profile),
            LlmProvider.AzureOpenAI => CreateAzureOpenAI(profile),
            var other => throw new ModelRequestException(profile.Name, ModelFailureKind.Configuration, $"Profile '{profile.Name}' has an unknown provider '{other}'."),
        };

        var builder = provider.AsBuilder()
            .UseKernelFunctionInvocation(loggerFactory)
            .UseOpenTelemetry(loggerFactory, LlmMetrics.MeterName);
        // The host's budget (if any) sees each round trip before the meter: a refused call is never sent nor metered.
        if (services.GetService(typeof(IUsageBudget)) is IUsageBudget budget)
        {
            var tokens = services.GetService(typeof(TokenCounter)) as TokenCounter ?? new TokenCounter();
            builder.Use(inner => new UsageBudgetChatClient(inner, profile, budget, tokens));
        }
        return builder
            .Use(inner => new UsageMeteringChatClient(inner, profile, metrics, timeProvider))
            .Build(services);
    }

    private IChatClient CreateOpenAI(ResolvedModelProfile profile)
    {
        var settings = profile.Options;
        var clientOptions = new OpenAIClientOptions();
        ConfigurePipeline(clientOptions, profile);
        if (!string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            clientOptions.Endpoint = new Uri(settings.Endpoint);
        }
        var key = string.IsNullOrEmpty(settings.ApiKey) ? PlaceholderApiKey : settings.ApiKey;
        return new ChatClient(settings.Model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }

    private IChatClient CreateAzureOpenAI(ResolvedModelProfile profile)
    {
        var settings = profile.Options;
        var clientOptions = new AzureOpenAIClientOptions();
        ConfigurePipeline(clientOptions, profile);
        var client = new AzureOpenAIClient(new Uri(settings.Endpoint!), new ApiKeyCredential(settings.ApiKey!), clientOptions);
        return client.GetChatClient(settings.AzureDeployment).AsIChatClient();
    }

    /// <summary>
    /// Our HTTP pipeline does the retrying and the timing out; the SDK must do neither, or a 503 would be tried
    /// (SDK retries + 1) × (our retries + 1) times and the SDK's 100 s network timeout would cut our own budget.
    /// </summary>
    private void ConfigurePipeline(ClientPipelineOptions clientOptions, ResolvedModelProfile profile)
    {
        var httpClient = new HttpClient(new ModelHttpHandler(profile, httpHandlers)) { Timeout = Timeout.InfiniteTimeSpan };
        _httpClients.Add(httpClient);
        clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        // Covers reads of a streamed body that stalls after the headers (our timeouts end at the headers);
        // a little longer than the total budget so that our clearer timeout fires first.
        clientOptions.NetworkTimeout = TimeSpan.FromSeconds(profile.Options.TotalTimeoutSeconds + 5);
    }

    private static void EnsureUsable(ResolvedModelProfile profile)
    {
        var settings = profile.Options;
        string? missing = settings.Provider switch
        {
            LlmProvider.OpenAI when string.IsNullOrEmpty(settings.ApiKey) && string.IsNullOrWhiteSpace(settings.Endpoint) => "ApiKey",
            LlmProvider.AzureOpenAI when string.IsNullOrEmpty(settings.ApiKey) => "ApiKey",
            LlmProvider.AzureOpenAI or LlmProvider.OpenAICompatible when string.IsNullOrWhiteSpace(settings.Endpoint) => "Endpoint",
            _ => null,
        };
        if (missing is not null)
        {
            throw new ModelRequestException(
                profile.Name,
                ModelFailureKind.Configuration,
                $"Profile '{profile.Name}' ({settings.Provider}) has no {missing}: set Llm:Profiles:{profile.Name}:{missing} "
                    + $"(environment: Llm__Profiles__{profile.Name}__{missing}, or user-secrets).");
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
        _clients.Clear();
        foreach (var httpClient in _httpClients)
        {
            httpClient.Dispose();
        }
        _httpClients.Clear();
    }
}
