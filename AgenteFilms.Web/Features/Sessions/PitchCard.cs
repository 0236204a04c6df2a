using System.Text.Json;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What the dashboard shows of one pitch: the session, its genre, the logline of its latest pitch version and where it stands.</summary>
/// <param name="Logline">From the latest pitch version; null before the agents wrote one.</param>
/// <param name="Concept">The brief's concept, shown in place of a logline until there is one.</param>
public sealed record PitchCard(Session Session, string? Genre, string? Logline, string? Concept, PitchStage Stage = PitchStage.Draft)
{
    public static PitchCard From(Session session, string? latestPitchJson, RunStatus? latestRun = null) =>
        new(session, ReadString(session.BriefJson, "genre"), ReadString(latestPitchJson, "logline"), ReadString(session.BriefJson, "concept"),
            StageOf(latestPitchJson is not null, latestRun));

    /// <summary>Where a pitch stands: its agents at work, stopped by a failure, with a pitch, or nothing yet.</summary>
    public static PitchStage StageOf(bool hasPitch, RunStatus? latestRun) => latestRun switch
    {
        RunStatus.Queued or RunStatus.Running => PitchStage.Writing,
        RunStatus.Failed or RunStatus.Interrupted => PitchStage.Stopped,
        _ when hasPitch => PitchStage.Ready,
        _ => PitchStage.Draft,
    };

    /// <summary>True when the title, logline, concept or any brief field contains <paramref name="search"/>.</summary>
    public bool Matches(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return true;
        }
        var text = search.Trim();
        return Session.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase)
            || (Logline?.Contains(text, StringComparison.CurrentCultureIgnoreCase) ?? false)
            || Session.BriefJson.Contains(text, StringComparison.CurrentCultureIgnoreCase);
    }

    // Only one property of each document is needed: no need to bind the whole pitch.
    private static string? ReadString(string? json, string property)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text
                ? text.Trim()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A pitch's stage on the dashboard.</summary>
public enum PitchStage
{
    /// <summary>No pitch written yet.</summary>
    Draft,
    /// <summary>A run is queued or running.</summary>
    Writing,
    /// <summary>The latest run failed or was interrupted; it can be resumed.</summary>
    Stopped,
    /// <summary>A pitch version exists and nothing is running.</summary>
    Ready,
}
