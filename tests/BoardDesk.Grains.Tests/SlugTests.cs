namespace BoardDesk.Grains.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Strategy update Dec 2015", "strategy-update-dec-2015")]
    [InlineData("  NHS England's plan: 2016/17 ", "nhs-englands-plan-2016-17")]
    [InlineData("Réunion du conseil", "reunion-du-conseil")]
    [InlineData("Workforce & finance", "workforce-and-finance")]
    [InlineData("nilds-ldib-2015-10", "nilds-ldib-2015-10")]
    public void ShouldMakeAValidSlug_WhenGivenAPersonsWords(string words, string expected)
    {
        var slug = Slug.From(words);

        slug.Should().Be(expected);
        Slug.IsValid(slug).Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("—…!")]
    public void ShouldMakeNothing_WhenTheWordsHoldNoLetterOrDigit(string words)
    {
        Slug.From(words).Should().BeEmpty();
    }

    [Fact]
    public void ShouldCutAtAWordWithinTheLimit_WhenTheWordsAreLong()
    {
        var slug = Slug.From("Developing the national improvement and leadership development strategy for the health and care system");

        slug.Length.Should().BeLessThanOrEqualTo(Slug.MaxLength);
        slug.Should().Be("developing-the-national-improvement-and-leadership-development");
        Slug.IsValid(slug).Should().BeTrue();
    }

    [Fact]
    public void ShouldAddTheNextFreeSuffix_WhenTheStemIsTaken()
    {
        var taken = new HashSet<string> { "2015-12-11", "2015-12-11-2" };

        Slug.FirstFree("2015-12-11", taken.Contains).Should().Be("2015-12-11-3");
        Slug.FirstFree("2015-12-12", taken.Contains).Should().Be("2015-12-12");
    }

    [Fact]
    public void ShouldKeepTheSuffixWithinTheLimit_WhenTheStemIsAsLongAsASlugMayBe()
    {
        var stem = new string('a', Slug.MaxLength);

        var next = Slug.FirstFree(stem, id => id == stem);

        next.Should().EndWith("-2").And.HaveLength(Slug.MaxLength);
        Slug.IsValid(next).Should().BeTrue();
    }
}
