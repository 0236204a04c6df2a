using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Features.Sharing;
using AgenteFilms.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgenteFilms.Tests.Web.Features;

public sealed class ShareServiceTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private ShareService Service(Guid user) => new(
        new ShareLinkStore(database.Contexts, _time),
        database.Services.GetRequiredService<PitchStore>(),
        database.Services.GetRequiredService<SessionAccessStore>(),
        new FixedUser(user),
        _time);

    [Fact]
    public async Task ALink_ExpiresAtItsTime_WithAClearStatus()
    {
        var owner = Guid.NewGuid();
        var session = await database.Services.GetRequiredService<SessionStore>().CreateAsync(owner, new NewSession("Expiring"), Ct);
        var created = await Service(owner).CreateAsync(session.Id, expiresInDays: 2, Ct);

        var before = await Service(Guid.NewGuid()).OpenAsync(created!.Token, Ct);
        _time.Advance(TimeSpan.FromDays(2));
        var after = await Service(Guid.NewGuid()).OpenAsync(created.Token, Ct);

        Assert.Equal(ShareStatus.Valid, before.Status);
        Assert.Null(before.Pitch);
        Assert.Equal(ShareStatus.Expired, after.Status);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, after.ExpiresAt);
    }

    [Fact]
    public async Task OnlyTheOwner_CanCreateOrRevokeLinks()
    {
        var owner = Guid.NewGuid();
        var session = await database.Services.GetRequiredService<SessionStore>().CreateAsync(owner, new NewSession("Mine"), Ct);
        var created = await Service(owner).CreateAsync(session.Id, null, Ct);

        Assert.Null(await Service(Guid.NewGuid()).CreateAsync(session.Id, null, Ct));
        Assert.False(await Service(Guid.NewGuid()).RevokeAsync(session.Id, created!.Link.Id, Ct));
        Assert.True(await Service(owner).RevokeAsync(session.Id, created.Link.Id, Ct));
        Assert.Equal(ShareStatus.Revoked, (await Service(owner).OpenAsync(created.Token, Ct)).Status);
    }

    [Fact]
    public async Task ATamperedToken_OpensNothing()
    {
        var owner = Guid.NewGuid();
        var session = await database.Services.GetRequiredService<SessionStore>().CreateAsync(owner, new NewSession("Tamper"), Ct);
        var created = await Service(owner).CreateAsync(session.Id, null, Ct);

        var tampered = created!.Token[..^1] + (created.Token[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(ShareStatus.Unknown, (await Service(owner).OpenAsync(tampered, Ct)).Status);
        Assert.Equal(ShareStatus.Unknown, (await Service(owner).OpenAsync("", Ct)).Status);
    }
}
