using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using BoardDesk.Grains;

namespace BoardDesk.Runtime;

/// <summary>
/// The reference <see cref="IGrainFactory.GetGrain{TGrain}"/> hands out: a proxy for the grain interface that turns
/// each method call into a call on the grain's activation. Each interface method is compiled once into a typed
/// dispatcher, so a call costs one argument array and no reflection.
/// </summary>
public class GrainReference : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Dispatcher> Dispatchers = new();
    private static readonly MethodInfo DispatchTyped = typeof(GrainReference).GetMethod(nameof(DispatchAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private GrainRuntime? _runtime;

    private delegate object Dispatcher(GrainRuntime runtime, GrainReference reference, object?[] arguments);

    /// <summary>The id of the grain this reference calls.</summary>
    public GrainId Id { get; private set; }

    /// <inheritdoc />
    public override string ToString() => Id.ToString();

    internal GrainClass GrainClass { get; private set; } = null!;

    /// <summary>The activation this reference called last; refreshed when it has been collected.</summary>
    internal Activation? Activation { get; set; }

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainClass grainClass, GrainId id)
    {
        var proxy = Create<TGrain, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._runtime = runtime;
        reference.GrainClass = grainClass;
        reference.Id = id;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType == typeof(object))
        {
            return targetMethod.Name == nameof(ToString) ? ToString() : targetMethod.Invoke(this, args);
        }

        var dispatcher = Dispatchers.GetOrAdd(targetMethod, Compile);
        return dispatcher(_runtime!, this, args ?? []);
    }

    private static Dispatcher Compile(MethodInfo method)
    {
        // (object grain, object?[] args) => ((IXGrain)grain).Method((T0)args[0], (T1)args[1], ...)
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var call = Expression.Call(
            Expression.Convert(grain, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        var resultType = method.ReturnType == typeof(Task) ? typeof(NoResult) : method.ReturnType.GetGenericArguments()[0];
        Expression body = method.ReturnType == typeof(Task)
            ? Expression.Call(typeof(NoResult).GetMethod(nameof(NoResult.From))!, call)
            : call;
        var invoker = Expression.Lambda(typeof(Func<,,>).MakeGenericType(typeof(object), typeof(object?[]), typeof(Task<>).MakeGenericType(resultType)), body, grain, arguments).Compile();

        // (runtime, reference, args) => DispatchAsync<T>(runtime, reference, invoker, args)
        var runtime = Expression.Parameter(typeof(GrainRuntime), "runtime");
        var reference = Expression.Parameter(typeof(GrainReference), "reference");
        var dispatch = Expression.Call(DispatchTyped.MakeGenericMethod(resultType), runtime, reference, Expression.Constant(invoker), arguments);
        return Expression.Lambda<Dispatcher>(dispatch, runtime, reference, arguments).Compile();
    }

    // A plain Task method runs as Task<NoResult>, which the caller awaits as the Task it expects.
    private static object DispatchAsync<T>(GrainRuntime runtime, GrainReference reference, Func<object, object?[], Task<T>> invoker, object?[] arguments) =>
        runtime.InvokeAsync(reference, invoker, arguments);

    /// <summary>The result of a grain method that returns a plain <see cref="Task"/>.</summary>
    internal readonly struct NoResult
    {
        public static async Task<NoResult> From(Task task)
        {
            await task;
            return default;
        }
    }
}
