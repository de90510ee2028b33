#include "portfolio/dockerfile.h"

#include <gtest/gtest.h>

namespace golden::portfolio {
namespace {

std::vector<std::string> Summary(const Dockerfile& df) {
  std::vector<std::string> out;
  for (const DockerInstruction& i : df.instructions) {
    out.push_back(std::to_string(i.line) + " " + i.keyword + " [" + i.args + "]");
  }
  return out;
}

TEST(Dockerfile, InstructionsAreCaseInsensitiveAndMayBeIndented) {
  Dockerfile df = ParseDockerfile("from alpine:3.19\n  Run echo hi\n\tuser app\n");
  EXPECT_EQ(Summary(df),
            (std::vector<std::string>{"1 FROM [alpine:3.19]", "2 RUN [echo hi]", "3 USER [app]"}));
}

TEST(Dockerfile, ContinuationsSkipCommentsAndBlankLines) {
  Dockerfile df = ParseDockerfile(
      "FROM alpine:3.19\n"
      "RUN apk add \\\n"
      "    # a comment inside the instruction\n"
      "\n"
      "    curl \\   \n"
      "    git\n"
      "# USER root (a comment, not an instruction)\n"
      "USER app\r\n");
  EXPECT_EQ(Summary(df),
            (std::vector<std::string>{"1 FROM [alpine:3.19]", "2 RUN [apk add     curl     git]",
                                      "8 USER [app]"}));
}

TEST(Dockerfile, ParserDirectivesAndTheBacktickEscape) {
  Dockerfile df = ParseDockerfile(
      "# syntax=docker/dockerfile:1\n"
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "RUN dir `\n"
      "    C:\\\n"
      "USER ContainerUser\n");
  EXPECT_EQ(df.escape, '`');
  EXPECT_EQ(Summary(df),
            (std::vector<std::string>{"3 FROM [mcr.microsoft.com/windows/servercore:ltsc2022]",
                                      "4 RUN [dir     C:\\]", "6 USER [ContainerUser]"}));
  // A directive after a comment is just a comment.
  EXPECT_EQ(ParseDockerfile("# hello\n# escape=`\nFROM a:1\nRUN x \\\n y\n").escape, '\\');
}

TEST(Dockerfile, HeredocsAreBodiesNotInstructions) {
  Dockerfile df = ParseDockerfile(
      "FROM debian:12\n"
      "RUN <<EOF\n"
      "USER root\n"
      "apt-get install curl\n"
      "EOF\n"
      "COPY <<-\"CONF\" /etc/app.conf\n"
      "\tkey=value\n"
      "\tCONF\n"
      "USER app\n");
  ASSERT_EQ(df.instructions.size(), 4u);
  EXPECT_EQ(df.instructions[1].heredocs,
            (std::vector<std::string>{"USER root\napt-get install curl\n"}));
  EXPECT_EQ(df.instructions[2].heredocs, (std::vector<std::string>{"key=value\n"}));
  EXPECT_EQ(df.instructions[3].keyword, "USER");
  EXPECT_EQ(df.instructions[3].line, 9);
  // A here-string and a quoted "<<" are not heredocs.
  EXPECT_TRUE(ParseDockerfile("RUN cat <<< hi\n").instructions[0].heredocs.empty());
  EXPECT_TRUE(ParseDockerfile("RUN echo \"<<EOF\"\n").instructions[0].heredocs.empty());
}

TEST(Dockerfile, StagesPlatformsAndNames) {
  Dockerfile df = ParseDockerfile(
      "ARG BASE=python:3.12\n"
      "FROM --platform=$BUILDPLATFORM golang:1.22 AS Build\n"
      "RUN go build\n"
      "FROM scratch\n"
      "FROM build as test\n"
      "FROM $BASE\n");
  ASSERT_EQ(df.stages.size(), 4u);
  EXPECT_EQ(df.stages[0].base, "golang:1.22");
  EXPECT_EQ(df.stages[0].name, "build");
  EXPECT_EQ(df.stages[0].platform, "$BUILDPLATFORM");
  EXPECT_EQ(df.stages[0].first, 1u);
  EXPECT_EQ(df.stages[0].last, 2u);
  EXPECT_EQ(df.stages[1].base, "scratch");
  EXPECT_EQ(df.stages[2].parent, 0);
  EXPECT_EQ(df.stages[3].parent, -1);
  ASSERT_EQ(df.global_args.size(), 1u);
  EXPECT_EQ(df.global_args[0], (std::pair<std::string, std::string>{"BASE", "python:3.12"}));
}

TEST(Dockerfile, WordsQuotesAndExecForm) {
  EXPECT_EQ(DockerWords(R"(a "b c" 'd e' f\ g)"),
            (std::vector<std::string>{"a", "b c", "d e", "f g"}));
  EXPECT_EQ(DockerWords(R"(["python", "-m", "app"])"),
            (std::vector<std::string>{"python", "-m", "app"}));
  EXPECT_EQ(DockerWords("[not json"), (std::vector<std::string>{"[not", "json"}));
}

TEST(Dockerfile, EnvPairsInBothForms) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(DockerEnvPairs(R"(A=1 B="two words" C=)"),
            (Pairs{{"A", "1"}, {"B", "two words"}, {"C", ""}}));
  EXPECT_EQ(DockerEnvPairs("SECRET_KEY some value here"),
            (Pairs{{"SECRET_KEY", "some value here"}}));
}

TEST(Dockerfile, VariableExpansion) {
  std::vector<std::pair<std::string, std::string>> vars = {{"BASE", "alpine:3.19"}, {"EMPTY", ""}};
  std::string out;
  EXPECT_TRUE(ExpandDockerVars("${BASE}", vars, &out));
  EXPECT_EQ(out, "alpine:3.19");
  EXPECT_TRUE(ExpandDockerVars("$BASE-x", vars, &out));
  EXPECT_EQ(out, "alpine:3.19-x");
  EXPECT_TRUE(ExpandDockerVars("${NOPE:-debian:12}", vars, &out));
  EXPECT_EQ(out, "debian:12");
  EXPECT_FALSE(ExpandDockerVars("$NOPE", vars, &out));
  EXPECT_FALSE(ExpandDockerVars("${EMPTY}", vars, &out));
}

TEST(Dockerfile, GarbageNeverFails) {
  for (std::string_view text : {"", "\\", "\\\n", "FROM", "RUN <<", "RUN <<EOF\nno end",
                                "\x00\xff\xfe", "# escape=`\n`", "ENV", "EXPOSE"}) {
    Dockerfile df = ParseDockerfile(text);
    (void)df;
  }
}

}  // namespace
}  // namespace golden::portfolio
