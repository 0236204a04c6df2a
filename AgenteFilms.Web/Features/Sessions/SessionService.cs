using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Sessions;

/// <summary>What pages and endpoints do with sessions, for the acting user.</summary>
public sealed class SessionService(
    SessionStore store, SessionAccessStore access, PitchStore pitches, RunStore runStore, RunService runs, ICurrentUser user,
    IOptions<LlmOptions> llm, IOptions<AgentsOptions> agents)
{
    public const int MaxTitleLength = PitchLimits.MaxTitle;

    /// <summary>The name of a session created without a title, until its first message names it.</summary>
    public const string UntitledTitle = "Untitled pitch";

    // A brief without a chosen iteration count says nothing about it (the configured default applies).
    private static readonly JsonSerializerOptions s_briefJson = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The user's pitches: archived ones only when <paramref name="archived"/> is true, active ones when false, all when null.</summary>
    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken, bool? archived = null) =>
        store.ListAsync(user.Id, cancellationToken, archived);

    /// <summary>The user's pitches as the dashboard shows them, most recently updated first.</summary>
    public async Task<IReadOnlyList<PitchCard>> ListCardsAsync(CancellationToken cancellationToken)
    {
        var sessions = await store.ListAsync(user.Id, cancellationToken);
        var documents = await pitches.GetLatestDocumentsAsync(user.Id, cancellationToken);
        var runs = await runStore.GetLatestStatusesAsync(user.Id, cancellationToken);
        return [.. sessions.Select(s => PitchCard.From(s, documents.GetValueOrDefault(s.Id), runs.TryGetValue(s.Id, out var run) ? run : null))];
    }

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

    /// <summary>
    /// Deletes the pitch and every row of it. A queued or running run is cancelled first and given a moment to end,
    /// so the runner is not writing while the rows go. False when it is not the user's.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(user.Id, id, cancellationToken) is null)
        {
            return false;
        }
        await runs.StopActiveRunAsync(id, cancellationToken);
        return await store.DeleteAsync(user.Id, id, cancellationToken);
    }

    /// <summary>
    /// Renames and/or archives (unarchives) a pitch. Throws <see cref="InputValidationException"/>, saving nothing, for
    /// an empty or too long title or an empty change. Null when it is not the user's.
    /// </summary>
    public Task<Session?> UpdateAsync(Guid id, SessionPatch patch, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? title = null;
        if (patch.Title is not null)
        {
            title = errors.Required("title", patch.Title, MaxTitleLength, "The title");
        }
        if (patch.Title is null && patch.Archived is null)
        {
            errors.Add("title", "Give a new title, or archived: true or false.");
        }
        errors.ThrowIfAny();
        return store.UpdateAsync(user.Id, id, new SessionUpdate(title, patch.Archived), null, cancellationToken);
    }

    /// <summary>
    /// A new pitch from this one's latest pitch version and brief (its history starts there); the original is not
    /// changed. The title defaults to "… (copy)". Null when it is not the user's.
    /// </summary>
    public async Task<Session?> DuplicateAsync(Guid id, string? title, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var newTitle = title is null ? null : errors.Required("title", title, MaxTitleLength, "The title");
        errors.ThrowIfAny();
        var original = await store.GetAsync(user.Id, id, cancellationToken);
        if (original is null)
        {
            return null;
        }
        newTitle ??= CopyTitle(original.Title);
        return await store.DuplicateAsync(user.Id, id, newTitle, cancellationToken);
    }

    /// <summary>
    /// The brief as stored on the session (and as the agents read it): trimmed fields, the format's label, the budget
    /// tier in lower case. The cost estimate builds the same JSON from what the writer has typed so far.
    /// </summary>
    public static string BriefJson(NewPitch input)
    {
        var format = input.Format?.Trim() is { Length: > 0 } key && PitchLimits.Formats.TryGetValue(key, out var label) ? label : input.Format?.Trim() ?? "";
        return JsonSerializer.Serialize(new
        {
            title = input.Title?.Trim() ?? "",
            concept = input.Concept?.Trim() ?? "",
            genre = input.Genre?.Trim() ?? "",
            tone = input.Tone?.Trim() ?? "",
            format,
            audience = input.Audience?.Trim() ?? "",
            budgetTier = input.BudgetTier?.Trim().ToLowerInvariant() ?? "",
            writersRoomIterations = input.WritersRoomIterations,
        }, s_briefJson);
    }

    internal static string CopyTitle(string title)
    {
        const string suffix = " (copy)";
        return title.Length + suffix.Length <= MaxTitleLength ? title + suffix : title[..(MaxTitleLength - suffix.Length)] + suffix;
    }

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
    /// Creates a session with an empty brief, as the seed API did: its first message becomes the concept (and names the
    /// session). <paramref name="metadata"/> is kept as given and returned; it must be a JSON object or absent.
    /// </summary>
    public Task<Session> CreateUntitledAsync(JsonElement? metadata, CancellationToken cancellationToken)
    {
        string? metadataJson = null;
        if (metadata is { ValueKind: not JsonValueKind.Null } value)
        {
            var errors = new ValidationErrors();
            if (value.ValueKind != JsonValueKind.Object)
            {
                errors.Add("session_metadata", "session_metadata must be a JSON object.");
            }
            else if ((metadataJson = value.GetRawText()).Length > PitchLimits.MaxMetadata)
            {
                errors.Add("session_metadata", $"session_metadata can be at most {PitchLimits.MaxMetadata:N0} characters of JSON (it has {metadataJson.Length:N0}).");
            }
            errors.ThrowIfAny();
        }
        return store.CreateAsync(user.Id, new NewSession(UntitledTitle, "{}", MetadataJson: metadataJson), cancellationToken);
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
        var ceiling = agents.Value.LoopIterationsCeiling;
        if (input.WritersRoomIterations is < 1 || input.WritersRoomIterations > ceiling)
        {
            errors.Add("writersRoomIterations", $"Choose between 1 and {ceiling} writers' room iterations.");
        }
        errors.ThrowIfAny();

        var brief = BriefJson(new NewPitch(title, concept, genre, tone, format, audience, budget, WritersRoomIterations: input.WritersRoomIterations));
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
