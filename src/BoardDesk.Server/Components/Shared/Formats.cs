using System.Globalization;
using BoardDesk.Meetings;
using BoardDesk.Organisations;
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

    /// <summary>An organisation's kind in words.</summary>
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Department => "Government department",
        OrganisationKind.NationalBody => "National body",
        OrganisationKind.ArmsLengthBody => "Arm's length body",
        OrganisationKind.Network => "Network",
        OrganisationKind.Programme => "Programme",
        _ => "Function",
    };

    /// <summary>An organisation's status in words.</summary>
    public static string Status(OrganisationStatus status) => status switch
    {
        OrganisationStatus.Active => "Active",
        OrganisationStatus.Renamed => "Renamed",
        OrganisationStatus.Merged => "Merged",
        _ => "Ceased",
    };

    /// <summary>How someone attended a meeting, in words.</summary>
    public static string Attendance(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Present => "Present",
        AttendanceKind.Apologies => "Apologies",
        AttendanceKind.Deputy => "Deputy",
        _ => "In attendance",
    };

    /// <summary>A journal's change name in words: "PaperSubmitted" as "Paper submitted".</summary>
    public static string Change(string change)
    {
        var words = new System.Text.StringBuilder(change.Length + 8);
        for (var i = 0; i < change.Length; i++)
        {
            var c = change[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(change[i - 1]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }
}
