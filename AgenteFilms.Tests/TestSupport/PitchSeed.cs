using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data;
using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// A session as the default workflow leaves it, written row by row: a completed run whose steps record what they
/// read (screenwriter → outline, character developer → characters, box office → market, casting → casting, pitch
/// writer → pitch v1), so staleness has real ReadVersionsJson to work from.
/// </summary>
public sealed class PitchSeed(TestDatabase database)
{
    public static readonly DateTime WrittenAt = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private IDbContextFactory<AgenteFilmsDbContext> Contexts => database.Contexts;

    /// <summary>Creates the session for <paramref name="ownerId"/> with a pitch at version 1; returns its id.</summary>
    public async Task<Guid> SessionWithPitchAsync(Guid ownerId, PitchDocument? pitch = null, CancellationToken cancellationToken = default)
    {
        var sessions = database.Services.GetRequiredService<SessionStore>();
        var session = await sessions.CreateAsync(ownerId, new NewSession("The Last Lighthouse"), cancellationToken);
        var document = WithProvenance(pitch ?? SamplePitches.TheLastLighthouse());

        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
        var run = new AgentRun { Id = Guid.CreateVersion7(), SessionId = session.Id, Workflow = "pitch", Status = RunStatus.Completed, CreatedAt = WrittenAt };
        db.AgentRuns.Add(run);
        await AddStateAsync(db, session.Id, StateKeys.Brief, """{"concept":"A lighthouse keeper in orbit"}""", null, null);
        await StepAsync(db, run, AgentNames.Screenwriter, new() { [StateKeys.Brief] = 1 }, StateKeys.Outline, """{"title":"The Last Lighthouse"}""");
        await StepAsync(db, run, AgentNames.CharacterDeveloper, new() { [StateKeys.Brief] = 1, [StateKeys.Outline] = 1 }, StateKeys.Characters, "{}");
        await StepAsync(db, run, AgentNames.BoxOffice, new() { [StateKeys.Brief] = 1, [StateKeys.Outline] = 1 }, StateKeys.Market, "{}");
        await StepAsync(db, run, AgentNames.CastingDirector, new() { [StateKeys.Characters] = 1 }, StateKeys.Casting, "{}");
        var json = JsonSerializer.Serialize(document, AgentJson.Options);
        await StepAsync(db, run, AgentNames.PitchWriter,
            new() { [StateKeys.Brief] = 1, [StateKeys.Outline] = 1, [StateKeys.Characters] = 1, [StateKeys.Market] = 1, [StateKeys.Casting] = 1 },
            StateKeys.Pitch, json);
        db.PitchVersions.Add(new PitchVersion
        {
            Id = Guid.CreateVersion7(), SessionId = session.Id, Number = 1, DocumentJson = json,
            AuthorAgent = AgentNames.PitchWriter, RunId = run.Id, Note = "Written by Pitch writer", CreatedAt = WrittenAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>A new version of a state key written by an agent step that read <paramref name="reads"/>.</summary>
    public async Task AgentWritesAsync(Guid sessionId, string agent, Dictionary<string, int> reads, string key, string json)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var run = new AgentRun { Id = Guid.CreateVersion7(), SessionId = sessionId, Workflow = "chat", Status = RunStatus.Completed, CreatedAt = WrittenAt };
        db.AgentRuns.Add(run);
        await StepAsync(db, run, agent, reads, key, json);
        if (key == StateKeys.Pitch)
        {
            var number = await db.PitchVersions.CountAsync(p => p.SessionId == sessionId) + 1;
            db.PitchVersions.Add(new PitchVersion
            {
                Id = Guid.CreateVersion7(), SessionId = sessionId, Number = number, DocumentJson = json,
                AuthorAgent = agent, RunId = run.Id, Note = "Written by Pitch writer", CreatedAt = WrittenAt,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A queued run, as if the writer had just sent a message.</summary>
    public async Task QueueRunAsync(Guid sessionId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.AgentRuns.Add(new AgentRun { Id = Guid.CreateVersion7(), SessionId = sessionId, Workflow = "chat", Status = RunStatus.Queued, CreatedAt = WrittenAt });
        await db.SaveChangesAsync();
    }

    /// <summary>A run that ended with <paramref name="status"/> and wrote nothing.</summary>
    public async Task FinishedRunAsync(Guid sessionId, RunStatus status)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.AgentRuns.Add(new AgentRun { Id = Guid.CreateVersion7(), SessionId = sessionId, Workflow = "pitch", Status = status, CreatedAt = WrittenAt });
        await db.SaveChangesAsync();
    }

    public static PitchDocument WithProvenance(PitchDocument pitch, DateTime? writtenAt = null) => pitch with
    {
        Provenance = PitchSections.All.ToDictionary(
            s => s, s => new SectionProvenance(PitchSectionMap.SourceAgent(s), "Offline model", false, writtenAt ?? WrittenAt), StringComparer.Ordinal),
    };

    private static async Task<Guid> StepAsync(AgenteFilmsDbContext db, AgentRun run, string agent, Dictionary<string, int> reads, string key, string json)
    {
        var step = new AgenteFilms.Data.Entities.AgentStep
        {
            Id = Guid.CreateVersion7(), RunId = run.Id, StepKey = $"{agent}/{Guid.NewGuid():N}", Agent = agent, Status = StepStatus.Completed,
            StartedAt = WrittenAt, CompletedAt = WrittenAt, Model = "Offline model", ReadVersionsJson = JsonSerializer.Serialize(reads),
        };
        db.AgentSteps.Add(step);
        await AddStateAsync(db, run.SessionId, key, json, run.Id, step.Id);
        return step.Id;
    }

    // Saved one by one: insertion order (the row id) is what staleness reads for the writer's own versions.
    private static async Task AddStateAsync(AgenteFilmsDbContext db, Guid sessionId, string key, string json, Guid? runId, Guid? stepId)
    {
        await StateStore.AddVersionAsync(db, sessionId, key, json, runId, stepId, WrittenAt, CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
