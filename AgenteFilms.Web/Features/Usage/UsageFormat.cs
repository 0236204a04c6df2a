using System.Globalization;

namespace AgenteFilms.Web.Features.Usage;

/// <summary>How tokens and money read on the usage page, the settings page and the cost estimates.</summary>
public static class UsageFormat
{
    public static string Tokens(long tokens) => tokens.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Dollars with cents, or with four decimals below a cent so small real costs do not read as $0.00.</summary>
    public static string Cost(decimal usd) =>
        usd == 0 ? "$0.00" : usd < 0.01m ? "$" + usd.ToString("0.0000", CultureInfo.InvariantCulture) : "$" + usd.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>The exact figure for machines (data attributes, CSV): every stored decimal, no trailing zeros.</summary>
    public static string Invariant(decimal usd) => (usd / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
