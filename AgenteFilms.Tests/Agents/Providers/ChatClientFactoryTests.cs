using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class ChatClientFactoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendsModelMessagesAndKey_AndReadsTheReply()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("Hello there"));
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, model: "gpt-test"));

        var response = await services.Factory.Create("fake").GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are a screenwriter."), new ChatMessage(ChatRole.User, "Pitch me a heist.")],
            cancellationToken: Ct);

        Assert.Equal("Hello there", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("gpt-test", request.Model);
        Assert.False(request.Stream);
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Empty(request.Tools);
        Assert.Collection(request.Messages,
            m => Assert.Equal(("system", "You are a screenwriter."), (m!["role"]!.GetValue<string>(), RecordedRequest.ContentText(m.AsObject()))),
            m => Assert.Equal(("user", "Pitch me a heist."), (m!["role"]!.GetValue<string>(), RecordedRequest.ContentText(m.AsObject()))));
    }

    [Fact]
    public async Task Streams_DeltasInOrder()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        string[] chunks = ["Once ", "upon ", "a ", "time."];
        server.Enqueue(new FakeResponse { Text = string.Concat(chunks), TextChunks = chunks });
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server));

        var received = new List<string>();
        await foreach (var update in services.Factory.Create("fake").GetStreamingResponseAsync("Tell me a story.", cancellationToken: Ct))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                received.Add(update.Text);
            }
        }

        Assert.Equal(chunks, received);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Stream);
        Assert.True(request.IncludeUsage);
    }

    [Fact]
    public async Task OpenAICompatibleWithoutKey_SendsAPlaceholderKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, apiKey: null));

        var response = await services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct);

        Assert.Equal("OK", response.Text);
        Assert.Equal("Bearer no-key", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task AzureOpenAI_UsesDeploymentPathAndApiKeyHeader()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("From Azure"));
        var settings = ProviderTestServices.Profile(server, provider: LlmProvider.AzureOpenAI, apiKey: "azure-key");
        settings["Llm:Profiles:fake:Deployment"] = "films-gpt4o";
        await using var services = ProviderTestServices.Create(settings);

        var response = await services.Factory.Create("fake").GetResponseAsync("Hi", cancellationToken: Ct);

        Assert.Equal("From Azure", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/films-gpt4o/chat/completions", request.Path);
        Assert.Equal("azure-key", request.Header("api-key"));
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task LegacyMaxTokensProfile_SendsMaxTokens()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        var settings = ProviderTestServices.Profile(server, name: "legacy");
        settings["Llm:Profiles:legacy:UseLegacyMaxTokens"] = "true";
        foreach (var (key, value) in ProviderTestServices.Profile(server, name: "modern", isDefault: false))
        {
            settings[key] = value;
        }
        await using var services = ProviderTestServices.Create(settings);
        var options = new ChatOptions { MaxOutputTokens = 50 };

        await services.Factory.Create("legacy").GetResponseAsync("Hi", options, Ct);
        await services.Factory.Create("modern").GetResponseAsync("Hi", options, Ct);

        var (legacy, modern) = (server.Requests[0].Json!, server.Requests[1].Json!);
        Assert.Equal(50, legacy["max_tokens"]!.GetValue<int>());
        Assert.False(legacy.ContainsKey("max_completion_tokens"));
        Assert.Equal(50, modern["max_completion_tokens"]!.GetValue<int>());
        Assert.False(modern.ContainsKey("max_tokens"));
    }

    [Fact]
    public async Task Resolve_EmptyNameGivesDefault_AndNamesAreCaseInsensitive()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, name: "Writer"));

        Assert.Equal("Writer", services.Factory.Resolve(null).Name);
        Assert.Equal("Writer", services.Factory.Resolve("").Name);
        Assert.Equal("Writer", services.Factory.Resolve("writer").Name);
        Assert.Equal("offline", services.Factory.Resolve("OFFLINE").Name);
        Assert.Same(services.Factory.Create("writer"), services.Factory.Create("Writer"));
        Assert.NotSame(services.Factory.Create("writer"), services.Factory.Create("offline"));
    }

    [Fact]
    public async Task UnknownProfile_Throws()
    {
        await using var services = ProviderTestServices.Create([]);

        var ex = Assert.Throws<UnknownModelProfileException>(() => services.Factory.Create("nope"));
        Assert.Equal("nope", ex.ProfileName);
        Assert.Throws<UnknownModelProfileException>(() => services.Factory.Resolve("nope"));
    }

    [Fact]
    public async Task OfflineProfile_GoesThroughTheSamePipeline()
    {
        await using var services = ProviderTestServices.Create([]);

        var client = services.Factory.Create(null);

        Assert.Equal("offline", services.Factory.Resolve(null).Name);
        // Outermost: SK's function invocation (a FunctionInvokingChatClient), then telemetry, then the meter.
        Assert.IsAssignableFrom<FunctionInvokingChatClient>(client);
        Assert.NotNull(client.GetService<OpenTelemetryChatClient>());
        var meter = client.GetService<UsageMeteringChatClient>();
        Assert.NotNull(meter);
        Assert.Equal("offline", meter.Profile.Name);
    }

    [Fact]
    public async Task OpenAIProfileWithoutKey_FailsWithTheSettingToAdd()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Profiles:gpt:Provider"] = "OpenAI",
            ["Llm:Profiles:gpt:Model"] = "gpt-4o",
        };
        await using var services = ProviderTestServices.Create(settings);

        var ex = Assert.Throws<ModelRequestException>(() => services.Factory.Create("gpt"));

        Assert.Equal(ModelFailureKind.Configuration, ex.Kind);
        Assert.Contains("Llm__Profiles__gpt__ApiKey", ex.Message);
    }
}
