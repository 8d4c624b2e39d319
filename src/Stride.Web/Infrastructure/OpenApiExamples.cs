using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Stride.Hosting;

namespace Stride.Web.Infrastructure;

/// <summary>Puts examples into an endpoint's OpenAPI operation: query parameters, request body and 200 response.</summary>
internal static class OpenApiExamples
{
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, object? response = null, object? request = null,
        params (string Name, string Value)[] parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                var example = parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.Ordinal));
                if (example.Name is not null && parameter is OpenApiParameter concrete)
                {
                    concrete.Example = int.TryParse(example.Value, out var number) ? JsonValue.Create(number) : JsonValue.Create(example.Value);
                }
            }

            if (request is not null && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = JsonSerializer.SerializeToNode(request, AnswerJson.Options);
                }
            }

            if (response is not null && operation.Responses is { } responses
                && responses.TryGetValue("200", out var ok) && ok.Content is { } okContent)
            {
                foreach (var media in okContent.Values)
                {
                    media.Example = JsonSerializer.SerializeToNode(response, AnswerJson.Options);
                }
            }

            return Task.CompletedTask;
        });
}
