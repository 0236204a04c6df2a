using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Components.Shared;

public enum PitchChangeKind
{
    Renamed,
    Archived,
    Unarchived,
    Duplicated,
    Deleted,
}

/// <summary>What the pitch menu did; <see cref="Session"/> is the pitch after the change (the copy, for a duplicate).</summary>
public sealed record PitchChange(PitchChangeKind Kind, Session Session);
