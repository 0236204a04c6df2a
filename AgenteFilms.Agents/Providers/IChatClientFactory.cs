using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// Builds the one model pipeline every provider goes through:
/// provider client → usage meter → OpenTelemetry → Semantic Kernel function invocation.
/// </summary>
public interface IChatClientFactory
{
    /// <summary>Resolves a profile by name (null or empty: the default profile). Unknown names throw <see cref="UnknownModelProfileException"/>.</summary>
    ResolvedModelProfile Resolve(string? profileName);

    /// <summary>The full pipeline for a profile. Clients are cached per profile and safe to share.</summary>
    IChatClient Create(string? profileName);
}

/// <summary>A profile with its name.</summary>
public sealed record ResolvedModelProfile(string Name, ModelProfileOptions Options)
{
    public string Label => Options.Label;
}

public sealed class UnknownModelProfileException(string name)
    : Exception($"Unknown model profile '{name}'.")
{
    public string ProfileName { get; } = name;
}
