using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Agents.Providers;
using AgenteFilms.Web.Features.Limits;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AgenteFilms.Web.Features.Screenplay;

/// <summary>
/// The seed's one-shot outline: the screenwriter and the character developer on a concept, nothing persisted
/// (as the seed's <c>POST /api/screenplay/generate</c> did). Runs in the request because it is one short step, not a run.
/// </summary>
public sealed class ScreenplayService(AgentEngine engine, IOptions<LlmOptions> llm, DailyUsageBudget budget, ICurrentUser user)
{
    public const int MinConcept = 10;
    public const int MaxConcept = 500;

    public async Task<ScreenplayOutline> GenerateAsync(string? concept, string? model, CancellationToken cancellationToken)
    {
        var trimmed = concept?.Trim() ?? "";
        if (trimmed.Length is < MinConcept or > MaxConcept)
        {
            throw new InputValidationException("concept", $"The concept must be between {MinConcept} and {MaxConcept} characters (it has {trimmed.Length}).");
        }
        var profile = ResolveProfile(model);
        await budget.EnsureAvailableAsync(user.Id, cancellationToken);

        var context = new RunContext
        {
            SessionId = Guid.Empty,
            RunId = Guid.NewGuid(),
            UserId = user.Id,
            ModelProfile = profile,
            State = new RunState([StateEntry.FromJson(StateKeys.Brief, AgentJson.ToElement(new Brief { Concept = trimmed }).GetRawText(), 1)]),
        };
        var workflow = new Workflow("screenplay", new SequentialStep(null,
            [engine.Workflows.Step(AgentNames.Screenwriter), engine.Workflows.Step(AgentNames.CharacterDeveloper)]));
        await foreach (var e in engine.RunAsync(workflow, context, cancellationToken))
        {
            if (e is RunFailed { RetryAfter: { } retryAfter } stopped)
            {
                // The daily budget ran out between the check above and a model call: a limit (429), not a failure.
                throw new LimitExceededException(stopped.Message, retryAfter);
            }
            if (e is RunFailed failed)
            {
                throw new ScreenplayFailedException(failed.Message);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();

        var outline = context.State.Read<StoryOutline>(StateKeys.Outline) ?? throw new ScreenplayFailedException("The screenwriter wrote no outline.");
        var characters = context.State.Read<CharacterList>(StateKeys.Characters)?.Characters ?? [];
        string Act(int number) => outline.Acts.FirstOrDefault(a => a.Number == number) is { } act
            ? string.Join(" ", new[] { act.Summary }.Concat(act.Beats.Select(b => $"{b.Name}: {b.Description}")))
            : "";
        return new ScreenplayOutline(
            outline.Title,
            outline.Logline,
            new ThreeActStructure(Act(1), Act(2), Act(3)),
            characters.Select(c => new OutlineCharacter(c.Name, $"{c.Role}. Wants {c.Want}; needs {c.Need}.")).ToList(),
            AgentNames.Screenwriter);
    }

    /// <summary>The seed named models; we name profiles. Accept either a profile name or a profile's model id.</summary>
    private string? ResolveProfile(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }
        var profiles = llm.Value.Profiles;
        if (profiles.ContainsKey(model))
        {
            return model;
        }
        var byModel = profiles.FirstOrDefault(p => string.Equals(p.Value.Model, model, StringComparison.OrdinalIgnoreCase));
        return byModel.Key ?? throw new UnknownModelException(model, profiles.Keys);
    }
}

/// <summary>The seed's response shape (snake_case on the wire).</summary>
public sealed record ScreenplayOutline(
    [property: System.Text.Json.Serialization.JsonPropertyName("title")] string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("logline")] string Logline,
    [property: System.Text.Json.Serialization.JsonPropertyName("three_act_structure")] ThreeActStructure ThreeActStructure,
    [property: System.Text.Json.Serialization.JsonPropertyName("characters")] IReadOnlyList<OutlineCharacter> Characters,
    [property: System.Text.Json.Serialization.JsonPropertyName("agent_used")] string AgentUsed);

public sealed record ThreeActStructure(
    [property: System.Text.Json.Serialization.JsonPropertyName("act_1")] string Act1,
    [property: System.Text.Json.Serialization.JsonPropertyName("act_2")] string Act2,
    [property: System.Text.Json.Serialization.JsonPropertyName("act_3")] string Act3);

public sealed record OutlineCharacter(
    [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
    [property: System.Text.Json.Serialization.JsonPropertyName("description")] string Description);

/// <summary>The seed's request body.</summary>
public sealed record ScreenplayRequest(string? Concept, string? Model = null);

/// <summary>The requested model matches no profile: 400 <c>{detail}</c> (DECISIONS §1).</summary>
public sealed class UnknownModelException(string model, IEnumerable<string> available)
    : Exception($"Unknown model '{model}'. Available: {string.Join(", ", available)}.");

public sealed class ScreenplayFailedException(string cause) : Exception($"Failed to generate screenplay: {cause}");
