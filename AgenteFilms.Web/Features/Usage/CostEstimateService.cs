using AgenteFilms.Agents.Providers;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Features.Runs;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;

namespace AgenteFilms.Web.Features.Usage;

/// <summary>
/// Cost estimates for the acting user before a run (the new-pitch form, the regenerate dialog) and, after one, the
/// estimate beside what the run actually billed.
/// </summary>
public sealed class CostEstimateService(PitchCostEstimator estimator, SessionStore sessions, StateStore state, RunStore runs, ICurrentUser user)
{
    /// <summary>The full pitch workflow for what the writer has typed so far (nothing is validated or saved).</summary>
    public CostEstimate EstimateNewPitch(NewPitch input) =>
        estimator.EstimatePitch(Blank(input.ModelProfile), SessionService.BriefJson(input));

    /// <summary>Regenerating one section of the user's pitch with a note, from its current state. Null when not theirs.</summary>
    public async Task<CostEstimate?> EstimateRegenerationAsync(Guid sessionId, string section, string? note, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(user.Id, sessionId, cancellationToken) is not { } session)
        {
            return null;
        }
        var latest = await state.GetLatestAsync(sessionId, cancellationToken);
        return estimator.EstimateRegeneration(session.ModelProfile, section, note, latest.ToDictionary(kv => kv.Key, kv => kv.Value.ValueJson));
    }

    /// <summary>
    /// The latest finished pitch run or regeneration of the user's pitch: its estimate (from the brief, or the current
    /// state) beside the tokens and cost it billed. Null when there is none yet (chat turns have no estimate).
    /// </summary>
    public async Task<EstimateVersusActual?> CompareLatestRunAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (await sessions.GetAsync(user.Id, sessionId, cancellationToken) is not { } session)
        {
            return null;
        }
        var latest = (await runs.ListAsync(user.Id, sessionId, 10, cancellationToken))
            .FirstOrDefault(r => r.Status == RunStatus.Completed && r.Workflow is RunArguments.Pitch or RunArguments.Regenerate);
        if (latest is null || await runs.GetAsync(user.Id, sessionId, latest.Id, cancellationToken) is not { } run)
        {
            return null;
        }
        CostEstimate estimate;
        if (run.Workflow == RunArguments.Regenerate && RunArguments.FromJson(run.ArgumentsJson) is { Section: { } section } arguments)
        {
            var current = await state.GetLatestAsync(sessionId, cancellationToken);
            estimate = estimator.EstimateRegeneration(session.ModelProfile, section, arguments.Note, current.ToDictionary(kv => kv.Key, kv => kv.Value.ValueJson));
        }
        else
        {
            estimate = estimator.EstimatePitch(session.ModelProfile, session.BriefJson);
        }
        return new EstimateVersusActual(estimate,
            run.Steps.Sum(s => s.InputTokens + s.OutputTokens), run.Steps.Sum(s => s.CostUsd), run.Workflow == RunArguments.Regenerate);
    }

    private static string? Blank(string? profile) => string.IsNullOrWhiteSpace(profile) ? null : profile.Trim();
}

/// <summary>A run's estimate and what it billed.</summary>
public sealed record EstimateVersusActual(CostEstimate Estimate, long ActualTokens, decimal ActualCostUsd, bool Regeneration);
