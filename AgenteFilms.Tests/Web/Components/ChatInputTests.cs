using AgenteFilms.Tests.TestSupport;
using AgenteFilms.Web.Components.Pages.Workspace;
using Bunit;

namespace AgenteFilms.Tests.Web.Components;

public sealed class ChatInputTests : MudTestContext
{
    public ChatInputTests() => UseInteractiveServer();

    [Theory]
    [InlineData(false, "Make the villain kinder")]
    [InlineData(true, "")]
    public void AMessageIsClearedOnlyWhenItWasTaken(bool taken, string left)
    {
        var sent = new List<string>();
        var cut = Render<ChatInput>(p => p.Add(c => c.OnSend, message =>
        {
            sent.Add(message);
            return Task.FromResult(taken);
        }));

        cut.Find("#chat-input").Input("Make the villain kinder");
        cut.Find("button[aria-label=Send]").Click();

        Assert.Equal(["Make the villain kinder"], sent);
        cut.WaitForAssertion(() => Assert.Equal(left, cut.Find("#chat-input").GetAttribute("value") ?? ""));
    }
}
