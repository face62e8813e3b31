using BoardDesk.Organisations;
using BoardDesk.Recommendations;

namespace BoardDesk.Grains.Tests.Organisations;

public sealed class OwnershipLineageTests
{
    private static readonly DateOnly Merger = new(2016, 4, 1);
    private static readonly DateOnly Cessation = new(2016, 3, 31);

    private static readonly OwnershipLineage Lineage = new(
    [
        Organisation("monitor", "Monitor", successors: [new OrganisationLink("nhs-improvement", LineageReason.Merger, Merger)]),
        Organisation("nhs-improvement", "NHS Improvement", successors: [new OrganisationLink("nhsei", LineageReason.Merger, new DateOnly(2022, 7, 1))]),
        Organisation("nhsei", "NHS England and NHS Improvement"),
        Organisation("nhs-iq", "NHS Improving Quality", successors:
        [
            new OrganisationLink("nhs-improvement", LineageReason.Cessation, Cessation),
            new OrganisationLink("nhs-improvement", LineageReason.Cessation, Cessation, "Intensive support teams"),
            new OrganisationLink("nhs-england", LineageReason.Cessation, Cessation, "NHS Interim Management and Support"),
        ]),
        Organisation("nhs-england", "NHS England", successors: [new OrganisationLink("hee", LineageReason.FunctionTransfer, Merger, "NHS Leadership Academy")]),
        Organisation("hee", "Health Education England"),
        Organisation("networks", "Clinical networks", formerNames: [new FormerName("Strategic clinical networks", new DateOnly(2015, 10, 1))]),
    ]);

    [Fact]
    public void ShouldResolveAlike_WhenOnlyMergersLieAhead()
    {
        Lineage.ResolvesAlike("monitor").Should().BeTrue("monitor's work all moves by mergers, whatever its function or date");
        Lineage.ResolvesAlike("hee").Should().BeTrue();
        Lineage.ResolvesAlike("unknown-body").Should().BeTrue();
    }

    [Fact]
    public void ShouldNotResolveAlike_WhenAFunctionMovesOnTheWay()
    {
        Lineage.ResolvesAlike("nhs-iq").Should().BeFalse("its cessation sends named functions to different successors");
        Lineage.ResolvesAlike("nhs-england").Should().BeFalse("it transfers a function");
        Lineage.Resolve(new OwnerRef("nhs-england", "NHS Leadership Academy")).OrganisationId
            .Should().NotBe(Lineage.Resolve(new OwnerRef("nhs-england")).OrganisationId, "which is why the function and date must be read");
    }

    [Fact]
    public void ShouldFollowEveryMerger_WhenTheOwnerMergedTwice() =>
        Lineage.Resolve(new OwnerRef("monitor")).Should().Be(new ResolvedOwner("nhsei", "NHS England and NHS Improvement", true));

    [Fact]
    public void ShouldStopAtTheChangesInForce_WhenAskedAboutADate()
    {
        Lineage.Resolve(new OwnerRef("monitor"), new DateOnly(2015, 9, 1)).Should().Be(new ResolvedOwner("monitor", "Monitor", false));
        Lineage.Resolve(new OwnerRef("monitor"), Merger).Should().Be(new ResolvedOwner("nhs-improvement", "NHS Improvement", true));
    }

    [Fact]
    public void ShouldFollowTheFunctionsNamedSuccessor_WhenTheOwnerCeased()
    {
        Lineage.Resolve(new OwnerRef("nhs-iq", "NHS Interim Management and Support"), Merger).OrganisationId.Should().Be("nhs-england");
        Lineage.Resolve(new OwnerRef("nhs-iq", "intensive support teams"), Merger).OrganisationId.Should().Be("nhs-improvement");
        Lineage.Resolve(new OwnerRef("nhs-iq"), Merger).OrganisationId.Should().Be("nhs-improvement", "work owned by the body itself goes to its general successor");
    }

    [Fact]
    public void ShouldMoveOnlyWhatIsOwnedThroughTheFunction_WhenAFunctionIsTransferred()
    {
        Lineage.Resolve(new OwnerRef("nhs-england", "NHS Leadership Academy")).Should().Be(new ResolvedOwner("hee", "Health Education England", true));
        Lineage.Resolve(new OwnerRef("nhs-england")).Should().Be(new ResolvedOwner("nhs-england", "NHS England", false));
        Lineage.Resolve(new OwnerRef("nhs-england", "NHS Leadership Academy"), new DateOnly(2015, 9, 1)).OrganisationId.Should().Be("nhs-england");
    }

    [Fact]
    public void ShouldFollowTheFunctionWhereItIs_WhenItMovedBackOrWasAssignedAfterItMoved()
    {
        var lineage = new OwnershipLineage(
        [
            Organisation("a", "A", successors: [new OrganisationLink("b", LineageReason.FunctionTransfer, new DateOnly(2016, 1, 1), "Audit")]),
            Organisation("b", "B", successors: [new OrganisationLink("a", LineageReason.FunctionTransfer, new DateOnly(2017, 1, 1), "Audit")]),
        ]);

        lineage.Resolve(new OwnerRef("a", "Audit")).OrganisationId.Should().Be("a", "the function went to B and came back");
        lineage.Resolve(new OwnerRef("a", "Audit"), new DateOnly(2016, 6, 1)).OrganisationId.Should().Be("b");
        lineage.Resolve(new OwnerRef("b", "Audit"), assignedOn: new DateOnly(2016, 6, 1)).OrganisationId.Should().Be("a");
        lineage.Resolve(new OwnerRef("a", "Audit"), assignedOn: new DateOnly(2017, 6, 1)).OrganisationId.Should().Be("a", "it was assigned to A after the function had come back");
    }

    [Fact]
    public void ShouldNameTheOwnerAsItWasCalledThen_WhenItHasBeenRenamedSince()
    {
        Lineage.Resolve(new OwnerRef("networks"), new DateOnly(2015, 9, 1)).Name.Should().Be("Strategic clinical networks");
        Lineage.Resolve(new OwnerRef("networks")).Name.Should().Be("Clinical networks");
    }

    [Fact]
    public void ShouldKeepTheRecordedOwner_WhenTheOrganisationIsUnknown() =>
        Lineage.Resolve(new OwnerRef("no-such-body")).Should().Be(new ResolvedOwner("no-such-body", "no-such-body", false));

    private static OrganisationDetails Organisation(string id, string name, IReadOnlyList<OrganisationLink>? successors = null, IReadOnlyList<FormerName>? formerNames = null) => new()
    {
        Id = id,
        Name = name,
        Kind = OrganisationKind.ArmsLengthBody,
        Successors = successors ?? [],
        FormerNames = formerNames ?? [],
    };
}
