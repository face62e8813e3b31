using BoardDesk.Grains;

namespace BoardDesk;

/// <summary>The paging rule every register and log query shares: pages count from 1 and hold 1 to <see cref="MaxPageSize"/> rows.</summary>
public static class Paging
{
    /// <summary>The most rows one page holds.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Refuses a page number or size outside the rule, naming the field.</summary>
    public static void Check(int page, int pageSize)
    {
        if (page < 1)
        {
            throw new ValidationException("page", "Pages are numbered from 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ValidationException("pageSize", $"A page holds 1 to {MaxPageSize} rows.");
        }
    }
}
