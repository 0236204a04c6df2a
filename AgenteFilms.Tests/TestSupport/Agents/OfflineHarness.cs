using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Agents.Providers.Offline;

namespace AgenteFilms.Tests.TestSupport.Agents;

/// <summary>Runs workflows on the real offline model behind the production-shaped pipeline.</summary>
public static class OfflineHarness
{
    public static EngineHarness Create(OfflineModelBehavior? behavior = null, AgentsOptions? options = null)
    {
        var profile = new ModelProfileOptions { Provider = LlmProvider.Offline };
        return new EngineHarness(new OfflineChatClient(profile, TimeProvider.System, behavior ?? OfflineModelBehavior.Default), options, profile);
    }

    public static Brief Brief(string concept, string genre, string title = "", string budget = "mid") => new()
    {
        Title = title,
        Concept = concept,
        Genre = genre,
        Tone = "",
        Format = "Feature film",
        Audience = "",
        BudgetTier = budget,
    };

    public static PitchDocument? Pitch(RunContext context) => context.State.Read<PitchDocument>(StateKeys.Pitch);
}
