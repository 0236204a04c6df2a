using System.ComponentModel.DataAnnotations;

namespace AgenteFilms.Agents.Providers;

/// <summary>The <c>Llm</c> configuration section: named model profiles and the default one.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Name of the profile used when a session or agent names none.</summary>
    [Required]
    public string DefaultProfile { get; set; } = "offline";

    /// <summary>Named model profiles (<c>Llm:Profiles:&lt;name&gt;:...</c>).</summary>
    public Dictionary<string, ModelProfileOptions> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["offline"] = new ModelProfileOptions { Provider = LlmProvider.Offline, Model = "offline", DisplayName = "Offline model" },
    };
}

/// <summary>Which backend a model profile talks to.</summary>
public enum LlmProvider
{
    /// <summary>The embedded, deterministic offline model. No key, no network.</summary>
    Offline,
    /// <summary>api.openai.com (or <see cref="ModelProfileOptions.Endpoint"/> when set).</summary>
    OpenAI,
    /// <summary>Any OpenAI-compatible endpoint: LiteLLM proxy, Ollama /v1, vLLM, Gemini's compatible endpoint.</summary>
    OpenAICompatible,
    /// <summary>Azure OpenAI: endpoint + deployment + key.</summary>
    AzureOpenAI,
}

/// <summary>One named model profile (<c>Llm:Profiles:&lt;name&gt;</c>).</summary>
public sealed class ModelProfileOptions
{
    public LlmProvider Provider { get; set; } = LlmProvider.Offline;

    /// <summary>Model id sent to the provider (for Azure: the deployment name when <see cref="Deployment"/> is empty).</summary>
    public string Model { get; set; } = "offline";

    /// <summary>Label shown in the UI; defaults to the model id ("Offline model" for the offline provider).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Base URL, e.g. <c>http://localhost:4000/v1</c> for a LiteLLM proxy or <c>http://localhost:11434/v1</c> for Ollama.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key. Set it from the environment (<c>Llm__Profiles__name__ApiKey</c>) or user-secrets, never in a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Price in USD per 1M input tokens.</summary>
    [Range(0, 10_000)]
    public decimal InputPricePer1M { get; set; }

    /// <summary>Price in USD per 1M output tokens.</summary>
    [Range(0, 10_000)]
    public decimal OutputPricePer1M { get; set; }

    /// <summary>Per-attempt timeout for one model request, in seconds.</summary>
    [Range(1, 3600)]
    public int AttemptTimeoutSeconds { get; set; } = 120;

    /// <summary>Total timeout for one model request including retries, in seconds.</summary>
    [Range(1, 7200)]
    public int TotalTimeoutSeconds { get; set; } = 300;

    /// <summary>Retries on 429/5xx/timeouts (exponential backoff, honouring Retry-After).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Offline model only: simulated time to first token in ms (0 = instant).</summary>
    [Range(0, 600_000)]
    public int FirstTokenMs { get; set; }

    /// <summary>Offline model only: simulated streaming speed (0 = instant).</summary>
    [Range(0, 1_000_000)]
    public int TokensPerSecond { get; set; }

    /// <summary>
    /// Offline model only: the writers'-room iteration from which its critic approves (default 2: the first draft fails
    /// with notes, the revision passes; 1 passes at once; 0 never passes, so the loop runs to its bound).
    /// </summary>
    [Range(0, 100)]
    public int CriticPassIteration { get; set; } = 2;

    /// <summary>
    /// First retry delay in milliseconds; later retries double it (with jitter). A <c>Retry-After</c> header from the
    /// server takes precedence.
    /// </summary>
    [Range(0, 600_000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>
    /// Send <c>max_tokens</c> instead of <c>max_completion_tokens</c>, for OpenAI-compatible servers that only know the
    /// older name (older Ollama, LM Studio).
    /// </summary>
    public bool UseLegacyMaxTokens { get; set; }

    public string Label => DisplayName ?? (Provider == LlmProvider.Offline ? "Offline model" : Model);

    /// <summary>Cost in USD of the given token counts at this profile's prices per 1M tokens.</summary>
    public decimal CostOf(long inputTokens, long outputTokens) =>
        (inputTokens * InputPricePer1M + outputTokens * OutputPricePer1M) / 1_000_000m;

    /// <summary>The model name sent to Azure OpenAI: the deployment, or the model id when no deployment is set.</summary>
    public string AzureDeployment => string.IsNullOrWhiteSpace(Deployment) ? Model : Deployment;

    /// <summary>Describes the profile without its key (this text may end up in logs).</summary>
    public override string ToString() =>
        $"{Provider} model '{Model}'" +
        (Endpoint is { Length: > 0 } ? $" at {Endpoint}" : "") +
        (Deployment is { Length: > 0 } ? $", deployment '{Deployment}'" : "") +
        $", key {(string.IsNullOrEmpty(ApiKey) ? "not set" : "set")}";
}
