using System.Net;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class ModelConnectionTesterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkingProfile_ReportsSuccessAndLatency()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Enqueue(FakeResponse.Reply("OK") with { Delay = TimeSpan.FromMilliseconds(50) });
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server));

        var result = await services.Tester.TestConnectionAsync("fake", Ct);

        Assert.True(result.Success, result.Message);
        Assert.Null(result.Failure);
        Assert.True(result.Latency >= TimeSpan.FromMilliseconds(50));
        Assert.StartsWith("Connected to fake-model", result.Message);
        // One tiny request through the real pipeline.
        var request = Assert.Single(server.Requests);
        Assert.Equal(16, request.Json!["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task WrongKey_SaysTheKeyWasRejected_WithoutShowingIt()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Error(401, "Incorrect API key provided: sk-wro***key", type: "invalid_request_error");
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, apiKey: "sk-wrong-key"));

        var result = await services.Tester.TestConnectionAsync("fake", Ct);

        Assert.False(result.Success);
        Assert.Equal(ConnectionFailure.WrongKey, result.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, result.StatusCode);
        Assert.Contains("rejected the API key (401)", result.Message);
        Assert.DoesNotContain("sk-w", result.Message);
        Assert.Single(server.Requests); // 401 is not retried
    }

    [Fact]
    public async Task UnknownModel_SaysTheModelIsUnknown()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Error(404, "The model `gpt-9` does not exist", type: "invalid_request_error");
        await using var services = ProviderTestServices.Create(ProviderTestServices.Profile(server, model: "gpt-9"));

        var result = await services.Tester.TestConnectionAsync("fake", Ct);

        Assert.Equal(ConnectionFailure.ModelNotFound, result.Failure);
        Assert.Contains("does not know the model 'gpt-9' (404)", result.Message);
        Assert.Contains("The server said: The model `gpt-9` does not exist", result.Message);
    }

    [Fact]
    public async Task HungServer_ReportsTimeout()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        server.Responder = _ => FakeResponse.Hanging();
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, maxRetries: 0, attemptTimeoutSeconds: 1, totalTimeoutSeconds: 1));

        var result = await services.Tester.TestConnectionAsync("fake", Ct);

        Assert.Equal(ConnectionFailure.Timeout, result.Failure);
        Assert.Contains("did not answer in time", result.Message);
    }

    [Fact]
    public async Task UnreachableHost_SaysSo()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        var settings = ProviderTestServices.Profile(server, maxRetries: 0);
        settings["Llm:Profiles:fake:Endpoint"] = "http://unreachable.invalid/v1";
        await using var services = ProviderTestServices.Create(settings);

        var result = await services.Tester.TestConnectionAsync("fake", Ct);

        Assert.Equal(ConnectionFailure.Unreachable, result.Failure);
        Assert.Contains("Could not reach http://unreachable.invalid/v1", result.Message);
    }

    [Fact]
    public async Task UnknownProfile_SaysThereIsNoSuchProfile()
    {
        await using var services = ProviderTestServices.Create([]);

        var result = await services.Tester.TestConnectionAsync("nope", Ct);

        Assert.Equal(ConnectionFailure.UnknownProfile, result.Failure);
        Assert.Equal("There is no model profile named 'nope'.", result.Message);
    }
}
