using System.Text;
using BoardDesk.Boards;
using BoardDesk.Meetings;
using BoardDesk.Server.Calendars;
using Ical.Net;

namespace BoardDesk.Server.Tests.Calendars;

public sealed class MeetingCalendarTests
{
    private static readonly BoardDetails Ldib = new() { Id = "ldib", Name = "National Leadership Development and Improvement Board" };

    [Theory]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("Room 1; floor 2, Wellington House", @"Room 1\; floor 2\, Wellington House")]
    [InlineData("line one\r\nline two\nline three", @"line one\nline two\nline three")]
    [InlineData("plain", "plain")]
    public void ShouldEscapeBackslashesSemicolonsCommasAndNewlines_WhenWritingText(string value, string expected)
    {
        var ics = MeetingCalendar.Write(Ldib, [Meeting(location: value)], Stamp, "boarddesk.example");

        Unfold(ics).Should().Contain($"\r\nLOCATION:{expected}\r\n");
        Calendar.Load(ics)!.Events.Single().Location.Should().Be(value.ReplaceLineEndings("\n"), "a parser reads the text back");
    }

    [Fact]
    public void ShouldFoldAt75OctetsWithoutSplittingACharacter_WhenALineIsLong()
    {
        var location = string.Concat(Enumerable.Repeat("Développement – £ 😀 ", 20));

        var ics = MeetingCalendar.Write(Ldib, [Meeting(location: location)], Stamp, "boarddesk.example");
        var physical = ics.Split("\r\n");

        physical.Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l) <= 75);
        physical.Should().Contain(l => l.StartsWith(' '), "the long line is folded");
        Unfold(ics).Should().Contain($"LOCATION:{location}\r\n", "unfolding gives the line back");
        ics.Should().NotContain("\uFFFD");
        Calendar.Load(ics)!.Events.Single().Location.Should().Be(location);
    }

    [Fact]
    public void ShouldWriteACalendarWithCrlfLinesUtcTimesAndCancelledStatus_WhenABoardHasMeetings()
    {
        var meetings = new[]
        {
            new MeetingDetails { BoardId = "ldib", MeetingId = "2015-10-23", Date = new DateOnly(2015, 10, 23), StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 30), Location = "Wellington House, London", Version = 3 },
            new MeetingDetails { BoardId = "ldib", MeetingId = "2015-12-18", Date = new DateOnly(2015, 12, 18), StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 0), Link = "https://meet.example.org/ldib", Status = MeetingStatus.Cancelled },
        };

        var ics = MeetingCalendar.Write(Ldib, meetings, new DateTimeOffset(2015, 10, 1, 9, 0, 0, TimeSpan.Zero), "boarddesk.example");

        ics.Should().StartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").And.EndWith("END:VCALENDAR\r\n");
        ics.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "every line ends with CRLF");
        ics.Should().Contain("UID:ldib-2015-10-23@boarddesk.example\r\n").And.Contain("DTSTAMP:20151001T090000Z\r\n");
        ics.Should().Contain("DTSTART:20151023T090000Z\r\n", "10:00 in London on 23 October 2015 was BST");
        ics.Should().Contain("DTSTART:20151218T100000Z\r\n", "10:00 in London in December is GMT");
        ics.Should().Contain(@"LOCATION:Wellington House\, London").And.Contain("STATUS:CANCELLED");
        ics.Split("\r\n").Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l) <= 75);
    }

    private static readonly DateTimeOffset Stamp = new(2015, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static MeetingDetails Meeting(string location) =>
        new() { BoardId = "ldib", MeetingId = "2015-10-23", Date = new DateOnly(2015, 10, 23), StartsAt = new TimeOnly(10, 0), EndsAt = new TimeOnly(12, 30), Location = location };

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);
}
