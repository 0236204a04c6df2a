using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgenteFilms.Web.Components.Shared;

/// <summary>
/// MudBlazor's look without its components, for parts of pages that every circuit keeps open (app bar, workspace rows):
/// each component instance costs a circuit its own render-tree buffers for as long as the page is open.
/// </summary>
internal static class MudMarkup
{
    /// <summary>MudButton (text, default colour, small) classes; the label goes in a <c>mud-button-label</c> span.</summary>
    public const string SmallTextButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small mud-ripple";

    /// <summary>
    /// A MudBlazor icon (one of the <see cref="Icons"/> constants, never text from outside) as plain SVG, styled like
    /// MudIcon. Rows repeated dozens of times per workspace use this instead of a component: every component instance
    /// costs a circuit its own render-tree buffers for as long as the page is open.
    /// </summary>
    public static RenderFragment Icon(string icon, string cssClass, string? label = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {cssClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        if (label is null)
        {
            builder.AddAttribute(4, "aria-hidden", "true");
        }
        else
        {
            builder.AddAttribute(5, "role", "img");
            builder.AddAttribute(6, "aria-label", label);
        }
        builder.AddMarkupContent(7, icon);
        builder.CloseElement();
    };
}
