using System.Text.Json;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Endpoints;

/// <summary>A session as the API shows it.</summary>
public sealed record SessionDto(
    Guid Id,
    string Title,
    string Status,
    string? ModelProfile,
    JsonElement Brief,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool Archived,
    DateTime? ArchivedAt)
{
    public static SessionDto From(Session session)
    {
        using var brief = JsonDocument.Parse(session.BriefJson);
        return new SessionDto(session.Id, session.Title, session.Status.ToString(), session.ModelProfile,
            brief.RootElement.Clone(), session.CreatedAt, session.UpdatedAt,
            session.ArchivedAt is not null, session.ArchivedAt);
    }
}
