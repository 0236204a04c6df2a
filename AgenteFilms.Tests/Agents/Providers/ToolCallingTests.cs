using System.ComponentModel;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Tests.TestSupport.FakeOpenAi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Tests.Agents.Providers;

public sealed class ToolCallingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ModelAsksForAKernelFunction_SemanticKernelInvokesIt_AndSendsTheResultBack(bool streaming)
    {
        await using var server = await FakeOpenAiServer.StartAsync(Ct);
        // First round: ask for whatever tool was offered. Second round: answer with what the tool returned.
        server.Responder = request => request.ToolResults.Count == 0
            ? FakeResponse.CallTool(request.ToolNames.Single(), new { city = "Lisbon" }, "call_1", new FakeUsage(100, 20))
            : FakeResponse.Reply($"The forecast: {request.ToolResults[0]["content"]}", new FakeUsage(150, 30));
        await using var services = ProviderTestServices.Create(
            ProviderTestServices.Profile(server, inputPricePer1M: 1m, outputPricePer1M: 4m));
        var weather = new WeatherPlugin();
        var kernel = KernelWith(services.Factory.Create("fake"), weather);
        var arguments = new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() });

        using var scope = UsageScope.Begin();
        string answer;
        if (streaming)
        {
            var parts = new List<string>();
            await foreach (var part in kernel.InvokePromptStreamingAsync<string>("Weather in Lisbon?", arguments, cancellationToken: Ct))
            {
                parts.Add(part);
            }
            answer = string.Concat(parts);
        }
        else
        {
            answer = (await kernel.InvokePromptAsync("Weather in Lisbon?", arguments, cancellationToken: Ct)).ToString();
        }

        Assert.Equal(["Lisbon"], weather.Calls);
        Assert.Equal("The forecast: Sunny in Lisbon", answer);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(streaming, r.Stream));
        Assert.Equal("Weather_forecast", Assert.Single(requests[0].ToolNames));
        var toolResult = Assert.Single(requests[1].ToolResults);
        Assert.Equal("call_1", toolResult["tool_call_id"]!.GetValue<string>());
        Assert.Equal("Sunny in Lisbon", RecordedRequest.ContentText(toolResult));
        // Both round trips are metered (the meter sits below the function-invocation layer).
        Assert.Equal(new Usage(250, 50, (250 * 1m + 50 * 4m) / 1_000_000m, scope.Total.Latency, 2), scope.Total);
    }

    private static Kernel KernelWith(IChatClient chatClient, WeatherPlugin plugin)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chatClient);
        builder.Plugins.AddFromObject(plugin, "Weather");
        return builder.Build();
    }

    private sealed class WeatherPlugin
    {
        public List<string> Calls { get; } = [];

        [KernelFunction("forecast"), Description("Today's weather for a city.")]
        public string Forecast([Description("City name")] string city)
        {
            lock (Calls)
            {
                Calls.Add(city);
            }
            return $"Sunny in {city}";
        }
    }
}
