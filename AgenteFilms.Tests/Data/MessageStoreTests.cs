using AgenteFilms.Data.Entities;
using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgenteFilms.Tests.Data;

public abstract class MessageStoreTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private MessageStore Messages => new(database.Require().Contexts, _time);

    private SessionStore Sessions => database.Require().Services.GetRequiredService<SessionStore>();

    [Fact]
    public async Task QuestionAndAnswer_RoundTrip_WithUsage()
    {
        var owner = Guid.NewGuid();
        var session = await Sessions.CreateAsync(owner, new NewSession("Usage"), Ct);
        var question = await Messages.AddQuestionAsync(session.Id, "A lighthouse keeper on Mars", Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Messages.AddAnswerAsync(new Answer
        {
            SessionId = session.Id,
            QuestionId = question.Id,
            Agent = "screenwriter",
            Content = "ACT ONE ...",
            InputTokens = 1200,
            OutputTokens = 800,
            CostUsd = 0.004321m,
            DurationMs = 2500,
            Model = "gpt-4o-mini",
        }, Ct);

        var page = await Messages.GetHistoryPageAsync(owner, session.Id, before: null, pageSize: 10, Ct);

        Assert.False(page.HasMore);
        Assert.Collection(page.Items,
            q =>
            {
                Assert.Equal(HistoryRole.Writer, q.Role);
                Assert.Null(q.Agent);
                Assert.Equal("A lighthouse keeper on Mars", q.Content);
            },
            a =>
            {
                Assert.Equal(HistoryRole.Agent, a.Role);
                Assert.Equal("screenwriter", a.Agent);
                Assert.Equal(1200, a.InputTokens);
                Assert.Equal(800, a.OutputTokens);
                Assert.Equal(0.004321m, a.CostUsd);
                Assert.Equal("gpt-4o-mini", a.Model);
            });
    }

    [Fact]
    public async Task HistoryPages_WalkBackwards_WithoutGapsOrDuplicates()
    {
        var owner = Guid.NewGuid();
        var session = await Sessions.CreateAsync(owner, new NewSession("Long chat"), Ct);
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var text = $"message {i:00}";
            expected.Add(text);
            if (i % 2 == 0)
            {
                await Messages.AddQuestionAsync(session.Id, text, Ct);
            }
            else
            {
                await Messages.AddAnswerAsync(new Answer { SessionId = session.Id, Agent = "greeter", Content = text }, Ct);
            }
            // Every third message shares a timestamp with the one before: the Id breaks the tie.
            if (i % 3 != 0)
            {
                _time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        var seen = new List<string>();
        HistoryCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await Messages.GetHistoryPageAsync(owner, session.Id, cursor, pageSize: 10, Ct);
            seen.InsertRange(0, page.Items.Select(i => i.Content));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task History_IsEmpty_ForAnotherUser()
    {
        var session = await Sessions.CreateAsync(Guid.NewGuid(), new NewSession("Private chat"), Ct);
        await Messages.AddQuestionAsync(session.Id, "secret idea", Ct);

        var page = await Messages.GetHistoryPageAsync(Guid.NewGuid(), session.Id, null, 10, Ct);

        Assert.Empty(page.Items);
    }
}

public sealed class SqliteMessageStoreTests(SqliteTestDatabase database) : MessageStoreTests<SqliteTestDatabase>(database);

public sealed class PostgresMessageStoreTests(PostgresTestDatabase database) : MessageStoreTests<PostgresTestDatabase>(database);
