using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Benchmarks;

/// <summary>Every profile maps to one client, wrapped like production with Semantic Kernel's function invocation.</summary>
internal sealed class BenchChatClientFactory(IChatClient inner, ModelProfileOptions profile) : IChatClientFactory
{
    private readonly IChatClient _pipeline = inner.AsBuilder().UseKernelFunctionInvocation().Build();

    public ResolvedModelProfile Resolve(string? profileName) => new(profileName ?? "bench", profile);

    public IChatClient Create(string? profileName) => _pipeline;
}
