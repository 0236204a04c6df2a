using System.Text.Json;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What the dashboard shows of one pitch: the session, its genre and the logline of its latest pitch version.</summary>
/// <param name="Logline">From the latest pitch version; null before the agents wrote one.</param>
/// <param name="Concept">The brief's concept, shown in place of a logline until there is one.</param>
public sealed record PitchCard(Session Session, string? Genre, string? Logline, string? Concept)
{
    public static PitchCard From(Session session, string? latestPitchJson) =>
        new(session, ReadString(session.BriefJson, "genre"), ReadString(latestPitchJson, "logline"), ReadString(session.BriefJson, "concept"));

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
