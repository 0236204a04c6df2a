using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Stores;

namespace AgenteFilms.Web.Features.Pitch;

/// <summary>A version of the pitch state key with the document it holds.</summary>
public sealed record PitchStateVersion(long Id, int Version, Guid? StepId, PitchDocument Document);

/// <summary>
/// Which sections of the current pitch are stale, and why (DECISIONS §3: versions, never timestamps).
/// <para>
/// The rule, per section S with source key K (<see cref="PitchSectionMap.SourceKey"/>):
/// 1. Find the pitch state version that last wrote S: the first version whose provenance of S equals the current
///    one (provenance is stamped afresh on every write of a section, so equal provenance means the same write; a
///    restore therefore points back at the original write, not at the restore).
/// 2. What that write was built from: the ReadVersionsJson of its agent step; for a writer's edit or restore (no
///    step) the versions that existed just before it, in insertion order.
/// 3. Direct: S is stale when K (for the pitch writer's own sections: any key it read except the pitch itself) now
///    has a newer version than the one it was built from — "the outline changed since (v2 → v3)".
/// 4. Upstream, for agent-written sections only: S is also stale when the step that wrote the latest K read a key
///    that has changed since (the characters were written from outline v2, the outline is now v3). A section the
///    writer edited is stale only when its inputs change after the edit (rule 3), not for what preceded it.
///    A key rewritten in reaction to K itself (the critic's verdict on the outline it just read) does not count.
/// </para>
/// </summary>
public static class PitchStaleness
{
    public static IReadOnlyDictionary<string, string> Reasons(
        IReadOnlyList<PitchStateVersion> pitchVersions,
        IReadOnlyList<StateVersionHeader> headers,
        IReadOnlyDictionary<Guid, string> stepReads)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pitchVersions.Count == 0)
        {
            return reasons;
        }
        var latestVersions = headers.GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Max(h => h.Version), StringComparer.Ordinal);
        var current = pitchVersions[^1].Document;
        foreach (var section in PitchSections.All)
        {
            if (PitchSectionMap.IsEmpty(current, section))
            {
                continue;
            }
            current.Provenance.TryGetValue(section, out var provenance);
            var origin = provenance is null ? pitchVersions[^1] : pitchVersions.First(v => Equals(v.Document.Provenance.GetValueOrDefault(section), provenance));
            var builtFrom = InputsOf(origin.Id, origin.StepId, headers, stepReads);
            var edited = provenance?.EditedByWriter == true;
            var reason = Direct(section, builtFrom, latestVersions, edited) ?? (edited ? null : Upstream(section, headers, stepReads, latestVersions));
            if (reason is not null)
            {
                reasons[section] = reason;
            }
        }
        return reasons;
    }

    private static string? Direct(string section, IReadOnlyDictionary<string, int> builtFrom, Dictionary<string, int> latest, bool edited)
    {
        var sourceKey = PitchSectionMap.SourceKey(section);
        IEnumerable<string> keys = sourceKey == StateKeys.Pitch ? builtFrom.Keys.Where(k => k != StateKeys.Pitch).Order(StringComparer.Ordinal) : [sourceKey];
        foreach (var key in keys)
        {
            var was = builtFrom.GetValueOrDefault(key);
            if (latest.GetValueOrDefault(key) is var now && now > was)
            {
                return $"{Capitalised(Name(key))} changed since {(edited ? "your edit" : "this was written")} (v{was} → v{now}).";
            }
        }
        return null;
    }

    private static string? Upstream(string section, IReadOnlyList<StateVersionHeader> headers, IReadOnlyDictionary<Guid, string> stepReads, Dictionary<string, int> latest)
    {
        var sourceKey = PitchSectionMap.SourceKey(section);
        if (sourceKey == StateKeys.Pitch || headers.LastOrDefault(h => h.Key == sourceKey) is not { StepId: { } stepId }
            || !stepReads.TryGetValue(stepId, out var json))
        {
            return null;
        }
        foreach (var (key, was) in Parse(json).Where(kv => kv.Key != StateKeys.Pitch && kv.Key != sourceKey).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (latest.GetValueOrDefault(key) is var now && now > was && !IsReactionTo(key, sourceKey, headers, stepReads, latest))
            {
                return $"{Capitalised(Name(key))} changed since {Name(sourceKey)} {(sourceKey is StateKeys.Characters or StateKeys.Casting ? "were" : "was")} written (v{was} → v{now}).";
            }
        }
        return null;
    }

    /// <summary>
    /// True when the latest <paramref name="key"/> was written by a step that had already read the current
    /// <paramref name="sourceKey"/>: a reaction to it, not a new input. The writers' room loop is the case: the
    /// screenwriter reads the critique, the critic then critiques that very outline, and the loop ends on it.
    /// </summary>
    private static bool IsReactionTo(string key, string sourceKey, IReadOnlyList<StateVersionHeader> headers, IReadOnlyDictionary<Guid, string> stepReads, Dictionary<string, int> latest)
        => headers.LastOrDefault(h => h.Key == key) is { StepId: { } writer }
            && stepReads.TryGetValue(writer, out var json)
            && Parse(json).GetValueOrDefault(sourceKey) >= latest.GetValueOrDefault(sourceKey);

    /// <summary>The versions a pitch write was built from: its step's reads, else what existed just before it.</summary>
    private static IReadOnlyDictionary<string, int> InputsOf(long id, Guid? stepId, IReadOnlyList<StateVersionHeader> headers, IReadOnlyDictionary<Guid, string> stepReads)
        => stepId is { } step && stepReads.TryGetValue(step, out var json)
            ? Parse(json)
            : headers.Where(h => h.Id < id).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Max(h => h.Version), StringComparer.Ordinal);

    internal static Dictionary<string, int> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Name(string key) => key switch
    {
        StateKeys.Market => "the market report",
        StateKeys.Casting => "the casting ideas",
        _ => "the " + key,
    };

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
