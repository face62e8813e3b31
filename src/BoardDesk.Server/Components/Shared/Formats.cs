using System.Globalization;
using BoardDesk.Actions;
using BoardDesk.Meetings;
using BoardDesk.Papers;

namespace BoardDesk.Server.Components.Shared;

/// <summary>How pages write dates, statuses and purposes for people.</summary>
public static class Formats
{
    /// <summary>British English, for dates.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A date as "23 October 2015".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>A time of change as "23 October 2015, 14:05 UTC".</summary>
    public static string Moment(DateTimeOffset moment) => moment.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", English);

    /// <summary>A meeting's status in words.</summary>
    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.AgendaPublished => "Agenda published",
        MeetingStatus.Held => "Held",
        MeetingStatus.MinutesDrafted => "Minutes drafted",
        MeetingStatus.MinutesApproved => "Minutes approved",
        _ => "Cancelled",
    };

    /// <summary>A paper's status in words.</summary>
    public static string Status(PaperStatus status) => status switch
    {
        PaperStatus.Draft => "Draft",
        PaperStatus.Submitted => "Submitted",
        PaperStatus.ApprovedForCirculation => "Approved for circulation",
        PaperStatus.Published => "Published",
        _ => "Withdrawn",
    };

    /// <summary>An agenda purpose in words.</summary>
    public static string Purpose(AgendaPurpose purpose) => purpose switch
    {
        AgendaPurpose.ForDecision => "For decision",
        AgendaPurpose.ForDiscussion => "For discussion",
        AgendaPurpose.ForInformation => "For information",
        _ => "For assurance",
    };

    /// <summary>An action's status in words.</summary>
    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.Open => "Open",
        ActionStatus.InProgress => "In progress",
        ActionStatus.ProposedForClosure => "Proposed for closure",
        ActionStatus.Closed => "Closed",
        _ => "Deferred",
    };

    /// <summary>An action's RAG rating in words, so that colour is never the only sign.</summary>
    public static string Rag(ActionRag rag, ActionStatus status) => rag switch
    {
        ActionRag.Red => "Red: overdue",
        ActionRag.Amber => "Amber: due within 14 days",
        _ => status == ActionStatus.Closed ? "Green: closed" : "Green: on track",
    };

    /// <summary>Where an action came from, in words.</summary>
    public static string Source(ActionSourceKind kind) => kind switch
    {
        ActionSourceKind.MinuteItem => "Minute item",
        ActionSourceKind.Decision => "Decision",
        _ => "Recommendation",
    };
}
