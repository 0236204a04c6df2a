namespace AgenteFilms.Agents.Providers;

/// <summary>Billed usage of one or more model requests.</summary>
public sealed record Usage(long InputTokens, long OutputTokens, decimal CostUsd, TimeSpan Latency, int Requests)
{
    public static readonly Usage Zero = new(0, 0, 0m, TimeSpan.Zero, 0);

    public Usage Add(Usage other) => new(
        InputTokens + other.InputTokens,
        OutputTokens + other.OutputTokens,
        CostUsd + other.CostUsd,
        Latency + other.Latency,
        Requests + other.Requests);
}

/// <summary>
/// Collects the usage of every model request made while it is the current scope (flows with the async context),
/// so an agent step can report its own tokens and cost even when tool calls cause several round trips.
/// The usage meter in the provider pipeline calls <see cref="Record"/>.
/// </summary>
public sealed class UsageScope : IDisposable
{
    private static readonly AsyncLocal<UsageScope?> s_current = new();
    private readonly UsageScope? _parent;
    private readonly Lock _gate = new();
    private Usage _total = Usage.Zero;

    private UsageScope(UsageScope? parent, UsageAccount? account)
    {
        _parent = parent;
        Account = account;
    }

    public static UsageScope? Current => s_current.Value;

    /// <summary>Whom the requests in this scope are charged to (null: no budget applies), for <see cref="UsageBudgetChatClient"/>.</summary>
    public UsageAccount? Account { get; }

    /// <summary>Starts a scope; dispose it to restore the previous one.</summary>
    public static UsageScope Begin(UsageAccount? account = null)
    {
        var scope = new UsageScope(s_current.Value, account);
        s_current.Value = scope;
        return scope;
    }

    public Usage Total
    {
        get { lock (_gate) { return _total; } }
    }

    /// <summary>Adds one request's usage to the current scope, if any.</summary>
    public static void Record(Usage usage)
    {
        var scope = s_current.Value;
        if (scope is null)
        {
            return;
        }
        lock (scope._gate)
        {
            scope._total = scope._total.Add(usage);
        }
    }

    public void Dispose() => s_current.Value = _parent;
}
