using AgenteFilms.Data.Stores;
using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace;
using AgenteFilms.Web.Features.Sessions;
using AgenteFilms.Web.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgenteFilms.Tests.Web.Components;

public sealed class ChatPanelTests : MudTestContext, IClassFixture<SqliteTestDatabase>
{
    private readonly SessionStore _sessions;
    private readonly MessageStore _messages;
    private readonly FixedUser _user = new(Guid.NewGuid());

    public ChatPanelTests(SqliteTestDatabase database)
    {
        // Owner-or-viewer reads go through the session access store.
        Services.AddSingleton(database.Services.GetRequiredService<SessionAccessStore>());
        _sessions = database.Services.GetRequiredService<SessionStore>();
        _messages = database.Services.GetRequiredService<MessageStore>();
        Services.AddSingleton(_messages);
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddScoped<ConversationService>();
        UseInteractiveServer();
    }

    [Fact]
    public async Task ShowsTheNewestPage_AndLoadsOlderMessagesOnRequest()
    {
        var session = await _sessions.CreateAsync(_user.Id, new NewSession("Long talk", "{}"), Ct);
        for (var i = 1; i <= ConversationService.PageSize + 5; i++)
        {
            await _messages.AddQuestionAsync(session.Id, $"Message {i:00}", Ct);
        }

        var cut = Render<ChatPanel>(p => p.Add(c => c.SessionId, session.Id));

        cut.WaitForAssertion(() => Assert.Equal(ConversationService.PageSize, cut.FindAll("[data-testid=chat-message]").Count));
        Assert.Contains("Message 35", cut.FindAll("[data-testid=chat-message]")[^1].TextContent);
        cut.Find("[data-testid=load-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(ConversationService.PageSize + 5, cut.FindAll("[data-testid=chat-message]").Count));
        Assert.Contains("Message 01", cut.FindAll("[data-testid=chat-message]")[0].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=load-older]"));
    }

    [Fact]
    public void ExplainsWhyTheInputIsDisabled_WhileARunIsActive()
    {
        var timeline = AgenteFilms.Web.Features.Runs.RunTimeline.Queued(Guid.NewGuid(), AgenteFilms.Agents.Orchestration.WorkflowKind.Chat);

        var cut = Render<ChatPanel>(p => p.Add(c => c.SessionId, Guid.NewGuid()).Add(c => c.Timeline, timeline));

        Assert.True(cut.Find("#chat-input").HasAttribute("disabled"));
        Assert.Contains("The agents are working on this pitch", cut.Markup);
    }

    [Fact]
    public async Task RendersAgentAnswersAsSanitizedMarkdown_AndKeepsTheWritersWordsAsPlainText()
    {
        var session = await _sessions.CreateAsync(_user.Id, new NewSession("Markdown talk", "{}"), Ct);
        await _messages.AddQuestionAsync(session.Id, "Make her **the sister** <i>please</i>", Ct);
        await _messages.AddAnswerAsync(new AgenteFilms.Data.Entities.Answer
        {
            SessionId = session.Id, Agent = "greeter", Model = "Offline model",
            Content = "I made **Ana** the hero's sister.\n\n- act two turns on it\n- [notes](javascript:alert(1))\n\n<script>alert('x')</script><img src=x onerror=alert(1)>",
        }, Ct);

        var cut = Render<ChatPanel>(p => p.Add(c => c.SessionId, session.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=chat-message]").Count));
        var answer = cut.Find("[data-testid=chat-message][data-role=agent] [data-testid=chat-markdown]");
        Assert.Equal("Ana", answer.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, answer.QuerySelectorAll("li").Length);
        Assert.Empty(answer.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(answer.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        // The raw tags show as text, harmlessly, rather than disappearing.
        Assert.Contains("<script>", answer.TextContent);
        var writer = cut.Find("[data-testid=chat-message][data-role=writer]");
        Assert.Contains("**the sister** <i>please</i>", writer.TextContent);
        Assert.Empty(writer.QuerySelectorAll("strong, i"));
    }

    [Fact]
    public async Task ALongAnswerOpensWithShowMore_AndStructuredOutputOnlyOnRequest()
    {
        var session = await _sessions.CreateAsync(_user.Id, new NewSession("Long answers", "{}"), Ct);
        await _messages.AddAnswerAsync(new AgenteFilms.Data.Entities.Answer
        {
            SessionId = session.Id, Agent = "greeter", Model = "Offline model",
            Content = "The **second act** moves to the lighthouse. " + string.Concat(Enumerable.Repeat("The storm keeps both sisters there. ", 15)),
        }, Ct);
        await _messages.AddAnswerAsync(new AgenteFilms.Data.Entities.Answer
        {
            SessionId = session.Id, Agent = "critic", Model = "Offline model", Content = """{"verdict":"approve","scores":{"hook":8}}""",
        }, Ct);

        var cut = Render<ChatPanel>(p => p.Add(c => c.SessionId, session.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=chat-message]").Count));
        var (longAnswer, data) = (cut.FindAll("[data-testid=chat-message]")[0], cut.FindAll("[data-testid=chat-message]")[1]);
        Assert.Contains("af-md-clamped", longAnswer.QuerySelector("[data-testid=chat-markdown]")!.ClassName);
        Assert.DoesNotContain("approve", data.TextContent);

        longAnswer.QuerySelector("button")!.Click();
        longAnswer = cut.FindAll("[data-testid=chat-message]")[0];
        Assert.DoesNotContain("af-md-clamped", longAnswer.QuerySelector("[data-testid=chat-markdown]")!.ClassName);
        Assert.Equal("Show less", longAnswer.QuerySelector("button")!.TextContent.Trim());
        Assert.Equal("second act", longAnswer.QuerySelector("strong")!.TextContent);

        cut.FindAll("[data-testid=chat-message]")[1].QuerySelector("button")!.Click();
        Assert.Contains("\"verdict\":\"approve\"", cut.FindAll("[data-testid=chat-message]")[1].TextContent);
        // Opening one message leaves the others as they were.
        Assert.Equal("Show less", cut.FindAll("[data-testid=chat-message]")[0].QuerySelector("button")!.TextContent.Trim());
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
