using System.Net.Http.Json;

namespace BoardDesk.Server.Tests;

/// <summary>JSON calls that fail the test with the server's answer when they do not succeed.</summary>
public static class HttpClientJson
{
    /// <summary>GETs <paramref name="path"/> and reads the answer; fails the test on any status but 2xx.</summary>
    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await ReadOkAsync<T>(response, $"GET {path}");
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and reads the answer; fails the test on any status but 2xx.</summary>
    public static async Task<T> PostOkAsync<T>(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return await ReadOkAsync<T>(response, $"POST {path}");
    }

    private static async Task<T> ReadOkAsync<T>(HttpResponseMessage response, string call)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{call} should succeed, but it answered {(int)response.StatusCode}: {text}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
