using AgenteFilms.Agents.Orchestration;

namespace AgenteFilms.Agents.Pitch;

/// <summary>
/// Which pitch sections are stale: built from a state key that has a newer version now than when the pitch writer
/// read it (DECISIONS §3: versions, never timestamps). A writer's edit of, say, the outline is a new version too.
/// </summary>
public static class PitchStaleness
{
    /// <param name="readByPitchWriter">Key → version the pitch writer read (its <see cref="AgentCompleted.Reads"/>).</param>
    /// <param name="currentVersions">Key → latest stored version.</param>
    /// <returns>The stale <see cref="PitchSections"/> names, in document order.</returns>
    public static IReadOnlyList<string> StaleSections(IReadOnlyDictionary<string, int> readByPitchWriter, IReadOnlyDictionary<string, int> currentVersions)
    {
        var changed = currentVersions
            .Where(kv => kv.Key != StateKeys.Pitch && (!readByPitchWriter.TryGetValue(kv.Key, out var read) || kv.Value > read))
            .Select(kv => kv.Key)
            .ToHashSet(StringComparer.Ordinal);
        var sections = PitchSections.All.Where(s => changed.Contains(PitchSectionMap.SourceKey(s))).ToList();
        // The brief feeds everything the pitch writer writes itself (overview, world, themes, statement).
        if (changed.Contains(StateKeys.Brief))
        {
            sections = [.. PitchSections.All.Where(s => sections.Contains(s) || PitchSectionMap.SourceKey(s) == StateKeys.Pitch)];
        }
        return sections;
    }
}
