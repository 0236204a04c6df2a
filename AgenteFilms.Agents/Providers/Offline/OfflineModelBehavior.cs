namespace AgenteFilms.Agents.Providers.Offline;

/// <summary>Knobs of the offline model that are not part of a model profile.</summary>
public sealed record OfflineModelBehavior
{
    public static readonly OfflineModelBehavior Default = new();

    /// <summary>
    /// The writers'-room iteration from which the offline critic approves (calls <c>exit_loop</c>). Default 2: the
    /// first draft fails with notes, the revision passes. 1 passes at once; 0 never passes (the loop runs to its max).
    /// </summary>
    public int CriticPassIteration { get; init; } = 2;

    /// <summary>Characters per streamed chunk (about four tokens by default).</summary>
    public int ChunkChars { get; init; } = 16;
}
