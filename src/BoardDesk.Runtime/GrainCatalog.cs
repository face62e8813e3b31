using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using BoardDesk.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace BoardDesk.Runtime;

/// <summary>
/// Which grain class implements which grain interface, and the type name each interface gives its grain ids
/// (<c>IOrganisationGrain</c> gives <c>organisation</c>, <c>IReviewRecommendationGrain</c> gives <c>review-recommendation</c>).
/// </summary>
public sealed class GrainCatalog
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];
    private readonly Dictionary<string, GrainClass> _byTypeName = new(StringComparer.Ordinal);

    /// <summary>Collects the grain classes of the given assemblies.</summary>
    public GrainCatalog(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            var factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
            foreach (var grainInterface in type.GetInterfaces().Where(IsGrainInterface))
            {
                var typeName = TypeNameOf(grainInterface);
                if (_byInterface.TryGetValue(grainInterface, out var existing))
                {
                    throw new InvalidOperationException($"{grainInterface.Name} is implemented by both {existing.Class.Name} and {type.Name}.");
                }

                var grainClass = new GrainClass(grainInterface, type, typeName, factory);
                CheckMethods(grainInterface);
                _byInterface[grainInterface] = grainClass;
                _byTypeName[typeName] = grainClass;
            }
        }
    }

    /// <summary>The grain class behind an interface.</summary>
    internal GrainClass ForInterface(Type grainInterface) => _byInterface.TryGetValue(grainInterface, out var grainClass)
        ? grainClass
        : throw new InvalidOperationException($"No grain class implements {grainInterface.Name}; register its assembly with the runtime.");

    /// <summary>The grain class behind a grain id's type name.</summary>
    internal GrainClass ForTypeName(string typeName) => _byTypeName.TryGetValue(typeName, out var grainClass)
        ? grainClass
        : throw new InvalidOperationException($"No grain type is named '{typeName}'.");

    /// <summary>The type name that grain ids of this interface carry.</summary>
    public static string TypeNameOf(Type grainInterface)
    {
        var name = grainInterface.Name;
        if (name.StartsWith('I') && name.Length > 1 && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }

    private static bool IsGrainInterface(Type type) =>
        type != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(type);

    private static void CheckMethods(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods())
        {
            var returns = method.ReturnType;
            var isTask = returns == typeof(Task) || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>));
            if (!isTask || method.IsGenericMethod || method.GetParameters().Any(p => p.ParameterType.IsByRef))
            {
                throw new InvalidOperationException(
                    $"{grainInterface.Name}.{method.Name} must return Task or Task<T> and take no generic or by-reference parameters.");
            }
        }
    }
}

/// <summary>A grain class, the interface it serves, its id type name, and how to create it.</summary>
internal sealed record GrainClass(Type Interface, Type Class, string TypeName, ObjectFactory Factory);
