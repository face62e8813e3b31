using BoardDesk.Accounts;
using BoardDesk.Reviews;
using BoardDesk.Grains;
using BoardDesk.Organisations;
using BoardDesk.Persistence;

namespace BoardDesk.Boards;

/// <summary>A board: who sits on it, who chairs it, when it is quorate and when its papers are due.</summary>
[GrainType("board")]
public sealed class BoardGrain : JournaledGrain<BoardState, BoardEvent>, IBoardGrain
{
    /// <summary>The most representatives a board may list.</summary>
    public const int MaxMembers = 60;

    /// <inheritdoc />
    protected override object? ReadModel => State.Exists ? Details() : null;

    /// <inheritdoc />
    public async Task<BoardDetails> CreateAsync(DefineBoard command)
    {
        if (!Slug.IsValid(Key))
        {
            throw new ValidationException("id", "A board id is a lowercase slug of letters, digits and single hyphens (for example ldib).");
        }

        var definition = await ValidAsync(command);
        if (State.Exists)
        {
            throw new ConflictException($"The board '{Key}' exists already.");
        }

        Raise(new BoardCreated(definition));
        return Details();
    }

    /// <inheritdoc />
    public async Task<BoardDetails> ReviseAsync(DefineBoard command)
    {
        EnsureExists();
        var definition = await ValidAsync(command);
        Raise(new BoardRevised(definition));
        return Details();
    }

    /// <inheritdoc />
    public Task<BoardDetails> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(Details());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedChange>> GetHistoryAsync()
    {
        EnsureExists();
        return (await ReadJournalAsync()).ToRecordedChanges();
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"There is no board '{Key}'.");
        }
    }

    private async Task<DefineBoard> ValidAsync(DefineBoard command)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", command.Name, 200, required: true);
        var terms = errors.Text("termsOfReference", command.TermsOfReference, 20_000);
        var secretariat = errors.Text("secretariat", command.Secretariat, 200);
        var members = command.Members ?? [];
        if (members.Count == 0 || members.Count > MaxMembers)
        {
            errors.Add("members", $"A board has between 1 and {MaxMembers} members.");
        }

        var cleaned = new List<BoardMember>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(members.Count, MaxMembers); i++)
        {
            var member = members[i];
            var field = $"members[{i}]";
            if (member is null)
            {
                errors.Add(field, "The member is empty.");
                continue;
            }

            var memberName = errors.Text($"{field}.name", member.Name, 200, required: true);
            if (memberName.Length > 0 && !names.Add(memberName))
            {
                errors.Add($"{field}.name", $"'{memberName}' is listed twice.");
            }

            if (!Enum.IsDefined(member.Office))
            {
                errors.Add($"{field}.office", $"'{member.Office}' is not an office on a board.");
            }

            var deputies = (member.Deputies ?? []).Select(d => d?.Trim() ?? "").ToList();
            if (deputies.Count > 5 || deputies.Any(d => d.Length is 0 or > 200))
            {
                errors.Add($"{field}.deputies", "A member has at most 5 deputies, each named in at most 200 characters.");
            }

            if (!Slug.IsValid(member.OrganisationId))
            {
                errors.Add($"{field}.organisationId", "An organisation id is a lowercase slug (for example nhs-england).");
            }
            else if (!await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IOrganisationGrain>(member.OrganisationId).GetAsync()))
            {
                errors.Add($"{field}.organisationId", $"There is no organisation '{member.OrganisationId}'.");
            }

            var userName = member.UserName?.Trim().ToLowerInvariant();
            var deputyAccounts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (deputy, account) in member.DeputyUserNames ?? new Dictionary<string, string>())
            {
                var appointed = deputies.FirstOrDefault(d => string.Equals(d, deputy?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (appointed is null)
                {
                    errors.Add($"{field}.deputyUserNames", $"'{deputy}' is not one of this member's deputies.");
                    continue;
                }

                deputyAccounts[appointed] = account?.Trim().ToLowerInvariant() ?? "";
            }

            // One person, one account, one seat: an account holds a seat or a deputy's place on a board, never two.
            foreach (var (account, accountField) in deputyAccounts.Values.Select(a => ((string?)a, $"{field}.deputyUserNames")).Prepend((userName, $"{field}.userName")))
            {
                if (account is null)
                {
                    continue;
                }

                if (!AccountGrain.IsValidUserName(account))
                {
                    errors.Add(accountField, $"'{account}' is not a user name.");
                }
                else if (!accounts.Add(account))
                {
                    errors.Add(accountField, $"The account '{account}' holds another place on this board; one person holds one seat.");
                }
            }

            cleaned.Add(member with { Name = memberName, Title = member.Title?.Trim(), Deputies = deputies, UserName = userName, DeputyUserNames = deputyAccounts });
        }

        if (members.Count > 0 && cleaned.Count(m => m.Office == BoardOffice.Chair) != 1)
        {
            errors.Add("members", "A board has exactly one chair.");
        }

        if (cleaned.Count(m => m.Office == BoardOffice.ViceChair) > 1)
        {
            errors.Add("members", "A board has at most one vice-chair.");
        }

        var quorum = command.Quorum ?? new QuorumRule();
        var organisations = cleaned.Where(m => m.Voting).Select(m => m.OrganisationId).Distinct().Count();
        if (quorum.MinimumOrganisations < 1 || (organisations > 0 && quorum.MinimumOrganisations > organisations))
        {
            errors.Add("quorum.minimumOrganisations", $"The quorum needs between 1 and {Math.Max(organisations, 1)} member organisations (the organisations with a voting member).");
        }

        if (command.PaperDeadlineDays is < 0 or > 60)
        {
            errors.Add("paperDeadlineDays", "Papers are due between 0 and 60 days before a meeting.");
        }

        var tracked = (command.TrackedReviews ?? []).Select(r => r?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < tracked.Count; i++)
        {
            if (!Slug.IsValid(tracked[i]) || !await GrainQueries.ExistsAsync(() => GrainFactory.GetGrain<IReviewGrain>(tracked[i]).GetAsync()))
            {
                errors.Add($"trackedReviews[{i}]", $"There is no review '{tracked[i]}'.");
            }
        }

        errors.ThrowIfAny();
        return new DefineBoard
        {
            Name = name,
            TermsOfReference = terms,
            Members = cleaned,
            Secretariat = secretariat,
            Quorum = quorum,
            PaperDeadlineDays = command.PaperDeadlineDays,
            TrackedReviews = tracked,
        };
    }

    private BoardDetails Details()
    {
        var definition = State.Definition;
        return new BoardDetails
        {
            Id = Key,
            Name = definition.Name,
            TermsOfReference = definition.TermsOfReference,
            Members = definition.Members,
            MemberOrganisations = definition.Members.Select(m => m.OrganisationId).Distinct().ToList(),
            Chair = definition.Members.FirstOrDefault(m => m.Office == BoardOffice.Chair)?.Name,
            ViceChair = definition.Members.FirstOrDefault(m => m.Office == BoardOffice.ViceChair)?.Name,
            Secretariat = definition.Secretariat,
            Quorum = definition.Quorum,
            PaperDeadlineDays = definition.PaperDeadlineDays,
            TrackedReviews = definition.TrackedReviews ?? [],
            Version = Version,
        };
    }
}
