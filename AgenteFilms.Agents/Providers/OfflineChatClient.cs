using Microsoft.Extensions.AI;

namespace AgenteFilms.Agents.Providers;

/// <summary>
/// The embedded offline model. PLACEHOLDER: the agent-engine work replaces this body with the deterministic,
/// genre-aware model described in ARCHITECTURE.md. The constructor signature is the contract the provider factory uses.
/// </summary>
public sealed class OfflineChatClient(ModelProfileOptions profile, TimeProvider? timeProvider = null) : IChatClient
{
    private readonly ModelProfileOptions _profile = profile;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
