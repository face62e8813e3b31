using System.Security.Cryptography;
using BoardDesk.Grains;
using BoardDesk.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BoardDesk.Accounts;

/// <summary>A local account. Passwords are hashed with ASP.NET Core Identity's hasher; the journal never holds a secret.</summary>
[GrainType("account")]
public sealed class AccountGrain(IPasswordHasher<AccountGrain> hasher, IOptions<AccountOptions> options)
    : JournaledGrain<AccountState, AccountEvent>, IAccountGrain
{
    // Verified against for unknown accounts, so that a sign-in takes as long whether or not the account exists.
    private static string? _decoyHash;

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Details() : null;

    /// <inheritdoc />
    public Task<AccountDetails> CreateAsync(CreateAccount command)
    {
        if (!IsValidUserName(Key))
        {
            throw new ValidationException("userName", "A user name is 3 to 64 lowercase letters, digits and . _ @ - characters.");
        }

        var displayName = command.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName) || displayName.Length > 200)
        {
            throw new ValidationException("displayName", "A display name of 1 to 200 characters is required.");
        }

        if (PasswordRules.Check(command.Password, Key) is { } problem)
        {
            throw new ValidationException("password", problem);
        }

        var email = EmailAddress.Check(command.Email);
        if (State.Exists)
        {
            throw new ConflictException($"The account '{Key}' exists already.");
        }

        Raise(new AccountCreated(displayName, hasher.HashPassword(this, command.Password), command.SystemAdministrator, NewStamp(), email));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<AccountDetails> SetEmailAsync(string? email)
    {
        EnsureExists();
        var checkedEmail = EmailAddress.Check(email);
        if (!string.Equals(checkedEmail, State.Email, StringComparison.Ordinal))
        {
            Raise(new AccountEmailChanged(checkedEmail));
        }

        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<AccountDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<SignInResult> SignInAsync(string password)
    {
        if (!State.Exists)
        {
            hasher.VerifyHashedPassword(this, _decoyHash ??= hasher.HashPassword(this, NewStamp()), password ?? "");
            return Task.FromResult(new SignInResult(SignInOutcome.Failed));
        }

        var now = Time.GetUtcNow();
        if (State.LockedUntil is { } until && until > now)
        {
            return Task.FromResult(new SignInResult(SignInOutcome.LockedOut));
        }

        var verdict = hasher.VerifyHashedPassword(this, State.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            Raise(new SignInFailed(now));
            if (State.FailedSignIns >= options.Value.MaxFailedSignIns)
            {
                Raise(new AccountLockedOut(now + options.Value.LockoutDuration));
            }

            return Task.FromResult(new SignInResult(SignInOutcome.Failed));
        }

        if (!State.Enabled)
        {
            return Task.FromResult(new SignInResult(SignInOutcome.Disabled));
        }

        if (State.FailedSignIns > 0 || State.LockedUntil is not null)
        {
            Raise(new SignInFailuresCleared(now));
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Raise(new PasswordChanged(hasher.HashPassword(this, password!), State.SecurityStamp, ByAdministrator: false));
        }

        return Task.FromResult(new SignInResult(SignInOutcome.SignedIn, Details()));
    }

    /// <inheritdoc />
    public Task<string> StartSessionAsync(TimeSpan lifetime)
    {
        EnsureExists();
        if (!State.Enabled)
        {
            throw new RuleViolationException($"The account '{Key}' is disabled.");
        }

        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = Time.GetUtcNow();
        Raise(new SessionStarted(SessionHash(sessionId), now, now + lifetime));
        return Task.FromResult(sessionId);
    }

    /// <inheritdoc />
    public Task<AccountDetails?> GetSessionAsync(string sessionId) =>
        Task.FromResult(State.Exists && State.Enabled && State.Sessions.TryGetValue(SessionHash(sessionId), out var until) && until > Time.GetUtcNow()
            ? Details()
            : null);

    /// <inheritdoc />
    public Task EndSessionAsync(string sessionId)
    {
        var hash = SessionHash(sessionId);
        if (State.Sessions.ContainsKey(hash))
        {
            Raise(new SessionEnded(hash, Time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ChangePasswordAsync(ChangePassword command)
    {
        EnsureExists();
        if (!command.ByAdministrator
            && hasher.VerifyHashedPassword(this, State.PasswordHash, command.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throw new ValidationException("currentPassword", "The current password is not correct.");
        }

        if (PasswordRules.Check(command.NewPassword, Key) is { } problem)
        {
            throw new ValidationException("newPassword", problem);
        }

        Raise(new PasswordChanged(hasher.HashPassword(this, command.NewPassword), NewStamp(), command.ByAdministrator));
        RevokeLiveTokens();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RequestPasswordResetAsync()
    {
        // Unknown accounts are answered exactly like known ones by the caller; only known ones record the request.
        if (State.Exists && !State.ResetRequested)
        {
            Raise(new PasswordResetRequested(Time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AccountDetails> SetEnabledAsync(bool enabled)
    {
        EnsureExists();
        if (enabled && !State.Enabled)
        {
            Raise(new AccountEnabled());
        }
        else if (!enabled && State.Enabled)
        {
            Raise(new AccountDisabled(NewStamp()));
            RevokeLiveTokens();
        }

        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<AccountDetails> GrantBoardRoleAsync(BoardRoleGrant grant)
    {
        EnsureExists();
        CheckGrant(grant);
        if (State.BoardRoles.Contains(grant))
        {
            throw new ConflictException($"'{Key}' already has that role on '{grant.BoardId}'.");
        }

        if (grant.Role == BoardRole.Member && State.BoardRoles.Any(g => g.BoardId == grant.BoardId && g.Role == BoardRole.Member))
        {
            throw new RuleViolationException($"'{Key}' already represents an organisation on '{grant.BoardId}'; a member represents one organisation on a board.");
        }

        Raise(new BoardRoleGranted(grant));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public Task<AccountDetails> RevokeBoardRoleAsync(BoardRoleGrant grant)
    {
        EnsureExists();
        if (!State.BoardRoles.Contains(grant))
        {
            throw new NotFoundException($"'{Key}' does not have that role on '{grant.BoardId}'.");
        }

        Raise(new BoardRoleRevoked(grant));
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IssuedToken> IssueTokenAsync(string name)
    {
        EnsureExists();
        var label = name?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > 100)
        {
            throw new ValidationException("name", "A token needs a name of 1 to 100 characters, to tell it apart later.");
        }

        var (id, token, secretHash) = ApiTokens.Create();
        await GrainFactory.GetGrain<IApiTokenGrain>(id).RegisterAsync(Key);
        var issuedAt = Time.GetUtcNow();
        Raise(new ApiTokenIssued(id, label, secretHash, issuedAt));
        return new IssuedToken(id, label, token, issuedAt);
    }

    /// <inheritdoc />
    public Task RevokeTokenAsync(string tokenId)
    {
        EnsureExists();
        if (State.Tokens.All(t => t.Id != tokenId))
        {
            throw new NotFoundException($"'{Key}' has no token '{tokenId}'.");
        }

        if (!State.RevokedTokens.ContainsKey(tokenId))
        {
            Raise(new ApiTokenRevoked(tokenId, Time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> VerifyTokenAsync(string tokenId, string secret)
    {
        var token = State.Tokens.Find(t => t.Id == tokenId);
        return Task.FromResult(State.Exists && State.Enabled && token is not null
            && !State.RevokedTokens.ContainsKey(tokenId) && ApiTokens.Matches(secret, token.SecretHash));
    }

    /// <summary>Whether a text is a valid user name.</summary>
    public static bool IsValidUserName(string userName) =>
        userName.Length is >= 3 and <= 64 && userName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '@' or '-');

    private static void CheckGrant(BoardRoleGrant grant)
    {
        if (string.IsNullOrWhiteSpace(grant.BoardId))
        {
            throw new ValidationException("boardId", "A board is required.");
        }

        if (!Enum.IsDefined(grant.Role))
        {
            throw new ValidationException("role", $"'{grant.Role}' is not a board role.");
        }

        // A member represents an organisation; a programme lead may work for one (and then updates the recommendations
        // it owns); other roles name none.
        if ((grant.Role == BoardRole.Member && grant.OrganisationId is null)
            || (grant.Role is not BoardRole.Member and not BoardRole.ProgrammeLead && grant.OrganisationId is not null))
        {
            throw new ValidationException("organisationId", "A member's role names the organisation they represent, a programme lead's may name the one they work for; other roles name none.");
        }
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"There is no account '{Key}'.");
        }
    }

    private void RevokeLiveTokens()
    {
        var now = Time.GetUtcNow();
        foreach (var token in State.Tokens.Where(t => !State.RevokedTokens.ContainsKey(t.Id)))
        {
            Raise(new ApiTokenRevoked(token.Id, now));
        }
    }

    // The journal keeps a session's hash, not its id: a copy of the database signs no one in.
    private static string SessionHash(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)));

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private AccountDetails Details() => new()
    {
        UserName = Key,
        DisplayName = State.DisplayName,
        Enabled = State.Enabled,
        SystemAdministrator = State.SystemAdministrator,
        SecurityStamp = State.SecurityStamp,
        BoardRoles = State.BoardRoles,
        Tokens = State.Tokens.Select(t => new TokenSummary(t.Id, t.Name, t.At, State.RevokedTokens.TryGetValue(t.Id, out var at) ? at : null)).ToList(),
        PasswordResetRequested = State.ResetRequested,
        Email = State.Email,
    };
}
