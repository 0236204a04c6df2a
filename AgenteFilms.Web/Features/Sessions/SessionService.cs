using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What pages and endpoints do with sessions, for the acting user.</summary>
public sealed class SessionService(SessionStore store, PitchStore pitches, ICurrentUser user, IOptions<LlmOptions> llm, IOptions<AgentsOptions> agents)
{
    public const int MaxTitleLength = PitchLimits.MaxTitle;

    // A brief without a chosen iteration count says nothing about it (the configured default applies).
    private static readonly JsonSerializerOptions s_briefJson = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken) =>
        store.ListAsync(user.Id, cancellationToken);

    /// <summary>The user's pitches as the dashboard shows them, most recently updated first.</summary>
    public async Task<IReadOnlyList<PitchCard>> ListCardsAsync(CancellationToken cancellationToken)
    {
        var sessions = await store.ListAsync(user.Id, cancellationToken);
        var documents = await pitches.GetLatestDocumentsAsync(user.Id, cancellationToken);
        return [.. sessions.Select(s => PitchCard.From(s, documents.GetValueOrDefault(s.Id)))];
    }

    public Task<Session?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        store.GetAsync(user.Id, id, cancellationToken);

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        store.DeleteAsync(user.Id, id, cancellationToken);

    /// <summary>Creates a session from a title alone (the dashboard's quick create).</summary>
    public Task<Session> CreateAsync(string? title, CancellationToken cancellationToken)
    {
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
        var ceiling = agents.Value.LoopIterationsCeiling;
        if (input.WritersRoomIterations is < 1 || input.WritersRoomIterations > ceiling)
        {
            errors.Add("writersRoomIterations", $"Choose between 1 and {ceiling} writers' room iterations.");
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
            writersRoomIterations = input.WritersRoomIterations,
        }, s_briefJson);
        return store.CreateAsync(user.Id, new NewSession(title, brief, string.IsNullOrEmpty(profile) ? null : profile), cancellationToken);
    }
}
