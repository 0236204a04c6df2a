using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AgenteFilms.Data.Stores;

namespace AgenteFilms.Web.Endpoints;

/// <summary>Opaque paging cursors for the history API: base64url of "ticks:id".</summary>
public static class HistoryCursorCodec
{
    public static string Encode(HistoryCursor cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{cursor.CreatedAt.Ticks}:{cursor.Id:N}")));

    public static bool TryDecode(string? text, out HistoryCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new HistoryCursor(new DateTime(ticks, DateTimeKind.Utc), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
