using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class SecretsAndOptionsTests
{
    private const string Key = "sk-test-secret-4711";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheKeyNeverReachesTheLogs_EvenAtTraceLevel()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("fine"), FakeResponse.Error(401, "no"));
        var logs = new CapturingLoggerProvider();
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, apiKey: Key),
            s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        await services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct);
        await Assert.ThrowsAsync<ModelRequestException>(() => services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct));

        // Headers were logged (so the check below means something), with their values redacted.
        Assert.Contains(logs.Messages, m => m.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, services.Factory.Resolve("fake").ToString());
    }

    [Fact]
    public void ProfileToString_DescribesWithoutTheKey()
    {
        var profile = new ModelProfileOptions { Provider = LlmProvider.OpenAI, Model = "gpt-4o", ApiKey = Key };

        Assert.Equal("OpenAI model 'gpt-4o', key set", profile.ToString());
    }

    [Fact]
    public async Task DefaultConfiguration_IsValid()
    {
        await using var services = ProviderTestServices.Create([]);

        var options = services.Services.GetRequiredService<IOptions<LlmOptions>>().Value;

        Assert.Equal("offline", options.DefaultProfile);
        Assert.Equal(LlmProvider.Offline, options.Profiles["offline"].Provider);
    }

    [Theory]
    [InlineData("Llm:DefaultProfile", "missing", "Llm:DefaultProfile 'missing' is not one of Llm:Profiles")]
    [InlineData("Llm:Profiles:x:Endpoint", "", "Llm:Profiles:x:Endpoint is required for provider OpenAICompatible.")]
    [InlineData("Llm:Profiles:x:Endpoint", "localhost:4000", "Llm:Profiles:x:Endpoint 'localhost:4000' is not an absolute http(s) URL.")]
    [InlineData("Llm:Profiles:x:Model", "", "Llm:Profiles:x:Model is required for provider OpenAICompatible.")]
    [InlineData("Llm:Profiles:x:TotalTimeoutSeconds", "5", "Llm:Profiles:x:TotalTimeoutSeconds (5) is shorter than AttemptTimeoutSeconds (10).")]
    [InlineData("Llm:Profiles:x:MaxRetries", "50", "Llm:Profiles:x: The field MaxRetries must be between 0 and 10.")]
    public async Task InvalidConfiguration_FailsValidation(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Profiles:x:Provider"] = "OpenAICompatible",
            ["Llm:Profiles:x:Endpoint"] = "http://localhost:4000/v1",
            ["Llm:Profiles:x:Model"] = "m",
            ["Llm:Profiles:x:AttemptTimeoutSeconds"] = "10",
            [key] = value,
        };
        await using var services = ProviderTestServices.Create(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => services.Services.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
