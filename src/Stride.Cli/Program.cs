using Stride.Cli;

// The whole CLI lives in CliApp so that tests can run it in-process with their own input and output.
return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
