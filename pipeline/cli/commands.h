// The vnplan subcommands. Each takes the whole argv with argv[first] the
// first argument after the subcommand's name, prints its own --help, and
// returns the process exit code: 0 all inputs done, 1 some input failed,
// 2 the call itself was wrong (unknown option, no input).
#ifndef VNPLAN_PIPELINE_CLI_COMMANDS_H_
#define VNPLAN_PIPELINE_CLI_COMMANDS_H_

namespace vnplan {

int RunCommand(int argc, char** argv, int first);      // All stages, JSON out.
int OcrCommand(int argc, char** argv, int first);      // Images/PDF to text.
int RepairCommand(int argc, char** argv, int first);   // Damaged text to clean text.
int ExtractCommand(int argc, char** argv, int first);  // Text to plan data.
int EvalCommand(int argc, char** argv, int first);     // Scores against ground truth.

// `vnplan eval text` and `vnplan eval extract`, dispatched by EvalCommand.
int EvalTextCommand(int argc, char** argv, int first);
int EvalExtractCommand(int argc, char** argv, int first);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_CLI_COMMANDS_H_
