using System.Text.Json;
using AgenteFilms.Agents.Orchestration;
using AgenteFilms.Agents.Pitch;
using AgenteFilms.Data.Entities;

namespace AgenteFilms.Web.Features.Pitch;

/// <summary>A stored pitch version with its document read back: the one place stored pitch JSON is parsed.</summary>
public sealed record StoredPitch(int Number, DateTime CreatedAt, PitchDocument Document)
{
    public static StoredPitch From(PitchVersion version) => new(version.Number, version.CreatedAt, Parse(version.DocumentJson));

    public static PitchDocument Parse(string json) =>
        JsonSerializer.Deserialize<PitchDocument>(json, AgentJson.Options) ?? new PitchDocument();
}

/// <summary>A pitch version ready to export: the document and what its confidentiality notice states.</summary>
public sealed record ExportablePitch(PitchDocument Document, Export.PitchAttribution Attribution);
