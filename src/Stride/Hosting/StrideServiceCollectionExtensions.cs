using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Hosting;

/// <summary>The one registration every host (CLI, web, benchmarks, tests) uses.</summary>
public static class StrideServiceCollectionExtensions
{
    /// <summary>
    /// Registers Stride: <see cref="StrideOptions"/> from the <c>Stride</c> section and <see cref="SearchOptions"/>
    /// from <c>Stride:Search</c>, both validated at start; the <see cref="StrideLoader"/>, the
    /// <see cref="IndexHolder"/> every request reads through, and the <see cref="EngineRefresher"/> that fills it.
    /// The embedding model for semantic search is the shared <see cref="MiniLmEmbeddingGenerator"/> unless another
    /// <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> was registered first. All are thread-safe singletons. Call <see cref="EngineRefresher.RefreshAsync"/> once before the first question.
    /// </summary>
    public static IServiceCollection AddStride(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<StrideOptions>().Bind(configuration.GetSection(StrideOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StrideOptions>, StrideOptionsValidator>());
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection($"{StrideOptions.SectionName}:Search")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => MiniLmEmbeddingGenerator.Shared);
        services.TryAddSingleton<StrideLoader>();
        services.TryAddSingleton<IndexHolder>();
        services.TryAddSingleton<EngineRefresher>();
        return services;
    }
}
