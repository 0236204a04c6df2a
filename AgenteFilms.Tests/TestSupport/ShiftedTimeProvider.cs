namespace AgenteFilms.Tests.TestSupport;

/// <summary>
/// The system clock, moved forward on request. Unlike a frozen fake clock, timers and delays keep running, so a whole
/// app (its runner, its circuits) can live on it while a test jumps past an expiry date.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
