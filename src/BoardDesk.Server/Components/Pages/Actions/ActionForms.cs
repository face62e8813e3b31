using BoardDesk.Actions;

namespace BoardDesk.Server.Components.Pages.Actions;

/// <summary>What the action pages' forms share: reading the status a progress update asks for.</summary>
internal static class ActionForms
{
    /// <summary>The message when a progress update asks for a status it may not set.</summary>
    public const string StatusProblem = "A progress update moves an action to in progress or proposed for closure; only the board closes or defers it.";

    /// <summary>
    /// Reads the status chosen with a progress note: none (keep it, or start it when open), in progress or proposed
    /// for closure; false for anything else.
    /// </summary>
    public static bool TryProgressStatus(string? chosen, out ActionStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return true;
        }

        if (Enum.TryParse(chosen.Trim(), ignoreCase: false, out ActionStatus parsed) && parsed is ActionStatus.InProgress or ActionStatus.ProposedForClosure)
        {
            status = parsed;
            return true;
        }

        return false;
    }
}
