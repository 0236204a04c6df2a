using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Settings;

/// <summary>
/// The theme choice within one circuit: the settings page changes it, the layout (which owns the theme provider)
/// listens. Scoped, so it is per browser tab; the choice itself is saved per user.
/// </summary>
public sealed class ThemeState
{
    public ThemePreference Preference { get; private set; } = ThemePreference.System;

    public event Action? Changed;

    public void Set(ThemePreference preference)
    {
        if (Preference != preference)
        {
            Preference = preference;
            Changed?.Invoke();
        }
    }
}
