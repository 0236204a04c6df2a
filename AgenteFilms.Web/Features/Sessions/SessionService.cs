using System.Text.Json;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What pages and endpoints do with sessions, for the acting user.</summary>
public sealed class SessionService(SessionStore store, SessionAccessStore access, ICurrentUser user, IOptions<LlmOptions> llm)
{
    public const int MaxTitleLength = PitchLimits.MaxTitle;

    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken) =>
        store.ListAsync(user.Id, cancellationToken);

    /// <summary>Pitches other accounts shared with the user (read-only for them).</summary>
    public Task<IReadOnlyList<Session>> ListSharedWithMeAsync(CancellationToken cancellationToken) =>
        access.ListSharedWithAsync(user.Id, cancellationToken);

    /// <summary>The session when the user owns it or it was shared with them; null otherwise (404 either way).</summary>
    public async Task<Session?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await access.GetAsync(user.Id, id, cancellationToken) is { } found
            ? await store.GetAsync(found.OwnerId, id, cancellationToken)
            : null;

    /// <summary>What the user is to the session (owner or viewer), or null when it does not exist for them.</summary>
    public Task<SessionAccess?> GetAccessAsync(Guid id, CancellationToken cancellationToken) =>
        access.GetAsync(user.Id, id, cancellationToken);

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        store.DeleteAsync(user.Id, id, cancellationToken);

    /// <summary>Creates a session from a title alone (the dashboard's quick create).</summary>
    public Task<Session> CreateAsync(string? title, CancellationToken cancellationToken)
    {
        RequireWriter();
        var errors = new ValidationErrors();
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add("title", "Give your pitch a title.");
        }
        else if (trimmed.Length > MaxTitleLength)
        {
            errors.Add("title", $"The title can be at most {MaxTitleLength} characters.");
        }
        errors.ThrowIfAny();
        var brief = JsonSerializer.Serialize(new { title = trimmed }, JsonSerializerOptions.Web);
        return store.CreateAsync(user.Id, new NewSession(trimmed, brief), cancellationToken);
    }

    /// <summary>
    /// Creates a pitch from a full brief. Throws <see cref="InputValidationException"/> with every field's problem,
    /// and saves nothing, when the input breaks a rule.
    /// </summary>
    public Task<Session> CreatePitchAsync(NewPitch input, CancellationToken cancellationToken)
    {
        RequireWriter();
        var errors = new ValidationErrors();
        var title = errors.Required("title", input.Title, PitchLimits.MaxTitle, "The title");
        var concept = errors.Required("concept", input.Concept, PitchLimits.MaxConcept, "The concept");
        var genre = errors.Optional("genre", input.Genre, PitchLimits.MaxShortField, "The genre");
        var tone = errors.Optional("tone", input.Tone, PitchLimits.MaxShortField, "The tone");
        var audience = errors.Optional("audience", input.Audience, PitchLimits.MaxShortField, "The audience");
        var format = "";
        if (!string.IsNullOrWhiteSpace(input.Format))
        {
            if (PitchLimits.Formats.TryGetValue(input.Format.Trim(), out var label))
            {
                format = label;
            }
            else
            {
                errors.Add("format", $"The format must be one of: {string.Join(", ", PitchLimits.Formats.Keys)}.");
            }
        }
        var budget = input.BudgetTier?.Trim().ToLowerInvariant() ?? "";
        if (budget.Length > 0 && !PitchLimits.BudgetTiers.Contains(budget))
        {
            errors.Add("budgetTier", $"The budget tier must be one of: {string.Join(", ", PitchLimits.BudgetTiers)}.");
        }
        var profile = input.ModelProfile?.Trim();
        if (!string.IsNullOrEmpty(profile) && !llm.Value.Profiles.ContainsKey(profile))
        {
            errors.Add("modelProfile", $"Unknown model profile '{profile}'. Available: {string.Join(", ", llm.Value.Profiles.Keys)}.");
        }
        errors.ThrowIfAny();

        var brief = JsonSerializer.Serialize(new
        {
            title,
            concept,
            genre,
            tone,
            format,
            audience,
            budgetTier = budget,
        }, JsonSerializerOptions.Web);
        return store.CreateAsync(user.Id, new NewSession(title, brief, string.IsNullOrEmpty(profile) ? null : profile), cancellationToken);
    }

    private void RequireWriter()
    {
        if (!user.CanCreatePitches)
        {
            throw new ForbiddenException("A producer account reads the pitches shared with it; it does not create pitches.");
        }
    }
}
