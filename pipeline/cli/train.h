// `vnplan train`: trains the repair models (pipeline/repair/trainer.h) from
// folders of clean documents, so an archive can retrain on its own text.
#ifndef VNPLAN_PIPELINE_CLI_TRAIN_H_
#define VNPLAN_PIPELINE_CLI_TRAIN_H_

namespace vnplan {

// Like the other subcommands: argv[first] is the first argument after
// "train"; returns 0 on success, 1 if training failed, 2 on a wrong call.
int TrainCommand(int argc, char** argv, int first = 2);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_CLI_TRAIN_H_
