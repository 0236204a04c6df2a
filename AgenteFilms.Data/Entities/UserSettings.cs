namespace AgenteFilms.Data.Entities;

/// <summary>A writer's own preferences, one row per user (keyed by the user id; absent until first saved).</summary>
public class UserSettings
{
    public Guid UserId { get; set; }
    /// <summary>The model profile the new-pitch form starts with; null = the instance's default.</summary>
    public string? DefaultModelProfile { get; set; }
    public ThemePreference Theme { get; set; } = ThemePreference.System;
    public DateTime UpdatedAt { get; set; }
}

public enum ThemePreference
{
    System,
    Light,
    Dark,
}
