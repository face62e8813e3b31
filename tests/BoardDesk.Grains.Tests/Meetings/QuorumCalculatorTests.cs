using BoardDesk.Boards;
using BoardDesk.Grains;
using BoardDesk.Meetings;
using BoardDesk.Testing;

namespace BoardDesk.Grains.Tests.Meetings;

public sealed class QuorumCalculatorTests
{
    private static readonly QuorumRule Rule = new() { MinimumOrganisations = 4, RequiresChairOrViceChair = true };
    private static readonly IReadOnlyList<BoardMember> Members = LdibSamples.LdibMembers;

    private static Attendee Present(string organisation) => new() { Name = $"{organisation} representative", Kind = AttendanceKind.Present };

    [Fact]
    public void ShouldBeQuorate_WhenFourMemberOrganisationsIncludingTheChairArePresent()
    {
        var quorum = QuorumCalculator.Assess(Rule, Members, [Present("NHS England"), Present("Monitor"), Present("Health Education England"), Present("Care Quality Commission")]);

        quorum.Met.Should().BeTrue();
        quorum.OrganisationsRepresented.Should().Equal("nhs-england", "monitor", "hee", "cqc");
        quorum.Explanation.Should().StartWith("Quorate: 4 member organisations");
    }

    [Fact]
    public void ShouldNotBeQuorate_WhenNeitherChairNorViceChairIsPresentInPerson()
    {
        // NHS England chairs and Monitor is vice-chair: both send deputies, which count for their organisations only.
        var quorum = QuorumCalculator.Assess(Rule, Members,
        [
            new() { Name = "A deputy", Kind = AttendanceKind.Deputy, DeputyFor = "NHS England representative" },
            new() { Name = "Another deputy", Kind = AttendanceKind.Deputy, DeputyFor = "Monitor representative" },
            Present("Health Education England"),
            Present("Care Quality Commission"),
        ]);

        quorum.Met.Should().BeFalse();
        quorum.OrganisationsRepresented.Should().HaveCount(4);
        quorum.Explanation.Should().Contain("neither the chair nor the vice-chair is present");
    }

    [Fact]
    public void ShouldNotCountNonVotingMembersApologiesOrPeopleInAttendance_WhenAssessingTheQuorum()
    {
        var quorum = QuorumCalculator.Assess(Rule, Members,
        [
            Present("NHS England"),
            Present("Monitor"),
            Present("Department of Health"),
            new() { Name = "Public Health England representative", Kind = AttendanceKind.Apologies },
            new() { Name = "Suzie Bailey", Kind = AttendanceKind.InAttendance },
        ]);

        quorum.Met.Should().BeFalse();
        quorum.OrganisationsRepresented.Should().Equal("nhs-england", "monitor");
    }

    [Fact]
    public void ShouldNameTheFaultyLines_WhenAttendanceListsNonMembersAsPresentOrDeputiesForNobody()
    {
        var act = () => QuorumCalculator.Validate(Members,
        [
            new() { Name = "A stranger", Kind = AttendanceKind.Present },
            new() { Name = "A deputy", Kind = AttendanceKind.Deputy, DeputyFor = "Nobody" },
            Present("Monitor"),
            new() { Name = "Monitor deputy", Kind = AttendanceKind.Deputy, DeputyFor = "Monitor representative" },
        ]);

        act.Should().Throw<ValidationException>().Which.Errors.Keys.Should().BeEquivalentTo("attendees[0].name", "attendees[1].deputyFor", "attendees");
    }
}
