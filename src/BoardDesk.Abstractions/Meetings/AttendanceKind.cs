using System.Text.Json.Serialization;

namespace BoardDesk.Meetings;

/// <summary>How someone took part in a meeting, or did not.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttendanceKind>))]
[GenerateSerializer, Alias("BoardDesk.Meetings.AttendanceKind")]
public enum AttendanceKind
{
    /// <summary>A member, present.</summary>
    Present,

    /// <summary>A member who sent apologies.</summary>
    Apologies,

    /// <summary>A deputy standing in for a member.</summary>
    Deputy,

    /// <summary>Someone attending who is not a member (officers, presenters, observers).</summary>
    InAttendance,
}
