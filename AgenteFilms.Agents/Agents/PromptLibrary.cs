using System.Collections.Concurrent;

namespace AgenteFilms.Agents.Agents;

/// <summary>Loads the agents' instructions from the embedded <c>Prompts/*.md</c> resources, once each.</summary>
public static class PromptLibrary
{
    private static readonly ConcurrentDictionary<string, string> s_cache = new(StringComparer.Ordinal);

    /// <summary>The prompt for an agent name; throws when the resource is missing (a packaging bug, not a runtime condition).</summary>
    public static string Get(string agentName) => s_cache.GetOrAdd(agentName, Load);

    private static string Load(string agentName)
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var resource = $"{assembly.GetName().Name}.Prompts.{agentName}.md";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded prompt '{resource}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
