namespace Stride.Cli;

/// <summary>What every command gets: the streams it talks to and the loader of engines.</summary>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, EngineLoader Loader);
