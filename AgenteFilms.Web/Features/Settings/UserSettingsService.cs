using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Settings;

/// <summary>The acting user's preferences: the model profile new pitches start with, and the theme.</summary>
public sealed class UserSettingsService(UserSettingsStore store, ICurrentUser user, IOptions<LlmOptions> llm)
{
    public Task<UserSettings> GetAsync(CancellationToken cancellationToken) => store.GetAsync(user.Id, cancellationToken);

    /// <summary>The user's default profile while the instance still offers it, else the instance's default.</summary>
    public async Task<string> DefaultProfileAsync(CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(user.Id, cancellationToken);
        return settings.DefaultModelProfile is { } name && llm.Value.Profiles.ContainsKey(name) ? name : llm.Value.DefaultProfile;
    }

    /// <summary>Saves the default profile (null: follow the instance's default). Unknown names are refused, nothing saved.</summary>
    public Task<UserSettings> SetDefaultProfileAsync(string? profile, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(profile) ? null : profile.Trim();
        if (name is not null && !llm.Value.Profiles.ContainsKey(name))
        {
            throw new InputValidationException("modelProfile", $"Unknown model profile '{name}'. Available: {string.Join(", ", llm.Value.Profiles.Keys)}.");
        }
        return store.UpdateAsync(user.Id, s => s.DefaultModelProfile = name, cancellationToken);
    }

    public Task<UserSettings> SetThemeAsync(ThemePreference theme, CancellationToken cancellationToken) =>
        store.UpdateAsync(user.Id, s => s.Theme = theme, cancellationToken);
}
