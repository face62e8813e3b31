namespace BoardDesk.Accounts;

/// <summary>Lockout settings (configuration section <c>BoardDesk:Accounts</c>).</summary>
public sealed class AccountOptions
{
    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-ins.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
