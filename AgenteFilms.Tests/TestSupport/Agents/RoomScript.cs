using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Tools;

namespace AgenteFilms.Tests.TestSupport.Agents;

/// <summary>
/// A well-behaved scripted writers' room: each agent saves a small, valid value with its own tool, then answers
/// "&lt;agent&gt; done". The critic passes from <see cref="CriticPassesAt"/> (0: never).
/// </summary>
public sealed class RoomScript
{
    public int CriticPassesAt { get; init; } = 2;

    public ScriptedReply Reply(ScriptedRequest request)
    {
        if (request.ToolResults > 0)
        {
            return new ScriptedReply($"{request.Agent} done");
        }
        return request.Agent switch
        {
            AgentNames.Researcher => Call(request, NoteTools.SaveNote, new() { ["topic"] = "Setting", ["note"] = "Fog banks" }),
            AgentNames.Screenwriter => Save(request, StateKeys.Outline, new { title = "Fog", logline = $"Draft {request.Iteration}", acts = Array.Empty<object>() }),
            AgentNames.CharacterDeveloper => Save(request, StateKeys.Characters, new { characters = new[] { new { name = "Maren", role = "Keeper", want = "w", need = "n", arc = "a" } } }),
            AgentNames.BoxOffice => Save(request, StateKeys.Market, new { audience = "Adults", budgetRange = "$2M" }),
            AgentNames.CastingDirector => Save(request, StateKeys.Casting, new { ideas = new[] { new { character = "Maren", suggestions = new[] { "An actor" }, rationale = "r" } } }),
            AgentNames.PitchWriter => Call(request, PitchTools.SavePitch, new() { ["pitchJson"] = """{"title":"Fog","logline":"A keeper fights the fog."}""" }),
            AgentNames.Critic => Critic(request),
            _ => new ScriptedReply($"{request.Agent} says hello"),
        };
    }

    private ScriptedReply Critic(ScriptedRequest request)
    {
        var passes = CriticPassesAt > 0 && request.Iteration >= CriticPassesAt;
        var score = passes ? 8 : 5;
        var critique = JsonSerializer.Serialize(new
        {
            scores = new { structure = score, character = score, stakes = score, originality = score, market_fit = score },
            notes = new[] { new { beat = "Midpoint", note = "Raise the stakes." } },
            summary = passes ? "Ready." : "Not yet.",
        });
        return passes
            ? new ScriptedReply(critique, [new ScriptedCall(request.Tool(CriticTools.ExitLoop), new Dictionary<string, object?> { ["reason"] = "All scores pass." })])
            : new ScriptedReply(critique);
    }

    public static ScriptedReply Save(ScriptedRequest request, string key, object value)
        => Call(request, StateTools.SaveToState, new() { ["key"] = key, ["content"] = JsonSerializer.Serialize(value) });

    public static ScriptedReply Call(ScriptedRequest request, string function, Dictionary<string, object?> arguments)
        => new("", [new ScriptedCall(request.Tool(function), arguments)]);
}
