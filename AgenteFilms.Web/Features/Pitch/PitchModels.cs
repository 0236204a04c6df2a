using AgenteFilms.Agents.Pitch;

namespace AgenteFilms.Web.Features.Pitch;

/// <summary>The latest pitch version, ready for the pitch panel.</summary>
public sealed record PitchView(int Number, DateTime CreatedAt, PitchDocument Document, IReadOnlyList<PitchSectionView> Sections)
{
    public PitchSectionView Section(string section) => Sections.First(s => s.Section == section);
}

/// <summary>One section: its Markdown body, who wrote it, and why it is stale (null when it is not).</summary>
public sealed record PitchSectionView(string Section, string Label, string Markdown, bool IsEmpty, SectionProvenance? Provenance, string? StaleReason)
{
    public bool IsStale => StaleReason is not null;

    /// <summary>"Screenwriter · Offline model", or "Edited by you".</summary>
    public string ProvenanceText => Provenance switch
    {
        null => "",
        { EditedByWriter: true } => "Edited by you",
        { Agent: var agent, Model: var model } => string.Join(" · ", new[] { AgentLabel(agent), model }.Where(s => !string.IsNullOrWhiteSpace(s))),
    };

    public static string AgentLabel(string? agent) => agent switch
    {
        null or "" => "",
        "box_office" => "Box-office analyst",
        _ => char.ToUpperInvariant(agent[0]) + agent[1..].Replace('_', ' '),
    };
}

/// <summary>Two versions' Markdown side by side, line by line.</summary>
public sealed record PitchDiff(int OldNumber, int NewNumber, IReadOnlyList<PitchDiffRow> Rows)
{
    public bool HasChanges => Rows.Any(r => r.Kind != PitchDiffKind.Unchanged);
}

/// <summary>One row of a side-by-side diff: the old line (null when inserted) and the new line (null when deleted).</summary>
public sealed record PitchDiffRow(PitchDiffKind Kind, int? OldLine, string? OldText, int? NewLine, string? NewText);

public enum PitchDiffKind
{
    Unchanged,
    Inserted,
    Deleted,
    Modified,
}
