using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Stride.Evaluation;
using Stride.Hosting;
using Stride.Knowledge;
using Stride.Search;

namespace Stride.Cli.Commands;

/// <summary>
/// <c>stride eval liveqa</c>: ranks MedQuAD (from its XML alone) for the 104 TREC 2017 LiveQA-Med questions and scores
/// the run against the human judgments. The ranker never sees the judgments nor the judged-answers CSV; the CSV is
/// read only to show answer texts in <c>--unjudged-out</c>.
/// </summary>
internal static class LiveQaCommand
{
    private const int Depth = 100;

    public static Command Create(CliContext context)
    {
        var medquad = new Option<string?>("--medquad") { Description = "MedQuAD folder (default ../shared/medquad)." };
        var questions = new Option<string?>("--questions") { Description = "LiveQA-Med test questions XML (default ../shared/liveqa-med-2017/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml)." };
        var qrels = new Option<string?>("--qrels") { Description = "Judgments file (default ../shared/medquad/judged/All-qrels_...txt); 'none' to rank without scoring." };
        var answersCsv = new Option<string?>("--answers-csv") { Description = "Judged-answers CSV, used only to show texts in --unjudged-out reports, never for ranking." };
        var variant = new Option<string>("--variant") { Description = "Question wording: original (SUBJECT + MESSAGE, the headline), paraphrase (NIST) or summary (NLM).", DefaultValueFactory = _ => "original" };
        var ranker = new Option<string>("--ranker") { Description = "stride (default) or bm25 (plain BM25 over focus + question + answer, the baseline).", DefaultValueFactory = _ => "stride" };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var runOut = new Option<string?>("--run-out") { Description = "Write the ranking in TREC run format (TQn Q0 AnswerID rank score tag)." };
        var unjudgedOut = new Option<string?>("--unjudged-out") { Description = "Write every unjudged top-1 answer (question, answer id, answer text) as TSV for assessment by hand." };
        var ablation = new Option<bool>("--ablation") { Description = "Also measure each ranking step on its own (BM25 alone, + reranking, + focus, + question type) on the same index." };
        var crossValidate = new Option<bool>("--cv") { Description = "Choose the focus, question-type and confidence weights by 2-fold cross-validation (odd/even questions) and report the held-out figures." };
        var command = new Command("liveqa", "Answer quality on the TREC 2017 LiveQA-Med questions over MedQuAD: avgScore, succ@k, MAP, MRR, nDCG, unjudged shares.")
        {
            medquad, questions, qrels, answersCsv, variant, ranker, json, runOut, unjudgedOut, ablation, crossValidate,
        };
        command.SetAction(parse =>
        {
            var chosenVariant = parse.GetValue(variant)?.ToLowerInvariant() switch
            {
                "original" => LiveQaVariant.Original,
                "paraphrase" => LiveQaVariant.Paraphrase,
                "summary" => LiveQaVariant.Summary,
                _ => (LiveQaVariant?)null,
            };
            var chosenRanker = parse.GetValue(ranker)?.ToLowerInvariant();
            if (chosenVariant is null || chosenRanker is not ("stride" or "bm25"))
            {
                context.Error.WriteLine("stride: --variant is original, paraphrase or summary; --ranker is stride or bm25");
                return ExitCodes.BadInput;
            }

            var medquadPath = parse.GetValue(medquad) ?? SharedPath("medquad");
            var questionsPath = parse.GetValue(questions) ?? SharedPath("liveqa-med-2017/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml");
            var qrelsPath = parse.GetValue(qrels) ?? SharedPath("medquad/judged/All-qrels_LiveQAMed2017-TestQuestions_2479_Judged-Answers.txt");
            foreach (var (name, path, folder) in new[] { ("--medquad", medquadPath, true), ("--questions", questionsPath, false), ("--answers-csv", parse.GetValue(answersCsv), false) })
            {
                if (name == "--answers-csv" && path is null)
                {
                    continue;
                }

                if (path is null || !(folder ? Directory.Exists(path) : File.Exists(path)))
                {
                    context.Error.WriteLine($"stride: {name}: {path ?? "(default)"}: no such {(folder ? "folder" : "file")}");
                    return ExitCodes.BadInput;
                }
            }

            // Output files are checked before minutes of ranking, not after.
            foreach (var output in new[] { parse.GetValue(runOut), parse.GetValue(unjudgedOut) }.OfType<string>())
            {
                var folderOfOutput = Path.GetDirectoryName(Path.GetFullPath(output));
                if (folderOfOutput is null || !Directory.Exists(folderOfOutput))
                {
                    context.Error.WriteLine($"stride: {output}: error: the folder does not exist");
                    return ExitCodes.BadInput;
                }
            }

            IReadOnlyList<LiveQaQuestion> questionList;
            try
            {
                using var reader = File.OpenText(questionsPath!);
                questionList = LiveQaQuestion.Read(reader);
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException)
            {
                context.Error.WriteLine($"{questionsPath}: error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            // 1. Rank. Only MedQuAD's XML and the questions are read here.
            var kb = context.Loader.LoadKnowledgeBase([medquadPath!], KbFormat.MedQuad);
            if (kb is null)
            {
                return ExitCodes.BadInput;
            }

            var progress = context.Loader.ProgressConsole;
            IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> run;
            var options = Options.Create(new SearchOptions { CandidateCount = Depth });
            SearchIndex? keptIndex = null;
            IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>>? shown = null;
            if (chosenRanker == "bm25")
            {
                using var baseline = new PlainBm25Baseline(kb);
                run = Ask(progress, questionList, LiveQaRunner.Bm25(baseline, Depth), chosenVariant.Value);
            }
            else
            {
                var synonyms = context.Loader.LoadSynonyms(null);
                if (synonyms is null)
                {
                    return ExitCodes.BadInput;
                }

                keptIndex = context.Loader.BuildIndex(kb, synonyms);
                // The ranking and what ask shows of it come from one search per question.
                var searcher = new Searcher(keptIndex, options);
                var searched = new Dictionary<string, IReadOnlyList<SearchHit>>(StringComparer.Ordinal);
                IReadOnlyList<SearchHit> Search(string question) =>
                    searched.TryGetValue(question, out var hits) ? hits : searched[question] = searcher.Search(question);
                run = Ask(progress, questionList, LiveQaRunner.Stride(Search), chosenVariant.Value);
                shown = LiveQaRunner.Run(questionList, LiveQaRunner.StrideAsShown(Search, options.Value), chosenVariant.Value, Depth);
            }

            using var disposeIndex = keptIndex;

            if (parse.GetValue(runOut) is { } runFile)
            {
                using var writer = new StreamWriter(runFile);
                LiveQaRunner.WriteTrecRun(writer, run, $"stride-{chosenRanker}-{chosenVariant.Value.ToString().ToLowerInvariant()}");
            }

            // 2. Score, only now reading the judgments.
            if (string.Equals(parse.GetValue(qrels), "none", StringComparison.OrdinalIgnoreCase))
            {
                context.Output.WriteLine($"Ranked {run.Count} questions; no judgments given, nothing scored.");
                return ExitCodes.Ok;
            }

            if (qrelsPath is null || !File.Exists(qrelsPath))
            {
                context.Error.WriteLine($"stride: --qrels: {qrelsPath ?? "(default)"}: no such file");
                return ExitCodes.BadInput;
            }

            Qrels lower, higher;
            try
            {
                using (var reader = File.OpenText(qrelsPath))
                {
                    lower = Qrels.Read(reader);
                }

                using (var reader = File.OpenText(qrelsPath))
                {
                    higher = Qrels.Read(reader, higherGrade: true);
                }
            }
            catch (InvalidDataException ex)
            {
                context.Error.WriteLine($"{qrelsPath}: error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            var ids = questionList.Select(q => q.Id).ToList();
            var ranking = LiveQaStudies.ToIds(run);
            var metrics = RankingMetrics.Compute(ids, ranking, lower);
            var metricsHigher = RankingMetrics.Compute(ids, ranking, higher);
            var asShown = shown is null ? null : new AskFigures(
                shown.Count(r => r.Value.Count > 0),
                RankingMetrics.Compute(ids, LiveQaStudies.ToIds(shown), lower).AvgScore);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(JsonSerializer.Serialize(new
                {
                    ranker = chosenRanker,
                    variant = chosenVariant.Value.ToString().ToLowerInvariant(),
                    questions = metrics.Questions,
                    metrics.AvgScore,
                    metrics.Succ1,
                    metrics.Succ2,
                    metrics.Succ3,
                    metrics.Map10,
                    metrics.Mrr10,
                    metrics.Ndcg10,
                    metrics.P1,
                    metrics.Unjudged1,
                    metrics.Unjudged10,
                    metrics.CondensedAvgScore,
                    metrics.CondensedNdcg10,
                    avgScoreHigherGrade = metricsHigher.AvgScore,
                    askAnswered = asShown?.Answered,
                    askAvgScore = asShown?.AvgScore,
                    conflictingJudgments = lower.Conflicts,
                }, AnswerJson.Options));
            }
            else
            {
                WriteTable(context.Output, metrics, metricsHigher, asShown, chosenRanker, chosenVariant.Value, lower.Conflicts);
            }

            if (parse.GetValue(unjudgedOut) is { } unjudgedFile)
            {
                WriteUnjudged(unjudgedFile, questionList, run, lower, kb, parse.GetValue(answersCsv), chosenVariant.Value);
            }

            if (keptIndex is not null && parse.GetValue(ablation))
            {
                LiveQaStudies.Ablation(context.Output, progress, keptIndex, kb, questionList, chosenVariant.Value, lower, Depth);
            }

            if (keptIndex is not null && parse.GetValue(crossValidate))
            {
                LiveQaStudies.CrossValidate(context.Output, progress, keptIndex, questionList, chosenVariant.Value, lower, Depth);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> Ask(
        IAnsiConsole console, IReadOnlyList<LiveQaQuestion> questions, Func<string, IReadOnlyList<RankedAnswer>> ranker, LiveQaVariant variant)
    {
        IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>>? run = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask($"Asking {questions.Count} questions", maxValue: questions.Count);
            run = LiveQaRunner.Run(questions, ranker, variant, Depth, new Progress<int>(n => task.Value = n));
            task.Value = task.MaxValue;
        });
        return run!;
    }

    private static void WriteTable(TextWriter output, RankingMetrics m, RankingMetrics higher, AskFigures? ask, string ranker, LiveQaVariant variant, int conflicts)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"LiveQA-Med 2017 test questions over MedQuAD XML: ranker {ranker}, {variant.ToString().ToLowerInvariant()} questions, {m.Questions} questions"));
        output.WriteLine(string.Create(c, $"(pairs judged twice with different grades: {conflicts}; headline figures use the lower grade)"));
        output.WriteLine();
        (string Name, string Value)[] rows =
        [
            ("avgScore (0-3)", string.Create(c, $"{m.AvgScore:F3}   (higher grade for duplicates: {higher.AvgScore:F3})")),
            ("succ@1+ (Related or better)", string.Create(c, $"{m.Succ1:F3}")),
            ("succ@2+ (Incomplete or better)", string.Create(c, $"{m.Succ2:F3}")),
            ("succ@3+ (Excellent)", string.Create(c, $"{m.Succ3:F3}")),
            ("P@1", string.Create(c, $"{m.P1:F3}")),
            ("MAP@10", string.Create(c, $"{m.Map10:F3}")),
            ("MRR@10", string.Create(c, $"{m.Mrr10:F3}")),
            ("nDCG@10", string.Create(c, $"{m.Ndcg10:F3}")),
            ("unjudged@1", string.Create(c, $"{m.Unjudged1:F3}")),
            ("unjudged@10", string.Create(c, $"{m.Unjudged10:F3}")),
            ("condensed avgScore", string.Create(c, $"{m.CondensedAvgScore:F3}")),
            ("condensed nDCG@10", string.Create(c, $"{m.CondensedNdcg10:F3}")),
        ];
        if (ask is not null)
        {
            rows = [.. rows,
                ("ask: questions answered", string.Create(c, $"{ask.Answered} of {m.Questions}")),
                ("ask: avgScore of first answer", string.Create(c, $"{ask.AvgScore:F3}   (\"no good answer\" counts 0)")),
            ];
        }

        foreach (var (name, value) in rows)
        {
            output.WriteLine($"  {name,-32} {value}");
        }

        output.WriteLine();
        output.WriteLine("Published avgScore on this setting: 0.637 (best TREC 2017 run), 0.711 (IR, AMIA 2019), 0.827 (IR + entailment, BMC Bioinformatics 2019).");
        output.WriteLine("Unjudged answers count as 0, so every figure is a lower bound; the condensed figures drop them.");
    }

    /// <summary>What <c>ask</c> itself shows: how many questions it answers, and the avgScore of its first answers.</summary>
    private sealed record AskFigures(int Answered, double AvgScore);

    private static void WriteUnjudged(string file, IReadOnlyList<LiveQaQuestion> questions, IReadOnlyDictionary<string, IReadOnlyList<RankedAnswer>> run,
        Qrels qrels, KnowledgeBase kb, string? answersCsv, LiveQaVariant variant)
    {
        // The judged-answers CSV only fills in texts of removed answers for this report; it never reaches the ranker.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (answersCsv is not null)
        {
            using var reader = File.OpenText(answersCsv);
            var records = new Knowledge.Importers.DelimitedRecordReader(reader, ',');
            records.TryRead(out _, out _, out _); // header: AnswerID,Answer
            while (records.TryRead(out var fields, out _, out _))
            {
                if (fields.Count >= 2)
                {
                    texts[Qrels.AnswerId(fields[0])] = fields[1];
                }
            }
        }

        using var writer = new StreamWriter(file);
        writer.Write("question_id\tquestion\tanswer_id\tanswer_question\tanswer\n");
        foreach (var q in questions)
        {
            if (run.TryGetValue(q.Id, out var answers) && answers.Count > 0 && qrels.Grade(q.Id, answers[0].AnswerId) is null)
            {
                var entry = kb.Find(answers[0].AnswerId);
                var answer = entry is { Answer.Length: > 0 } ? entry.Answer : texts.GetValueOrDefault(answers[0].AnswerId, "(answer removed from MedQuAD)");
                writer.Write($"{q.Id}\t{Flat(LiveQaRunner.Input(q, variant))}\t{answers[0].AnswerId}.txt\t{Flat(entry?.Question ?? string.Empty)}\t{Flat(answer)}\n");
            }
        }
    }

    private static string Flat(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>A path under ../shared beside the Stride repository (found from the current folder or the program's).</summary>
    private static string? SharedPath(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared");
                if (File.Exists(Path.Combine(dir.FullName, "Stride.slnx")) && Directory.Exists(candidate))
                {
                    return Path.GetFullPath(Path.Combine(candidate, relative));
                }
            }
        }

        return null;
    }
}
