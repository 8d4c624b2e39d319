using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stride.Knowledge;

/// <summary>Serialises entries to and from JSON, for persistent indexes and JSON output.</summary>
public static class KbEntryJson
{
    /// <summary>The settings used for entries: camelCase, enums as names.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes an entry as JSON.</summary>
    public static string Serialize(KbEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>Reads an entry written by <see cref="Serialize"/>.</summary>
    public static KbEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<KbEntry>(json, Options) ?? throw new JsonException("an entry was stored as null");
}
