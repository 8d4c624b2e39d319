namespace Stride.Hosting;

/// <summary>The outcome of loading something: the value, or the problems that stopped it (as <c>file:line: error</c>).</summary>
/// <typeparam name="T">What was loaded.</typeparam>
/// <param name="Value">The loaded value; null when <paramref name="Errors"/> says why.</param>
/// <param name="Errors">What went wrong, one line each; empty on success.</param>
public sealed record Loaded<T>(T? Value, IReadOnlyList<string> Errors)
    where T : class
{
    /// <summary>A success.</summary>
    public Loaded(T value)
        : this(value, [])
    {
    }
}

/// <summary>Builds <see cref="Loaded{T}"/> results.</summary>
public static class Loaded
{
    /// <summary>A failure with one or more reasons.</summary>
    public static Loaded<T> Failed<T>(params string[] errors)
        where T : class => new(null, errors);
}
