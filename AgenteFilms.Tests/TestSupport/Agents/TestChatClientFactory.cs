using System.Collections.Concurrent;
using AgenteFilms.Agents.Providers;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace AgenteFilms.Tests.TestSupport.Agents;

/// <summary>
/// The test stand-in for the provider factory: every profile maps to the given client, wrapped like production with
/// Semantic Kernel's function invocation. Records which profiles were asked for.
/// </summary>
public sealed class TestChatClientFactory(IChatClient inner, ModelProfileOptions? profile = null) : IChatClientFactory
{
    private readonly IChatClient _pipeline = inner.AsBuilder().UseKernelFunctionInvocation().Build();
    private readonly ModelProfileOptions _profile = profile ?? new ModelProfileOptions { DisplayName = "Scripted model", InputPricePer1M = 1m, OutputPricePer1M = 2m };
    private readonly ConcurrentQueue<string?> _requested = new();

    /// <summary>Names that the engine asked for, in order.</summary>
    public IReadOnlyList<string?> RequestedProfiles => [.. _requested];

    public ResolvedModelProfile Resolve(string? profileName)
    {
        if (profileName == "missing")
        {
            throw new UnknownModelProfileException(profileName);
        }
        return new ResolvedModelProfile(string.IsNullOrEmpty(profileName) ? "default" : profileName, _profile);
    }

    public IChatClient Create(string? profileName)
    {
        _requested.Enqueue(profileName);
        return _pipeline;
    }
}
