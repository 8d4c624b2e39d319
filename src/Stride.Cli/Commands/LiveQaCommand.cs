using System.CommandLine;
using Stride.Evaluation;
using Stride.Knowledge;
using Stride.Search;
using Stride.Search.Semantic;

namespace Stride.Cli.Commands;

/// <summary>
/// <c>stride eval liveqa</c>: ranks MedQuAD (from its XML alone) for the 104 TREC 2017 LiveQA-Med questions and scores
/// the run against the human judgments. The ranker never sees the judgments nor the judged-answers CSV; the CSV is
/// read only to show answer texts in <c>--unjudged-out</c>.
/// </summary>
internal static class LiveQaCommand
{
    public static Command Create(CliContext context)
    {
        var medquad = new Option<string?>("--medquad") { Description = "MedQuAD folder (default ../shared/medquad)." };
        var questions = new Option<string?>("--questions") { Description = "LiveQA-Med test questions XML (default ../shared/liveqa-med-2017/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml)." };
        var qrels = new Option<string?>("--qrels") { Description = "Judgments file (default ../shared/medquad/judged/All-qrels_...txt); 'none' to rank without scoring." };
        var answersCsv = new Option<string?>("--answers-csv") { Description = "Judged-answers CSV, used only to show texts in --unjudged-out reports, never for ranking." };
        var variant = new Option<string>("--variant") { Description = "Question wording: original (SUBJECT + MESSAGE, the headline), paraphrase (NIST) or summary (NLM).", DefaultValueFactory = _ => "original" };
        var ranker = new Option<string>("--ranker") { Description = "stride (default), bm25 (plain BM25 over focus + question + answer, the baseline) or dense (cosine over entry vectors alone).", DefaultValueFactory = _ => "stride" };
        var semantic = CommonOptions.Semantic();
        var cacheDir = CommonOptions.CacheDir();
        var answerWords = new Option<int?>("--answer-words")
        {
            Description = "With --semantic on or --ranker dense: how many words of each answer are embedded with its question (0: the question alone; default: the setting for a collection of MedQuAD's size).",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var runOut = new Option<string?>("--run-out") { Description = "Write the ranking in TREC run format (TQn Q0 AnswerID rank score tag)." };
        var unjudgedOut = new Option<string?>("--unjudged-out") { Description = "Write every unjudged top-1 answer (question, answer id, answer text) as TSV for assessment by hand." };
        var ablation = new Option<bool>("--ablation") { Description = "Also measure each ranking step on its own (BM25 alone, + reranking, + focus, + question type) on the same index." };
        var crossValidate = new Option<bool>("--cv") { Description = "Choose the focus, question-type and confidence weights by 2-fold cross-validation (odd/even questions) and report the held-out figures." };
        var command = new Command("liveqa", "Answer quality on the TREC 2017 LiveQA-Med questions over MedQuAD: avgScore, succ@k, MAP, MRR, nDCG, unjudged shares.")
        {
            medquad, questions, qrels, answersCsv, variant, ranker, semantic, cacheDir, answerWords, json, runOut, unjudgedOut, ablation, crossValidate,
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
            if (chosenVariant is null || chosenRanker is not ("stride" or "bm25" or "dense"))
            {
                context.Error.WriteLine("stride: --variant is original, paraphrase or summary; --ranker is stride, bm25 or dense");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(answerWords) is < 0)
            {
                context.Error.WriteLine("stride: --answer-words must be 0 or more");
                return ExitCodes.BadInput;
            }

            var semanticOn = CommonOptions.SemanticValue(parse.GetValue(semantic)) == true;

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

            var asker = new LiveQaAsker(questionList, chosenVariant.Value, LiveQaAsker.DefaultDepth, new AskProgressBar(context.Loader.ProgressConsole));
            SearchIndex? index = null;
            EntryVectors? vectors = null;
            LiveQaRanking ranking;
            if (chosenRanker == "bm25")
            {
                ranking = LiveQaRanking.Bm25(kb, asker);
            }
            else
            {
                var synonyms = context.Loader.LoadSynonyms(null);
                if (synonyms is null)
                {
                    return ExitCodes.BadInput;
                }

                index = context.Loader.BuildIndex(kb, synonyms);
                if (semanticOn || chosenRanker == "dense")
                {
                    var cache = new VectorCache(parse.GetValue(cacheDir) ?? VectorCache.DefaultFolder());
                    vectors = context.Loader.EmbedEntries(index, [cache], parse.GetValue(answerWords) is { } words ? new EntryTextPlan(words) : null);
                }

                ranking = chosenRanker == "dense" ? LiveQaRanking.Dense(index, vectors!, asker) : LiveQaRanking.Stride(index, asker, semanticOn ? vectors : null);
            }

            using var disposeIndex = index;

            if (parse.GetValue(runOut) is { } runFile)
            {
                using var writer = new StreamWriter(runFile);
                ranking.WriteTrec(writer);
            }

            // 2. Score, only now reading the judgments.
            if (string.Equals(parse.GetValue(qrels), "none", StringComparison.OrdinalIgnoreCase))
            {
                context.Output.WriteLine($"Ranked {ranking.Run.Rankings.Count} questions; no judgments given, nothing scored.");
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

            var scores = LiveQaScores.Score(ranking, asker.QuestionIds, lower, higher);
            if (parse.GetValue(json))
            {
                context.Output.WriteLine(scores.ToJson());
            }
            else
            {
                context.Output.Write(scores.Report());
            }

            if (parse.GetValue(unjudgedOut) is { } unjudgedFile)
            {
                var texts = JudgedAnswerTexts.None;
                if (parse.GetValue(answersCsv) is { } csv)
                {
                    using var reader = File.OpenText(csv);
                    texts = JudgedAnswerTexts.Read(reader);
                }

                using var writer = new StreamWriter(unjudgedFile);
                UnjudgedTopAnswers.Write(writer, questionList, ranking.Run, chosenVariant.Value, lower, kb, texts);
            }

            if (index is not null && parse.GetValue(ablation))
            {
                context.Output.Write(Ablation.Report(new Ablation(index, kb, vectors).Run(asker, lower)));
            }

            if (index is not null && parse.GetValue(crossValidate))
            {
                context.Output.Write(CrossValidation.Report(new CrossValidation(index, semanticOn ? vectors : null).Run(asker, lower)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A file of the reference data ($STRIDE_DATA, ../shared or data/ beside the Stride repository, found from the
    /// current folder or the program's).
    /// </summary>
    private static string? SharedPath(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Stride.slnx")))
                {
                    return ReferenceData.Find(dir.FullName, relative);
                }
            }
        }

        return null;
    }
}
