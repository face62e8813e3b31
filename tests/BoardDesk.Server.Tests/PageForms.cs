using System.Net;
using System.Text.RegularExpressions;

namespace BoardDesk.Server.Tests;

/// <summary>Posts a page's forms as a browser does: with the page's antiforgery token and the form's name.</summary>
internal static partial class PageForms
{
    /// <summary>The antiforgery token a page's forms carry.</summary>
    public static string TokenOf(string page) => WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups["token"].Value);

    /// <summary>Posts the form named <paramref name="form"/> to <paramref name="path"/> with the token of <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, string form, Dictionary<string, string> fields) =>
        PostWithTokenAsync(client, path, TokenOf(page), form, fields);

    /// <summary>Posts the form named <paramref name="form"/> to <paramref name="path"/> with <paramref name="token"/>.</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, string token, string form, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields) { ["_handler"] = form, ["__RequestVerificationToken"] = token };
        return client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
