using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Persistence;

namespace BoardDesk.Interests;

/// <summary>
/// A board's cycle of declarations. It reads the board and asks the people's registers for returns, and nobody calls
/// it back. A request is made to the registers before it is recorded here: asking twice for the same unanswered
/// return changes nothing, so a crash in between is mended by asking again (the yearly reminder fires again).
/// </summary>
[GrainType("interest-cycle")]
public sealed class InterestCycleGrain : JournaledGrain<InterestCycleState, InterestCycleEvent>, IInterestCycleGrain, IReminderHandler
{
    /// <summary>The reminder that asks for the yearly returns.</summary>
    public const string AnnualReminder = "annual-interest-returns";

    private static readonly TimeOnly RequestTime = new(8, 0);

    /// <inheritdoc />
    public async Task<InterestCycleDetails> SetAnnualDateAsync(AnnualReturnDate date)
    {
        var errors = new FieldErrors();
        if (date.Month is < 1 or > 12)
        {
            errors.Add("month", "A month is 1 to 12.");
        }

        if (date.Day is < 1 or > 28)
        {
            errors.Add("day", "The day is 1 to 28, so that it falls in every month of every year.");
        }

        errors.ThrowIfAny();
        await BoardAsync();
        var next = NextOn(date, UkTime.DateOf(Time.GetUtcNow()));
        Raise(new AnnualReturnDateSet(date, next));
        RegisterOrUpdateReminder(AnnualReminder, UkTime.At(next, RequestTime));
        return Details();
    }

    /// <inheritdoc />
    public async Task<InterestCycleDetails> RequestAppointmentReturnsAsync()
    {
        var board = await BoardAsync();
        var newcomers = People(board).Select(p => p.PersonId).Where(p => !State.AskedOnAppointment.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        if (newcomers.Count == 0)
        {
            return Details();
        }

        var due = UkTime.DateOf(Time.GetUtcNow()).AddDays(InterestCycleDetails.DaysToReturn);
        await AskAsync(newcomers, ReturnReason.Appointment, due);
        Raise(new AppointmentReturnsRequested(newcomers, due));
        return Details();
    }

    /// <inheritdoc />
    public async Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (reminderName != AnnualReminder || State.AnnualDate is not { } date)
        {
            return;
        }

        var board = await BoardAsync();
        var today = UkTime.DateOf(Time.GetUtcNow());
        var people = People(board).Select(p => p.PersonId).ToList();
        var due = today.AddDays(InterestCycleDetails.DaysToReturn);
        await AskAsync(people, ReturnReason.Annual, due);
        var next = NextOn(date, today.AddDays(1));
        Raise(new AnnualReturnsRequested(people, due, next));
        RegisterOrUpdateReminder(AnnualReminder, UkTime.At(next, RequestTime));
    }

    /// <inheritdoc />
    public async Task<InterestCycleDetails> GetAsync()
    {
        await BoardAsync();
        return Details();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MemberReturn>> GetReturnsAsync()
    {
        var board = await BoardAsync();
        var registers = await Task.WhenAll(People(board).Select(async p => (Person: p, Register: await GrainFactory.GetGrain<IInterestRegisterGrain>(p.PersonId).GetAsync())));
        return registers.Select(r => new MemberReturn
        {
            PersonId = r.Person.PersonId,
            Name = r.Person.Name,
            OrganisationId = r.Person.OrganisationId,
            LastReturn = r.Register.Returns.LastOrDefault(),
            Outstanding = r.Register.Requests.LastOrDefault(q => q.BoardId == Key && q.ReturnedAt is null),
        }).ToList();
    }

    /// <summary>The people of a board linked to accounts: members by their seats, appointed deputies by their own accounts.</summary>
    public static IReadOnlyList<(string PersonId, string Name, string OrganisationId)> People(BoardDetails board)
    {
        var people = new List<(string PersonId, string Name, string OrganisationId)>();
        foreach (var member in board.Members)
        {
            if (member.UserName is { } userName)
            {
                people.Add((userName, member.Name, member.OrganisationId));
            }

            foreach (var (deputy, account) in member.DeputyUserNames)
            {
                if (member.Deputies.Contains(deputy, StringComparer.OrdinalIgnoreCase))
                {
                    people.Add((account, deputy, member.OrganisationId));
                }
            }
        }

        return people.DistinctBy(p => p.PersonId, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task AskAsync(IEnumerable<string> people, ReturnReason reason, DateOnly due)
    {
        foreach (var person in people)
        {
            await GrainFactory.GetGrain<IInterestRegisterGrain>(person).RequestReturnAsync(new RequestReturn { BoardId = Key, Reason = reason, DueOn = due });
        }
    }

    private static DateOnly NextOn(AnnualReturnDate date, DateOnly from)
    {
        var thisYear = new DateOnly(from.Year, date.Month, date.Day);
        return thisYear >= from ? thisYear : thisYear.AddYears(1);
    }

    private Task<BoardDetails> BoardAsync() => GrainFactory.GetGrain<IBoardGrain>(Key).GetAsync();

    private InterestCycleDetails Details() => new()
    {
        BoardId = Key,
        AnnualDate = State.AnnualDate,
        NextAnnualRequestOn = State.NextAnnualRequestOn,
        AskedOnAppointment = State.AskedOnAppointment,
    };
}
