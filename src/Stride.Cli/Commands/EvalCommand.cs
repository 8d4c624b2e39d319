using System.CommandLine;
using Stride.Triage;

namespace Stride.Cli.Commands;

/// <summary><c>stride eval</c>: measures triage on labelled vignettes (<c>eval triage</c>) and answers on LiveQA-Med (<c>eval liveqa</c>).</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A TSV of text<TAB>level (emergency, urgent, routine, selfcare), header optional." };
        var rules = CommonOptions.TriageRules();
        var showErrors = new Option<bool>("--show-errors") { Description = "List every text whose level differs from the expected one." };
        var triage = new Command("triage", "Measure triage against clinicians' levels: emergency sensitivity, exact accuracy, under-triage, confusion matrix.")
        {
            file, rules, showErrors,
        };
        triage.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (context.Loader.ReadVignettes(path) is not { } vignettes)
            {
                return ExitCodes.BadInput;
            }

            var engine = context.Loader.LoadTriage(parse.GetValue(rules));
            if (engine is null)
            {
                return ExitCodes.BadInput;
            }

            var evaluation = TriageEvaluation.Run(engine, vignettes);
            context.Output.Write(evaluation.Report());
            if (parse.GetValue(showErrors))
            {
                context.Output.WriteLine();
                foreach (var (v, r) in evaluation.Outcomes.Where(o => o.Result.Level != o.Vignette.Expected))
                {
                    context.Output.WriteLine($"{path}:{v.Line}: expected {v.Expected.Name()}, got {r.Level.Name()}: {v.Text}");
                }
            }

            return ExitCodes.Ok;
        });
        return new Command("eval", "Measure Stride's quality on labelled data.") { triage, LiveQaCommand.Create(context), SemanticEvalCommand.Create(context), ConfidenceEvalCommand.Create(context), ReaderEvalCommand.Create(context) };
    }
}
