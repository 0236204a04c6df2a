using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Stores;
using AgenteFilms.Web.Infrastructure;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AgenteFilms.Web.Features.Pitch;

/// <summary>
/// The writer's view of a pitch: the latest version with provenance and staleness, edits, restores, version history and
/// diffs. Every method checks the session is the acting user's; another user's session reads as not found (null).
/// </summary>
public sealed class PitchService(
    PitchStore pitches, StateStore state, RunStore runs, ICurrentUser user, Sharing.PitchAccess access, SessionAccessStore sessionAccess, TimeProvider time)
{
    public const int MaxSectionLength = 20_000;

    /// <summary>
    /// Raised with the new number after the writer saved a version (edit or restore). The service is scoped, so in
    /// Blazor this is per circuit: the pitch and history panels reload each other without going through the page.
    /// </summary>
    public event Action<int>? VersionSaved;

    public async Task<PitchView?> GetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (await access.OwnerForReadAsync(sessionId, cancellationToken) is not { } owner)
        {
            return null;
        }
        var latest = await pitches.GetAsync(owner, sessionId, null, cancellationToken);
        if (latest is null)
        {
            return null;
        }
        var document = Deserialize(latest.DocumentJson);
        var stale = await StaleReasonsAsync(sessionId, cancellationToken);
        var sections = PitchSections.All.Select(s => new PitchSectionView(
            s,
            PitchSectionMarkdown.Label(s),
            PitchSectionMarkdown.Render(document, s),
            PitchSectionMap.IsEmpty(document, s),
            document.Provenance.GetValueOrDefault(s),
            stale.GetValueOrDefault(s))).ToList();
        return new PitchView(latest.Number, latest.CreatedAt, document, sections);
    }

    /// <summary>
    /// Saves the writer's Markdown for one section as a new version (and a new pitch state version).
    /// Null when the session or its pitch is not found.
    /// </summary>
    /// <exception cref="InputValidationException">Unknown section, too long, or text that cannot be read as the section.</exception>
    /// <exception cref="PitchVersionConflictException"><paramref name="expectedVersionNumber"/> is no longer the latest.</exception>
    /// <exception cref="RunConflictException">A run is in progress and would overwrite the edit.</exception>
    public async Task<PitchView?> EditSectionAsync(Guid sessionId, string section, string? markdown, int expectedVersionNumber, CancellationToken cancellationToken)
    {
        if (!PitchSections.All.Contains(section))
        {
            throw new InputValidationException("section", $"Unknown section '{section}'.");
        }
        markdown ??= "";
        if (markdown.Length > MaxSectionLength)
        {
            throw new InputValidationException("markdown", $"A section can be at most {MaxSectionLength:N0} characters (it has {markdown.Length:N0}).");
        }
        var latest = await pitches.GetAsync(user.Id, sessionId, null, cancellationToken);
        if (latest is null)
        {
            return null;
        }
        if (latest.Number != expectedVersionNumber)
        {
            throw new PitchVersionConflictException(sessionId, expectedVersionNumber, latest.Number);
        }
        var current = Deserialize(latest.DocumentJson);
        var edited = PitchSectionMarkdown.Apply(current, section, markdown);
        var previous = current.Provenance.GetValueOrDefault(section);
        var provenance = new Dictionary<string, SectionProvenance>(current.Provenance, StringComparer.Ordinal)
        {
            // Who first wrote it stays visible; EditedByWriter and the new time mark the writer's version.
            [section] = new(previous?.Agent, previous?.Model, EditedByWriter: true, time.GetUtcNow().UtcDateTime),
        };
        edited = edited with { Provenance = provenance };
        var saved = await pitches.AddWriterVersionAsync(
            user.Id, sessionId, expectedVersionNumber, Serialize(edited), StateKeys.Pitch, $"Edited {PitchSectionMarkdown.Label(section).ToLowerInvariant()}", cancellationToken);
        if (saved is null)
        {
            return null;
        }
        VersionSaved?.Invoke(saved.Number);
        return await GetAsync(sessionId, cancellationToken);
    }

    /// <summary>A new version equal to version <paramref name="versionNumber"/>. Null when it does not exist.</summary>
    public async Task<PitchVersionInfo?> RestoreAsync(Guid sessionId, int versionNumber, CancellationToken cancellationToken)
    {
        var old = await pitches.GetAsync(user.Id, sessionId, versionNumber, cancellationToken);
        var latest = await pitches.GetAsync(user.Id, sessionId, null, cancellationToken);
        if (old is null || latest is null)
        {
            return null;
        }
        var restored = await pitches.AddWriterVersionAsync(
            user.Id, sessionId, latest.Number, old.DocumentJson, StateKeys.Pitch, $"Restored version {versionNumber}", cancellationToken);
        if (restored is not null)
        {
            VersionSaved?.Invoke(restored.Number);
        }
        return restored;
    }

    /// <summary>A version of a pitch the user owns or views (the latest when <paramref name="number"/> is null), or null.</summary>
    public async Task<StoredPitch?> GetVersionAsync(Guid sessionId, int? number, CancellationToken cancellationToken) =>
        await access.OwnerForReadAsync(sessionId, cancellationToken) is { } owner
        && await pitches.GetAsync(owner, sessionId, number, cancellationToken) is { } version
            ? StoredPitch.From(version)
            : null;

    /// <summary>
    /// A version (the latest when <paramref name="number"/> is null) with what its confidentiality notice states: the
    /// owner's name, the version number and its date. Null exactly when <see cref="GetVersionAsync"/> is.
    /// </summary>
    public async Task<ExportablePitch?> GetForExportAsync(Guid sessionId, int? number, CancellationToken cancellationToken)
    {
        if (await GetVersionAsync(sessionId, number, cancellationToken) is not { } stored)
        {
            return null;
        }
        var author = await sessionAccess.GetOwnerNameAsync(sessionId, cancellationToken);
        return new ExportablePitch(stored.Document, new Export.PitchAttribution(author ?? Export.PitchAttribution.UnknownAuthor, stored.Number, stored.CreatedAt));
    }

    /// <summary>Every version, newest first (empty for a session the user may not see).</summary>
    public async Task<IReadOnlyList<PitchVersionInfo>> ListVersionsAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await access.OwnerForReadAsync(sessionId, cancellationToken) is { } owner
            ? await pitches.ListAsync(owner, sessionId, cancellationToken)
            : [];

    /// <summary>A line diff of the two versions' Markdown, side by side. Null when either version is missing.</summary>
    public async Task<PitchDiff?> DiffAsync(Guid sessionId, int oldNumber, int newNumber, CancellationToken cancellationToken)
    {
        if (await access.OwnerForReadAsync(sessionId, cancellationToken) is not { } owner)
        {
            return null;
        }
        var older = await pitches.GetAsync(owner, sessionId, oldNumber, cancellationToken);
        var newer = await pitches.GetAsync(owner, sessionId, newNumber, cancellationToken);
        if (older is null || newer is null)
        {
            return null;
        }
        var model = SideBySideDiffBuilder.Diff(
            new Differ(), PitchMarkdown.Render(Deserialize(older.DocumentJson)), PitchMarkdown.Render(Deserialize(newer.DocumentJson)),
            ignoreWhiteSpace: false, ignoreCase: false);
        var rows = model.OldText.Lines.Zip(model.NewText.Lines, Row).ToList();
        return new PitchDiff(oldNumber, newNumber, rows);
    }

    private static PitchDiffRow Row(DiffPiece left, DiffPiece right)
    {
        var kind = (left.Type, right.Type) switch
        {
            (ChangeType.Unchanged, ChangeType.Unchanged) => PitchDiffKind.Unchanged,
            (ChangeType.Imaginary, _) => PitchDiffKind.Inserted,
            (_, ChangeType.Imaginary) => PitchDiffKind.Deleted,
            _ => PitchDiffKind.Modified,
        };
        return new PitchDiffRow(
            kind,
            left.Type == ChangeType.Imaginary ? null : left.Position,
            left.Type == ChangeType.Imaginary ? null : left.Text,
            right.Type == ChangeType.Imaginary ? null : right.Position,
            right.Type == ChangeType.Imaginary ? null : right.Text);
    }

    private async Task<IReadOnlyDictionary<string, string>> StaleReasonsAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var headers = await state.GetVersionHeadersAsync(sessionId, cancellationToken);
        var pitchRows = (await state.GetVersionsAsync(sessionId, StateKeys.Pitch, cancellationToken))
            .OrderBy(v => v.Version)
            .Select(v => new PitchStateVersion(v.Id, v.Version, v.StepId, Deserialize(v.ValueJson)))
            .ToList();
        var stepIds = headers.Where(h => h.StepId is not null).Select(h => h.StepId!.Value).Distinct().ToList();
        var reads = await runs.GetReadVersionsAsync(stepIds, cancellationToken);
        return PitchStaleness.Reasons(pitchRows, headers, reads);
    }

    private static PitchDocument Deserialize(string json) => StoredPitch.Parse(json);

    private static string Serialize(PitchDocument document) => JsonSerializer.Serialize(document, AgentJson.Options);
}
