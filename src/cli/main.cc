#include "cli/commands.h"

int main(int argc, char** argv) { return golden::cli::Main(argc, argv); }
