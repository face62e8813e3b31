using BoardDesk.Grains;

namespace BoardDesk.Runtime.Tests.TestGrains;

public interface IEmptyGrain : IGrainWithStringKey
{
    Task<int> PingAsync();
}
