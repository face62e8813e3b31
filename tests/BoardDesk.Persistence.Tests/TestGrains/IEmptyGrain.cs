using BoardDesk.Grains;

namespace BoardDesk.Persistence.Tests.TestGrains;

[Alias("BoardDesk.Persistence.Tests.TestGrains.IEmptyGrain")]
public interface IEmptyGrain : IGrainWithStringKey
{
    [Alias("PingAsync")]
    Task<int> PingAsync();
}
