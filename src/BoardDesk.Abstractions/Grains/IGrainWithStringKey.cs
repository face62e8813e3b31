namespace BoardDesk.Grains;

/// <summary>
/// Marks a grain interface whose grains are identified by a string key. Every method of such an
/// interface is asynchronous, returns <see cref="Task"/> or <see cref="Task{TResult}"/>, and runs
/// inside the grain's activation, one call at a time.
/// </summary>
public interface IGrainWithStringKey;
