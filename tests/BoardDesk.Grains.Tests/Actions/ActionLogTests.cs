using BoardDesk.Actions;
using BoardDesk.Organisations;

namespace BoardDesk.Grains.Tests.Actions;

/// <summary>The action log's filters and RAG, over the documents the action grains publish.</summary>
public sealed class ActionLogTests
{
    private static readonly DateOnly Today = new(2016, 1, 15);

    [Theory]
    [InlineData(-1, ActionRag.Red)]
    [InlineData(0, ActionRag.Amber)]
    [InlineData(14, ActionRag.Amber)]
    [InlineData(15, ActionRag.Green)]
    public void ShouldDeriveTheRagFromTheDueDate_WhenTheActionIsOpen(int daysUntilDue, ActionRag expected)
    {
        ActionItemGrain.RagOn(Action(0, Today.AddDays(daysUntilDue), "monitor"), Today).Should().Be(expected);
        ActionItemGrain.RagOn(Action(0, Today.AddDays(daysUntilDue), "monitor") with { Status = ActionStatus.Closed }, Today).Should().Be(ActionRag.Green);
    }

    [Fact]
    public void ShouldListTheInheritedOverdueActionsInDueOrder_WhenTheLogHoldsAHundredThousandActions()
    {
        var organisations = new[] { "monitor", "nhs-tda", "hee", "phe", "cqc", "nhs-england" };
        var actions = Enumerable.Range(0, 100_000).Select(i => Action(i, Today.AddDays((i % 120) - 60), organisations[i % organisations.Length])).ToList();
        var lineage = new OwnershipLineage([Merged("monitor"), Merged("nhs-tda"), new OrganisationDetails { Id = "nhs-improvement", Name = "NHS Improvement", Kind = OrganisationKind.ArmsLengthBody }]);
        // How fast this answers is measured by the benchmark project (tests/BoardDesk.Benchmarks), not here.
        var overdueInherited = ActionLog.Filter(actions, new ActionLogQuery { OrganisationId = "nhs-improvement", Overdue = true }, lineage, Today);

        overdueInherited.Should().HaveCount(actions.Count(a => a.Owner.OrganisationId is "monitor" or "nhs-tda" && a.DueOn < Today));
        overdueInherited.Should().OnlyContain(e => e.OrganisationName == "NHS Improvement" && e.Rag == ActionRag.Red);
        overdueInherited.Should().BeInAscendingOrder(e => e.DueOn);
    }

    private static OrganisationDetails Merged(string id) => new()
    {
        Id = id,
        Name = id,
        Kind = OrganisationKind.ArmsLengthBody,
        Status = OrganisationStatus.Merged,
        MergedInto = "nhs-improvement",
        Successors = [new OrganisationLink("nhs-improvement", LineageReason.Merger, new DateOnly(2016, 4, 1))],
    };

    private static ActionDetails Action(int i, DateOnly due, string organisation) => new()
    {
        Id = $"action-{i}",
        BoardId = "ldib",
        Description = $"Action {i}",
        Owner = new ActionOwner("ldib-lead", organisation),
        DueOn = due,
        Source = new ActionSource(ActionSourceKind.MinuteItem, "2015-10-23#5"),
    };
}
