namespace BoardDesk.Server.Infrastructure;

/// <summary>TLS with client certificates for the silo and its gateway (configuration section <c>BoardDesk:Cluster:Tls</c>).</summary>
public sealed class ClusterTlsSettings
{
    /// <summary>The silo's certificate with its private key (PFX); unset, the silo and gateway speak plain TCP.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's password, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The SHA-1 thumbprints of the client certificates allowed to connect, comma-separated.</summary>
    public string AllowedClientThumbprints { get; set; } = "";

    /// <summary>The allowed thumbprints, normalised.</summary>
    public IReadOnlySet<string> AllowedThumbprints() =>
        AllowedClientThumbprints.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
}
