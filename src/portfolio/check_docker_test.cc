#include <gtest/gtest.h>

#include "portfolio/checks.h"

namespace golden::portfolio {
namespace {

using report::Finding;

// "rule:line" for every finding of the docker rules on `text`.
std::vector<std::string> Check(std::string_view text) {
  std::vector<Finding> out;
  FindingSink sink(checks::kDocker, &out);
  CheckDockerfile(ParseDockerfile(text), "Dockerfile", &sink);
  std::vector<std::string> got;
  for (const Finding& f : out) got.push_back(f.rule + ":" + std::to_string(f.line));
  return got;
}

std::vector<std::string> Messages(std::string_view text) {
  std::vector<Finding> out;
  FindingSink sink(checks::kDocker, &out);
  CheckDockerfile(ParseDockerfile(text), "Dockerfile", &sink);
  std::vector<std::string> got;
  for (const Finding& f : out) got.push_back(f.message);
  return got;
}

constexpr std::string_view kGoodTail = "USER app\nHEALTHCHECK CMD true\n";

TEST(DockerCheck, AGoodDockerfilePasses) {
  EXPECT_TRUE(Check(std::string("FROM python:3.12-slim\n") + std::string(kGoodTail)).empty());
}

TEST(DockerCheck, UserRules) {
  EXPECT_EQ(Check("FROM a:1\nHEALTHCHECK CMD true\n"), (std::vector<std::string>{"docker.user:0"}));
  // The last USER decides (the original passed a final USER root after a non-root one).
  EXPECT_EQ(Check("FROM a:1\nUSER app\nUSER root\nHEALTHCHECK CMD true\n"),
            (std::vector<std::string>{"docker.user:3"}));
  EXPECT_EQ(Check("FROM a:1\nUSER 0:0\nHEALTHCHECK CMD true\n"),
            (std::vector<std::string>{"docker.user:2"}));
  // "rootless" is not root (the original's prefix test rejected it); numeric ids pass.
  EXPECT_TRUE(Check("FROM a:1\nUSER rootless\nHEALTHCHECK CMD true\n").empty());
  EXPECT_TRUE(Check("FROM a:1\nUSER 1000:1000\nHEALTHCHECK CMD true\n").empty());
  // Lower-case and indented instructions count.
  EXPECT_TRUE(Check("from a:1\n   user app\nhealthcheck CMD true\n").empty());
  // Only the final stage matters; it inherits USER from the stage it is built FROM.
  EXPECT_TRUE(Check("FROM a:1 AS base\nUSER app\nHEALTHCHECK CMD true\nFROM base\n").empty());
  EXPECT_EQ(Check("FROM a:1 AS build\nUSER app\nFROM b:2\nHEALTHCHECK CMD true\n"),
            (std::vector<std::string>{"docker.user:0"}));
  // ONBUILD USER is not the image's user.
  EXPECT_EQ(Check("FROM a:1\nONBUILD USER app\nHEALTHCHECK CMD true\n"),
            (std::vector<std::string>{"docker.user:0"}));
  // A USER inside a heredoc body is script text.
  EXPECT_EQ(Check("FROM a:1\nRUN <<EOF\nUSER app\nEOF\nHEALTHCHECK CMD true\n"),
            (std::vector<std::string>{"docker.user:0"}));
}

TEST(DockerCheck, HealthcheckRules) {
  EXPECT_EQ(Check("FROM a:1\nUSER app\n"), (std::vector<std::string>{"docker.healthcheck:0"}));
  EXPECT_EQ(Check("FROM a:1\nUSER app\nHEALTHCHECK NONE\n"),
            (std::vector<std::string>{"docker.healthcheck:3"}));
}

TEST(DockerCheck, FromRules) {
  std::string tail(kGoodTail);
  EXPECT_EQ(Check("FROM ubuntu:latest\n" + tail),
            (std::vector<std::string>{"docker.latest-tag:1"}));
  // --platform no longer hides :latest.
  EXPECT_EQ(Check("FROM --platform=linux/amd64 ubuntu:latest\n" + tail),
            (std::vector<std::string>{"docker.latest-tag:1"}));
  EXPECT_EQ(Check("FROM ubuntu AS base\n" + tail), (std::vector<std::string>{"docker.untagged:1"}));
  EXPECT_EQ(Check("FROM ubuntu\n" + tail), (std::vector<std::string>{"docker.untagged:1"}));
  // scratch, earlier stages, digests, registry ports and resolvable ARGs are fine.
  EXPECT_TRUE(Check("FROM scratch\n" + tail).empty());
  EXPECT_TRUE(Check("FROM golang:1.22 AS build\nFROM build\n" + tail).empty());
  EXPECT_TRUE(Check("FROM alpine@sha256:abc\n" + tail).empty());
  EXPECT_EQ(Check("FROM registry:5000/team/app\n" + tail),
            (std::vector<std::string>{"docker.untagged:1"}));
  EXPECT_TRUE(Check("FROM registry:5000/team/app:1.2\n" + tail).empty());
  EXPECT_EQ(Check("ARG BASE=debian:latest\nFROM $BASE\n" + tail),
            (std::vector<std::string>{"docker.latest-tag:2"}));
  EXPECT_TRUE(Check("ARG BASE\nFROM ${BASE}\n" + tail).empty());  // unknown: not judged
}

TEST(DockerCheck, AddRules) {
  std::string head = "FROM a:1\n" + std::string(kGoodTail);
  // ADD . /app is flagged now (the original's regex missed it).
  EXPECT_EQ(Check(head + "ADD . /app\n"), (std::vector<std::string>{"docker.add:4"}));
  EXPECT_EQ(Check(head + "ADD src /app\n"), (std::vector<std::string>{"docker.add:4"}));
  EXPECT_EQ(Check(head + "ADD --chown=app:app config.json /etc/app/\n"),
            (std::vector<std::string>{"docker.add:4"}));
  EXPECT_EQ(Check(head + "ADD [\"a b.txt\", \"/x/\"]\n"),
            (std::vector<std::string>{"docker.add:4"}));
  EXPECT_TRUE(Check(head + "ADD app.tar.gz /\n").empty());
  EXPECT_TRUE(Check(head + "ADD https://example.com/x.bin /x\n").empty());
  EXPECT_TRUE(Check(head + "ADD git@github.com:o/r.git /src\n").empty());
  EXPECT_TRUE(Check(head + "COPY . /app\n").empty());
}

TEST(DockerCheck, EveryEnvKeyIsChecked) {
  std::string head = "FROM a:1\n" + std::string(kGoodTail);
  EXPECT_EQ(Messages(head + "ENV A=1 DB_Password=x api_key=y\n"),
            (std::vector<std::string>{"Do not hardcode secrets in ENV directives (DB_Password)",
                                      "Do not hardcode secrets in ENV directives (api_key)"}));
  EXPECT_EQ(Check(head + "env GITHUB_TOKEN ghp_x\n"),
            (std::vector<std::string>{"docker.env-secret:4"}));
  EXPECT_EQ(Check(head + "ENV A=1 \\\n    PRIVATE_KEY=k\n"),
            (std::vector<std::string>{"docker.env-secret:4"}));
  EXPECT_TRUE(Check(head + "ENV PATH=/usr/bin LANG=C.UTF-8\n").empty());
}

TEST(DockerCheck, EveryExposedPortIsChecked) {
  std::string head = "FROM a:1\n" + std::string(kGoodTail);
  EXPECT_EQ(Messages(head + "EXPOSE 8080 80/tcp 443/udp 1000-1100 $PORT\nEXPOSE 22\n"),
            (std::vector<std::string>{
                "Do not EXPOSE privileged port 80", "Do not EXPOSE privileged port 443",
                "Do not EXPOSE privileged port 1000", "Do not EXPOSE privileged port 22"}));
  EXPECT_TRUE(Check(head + "EXPOSE 1024 8080/tcp\n").empty());
}

TEST(DockerCheck, AptGetInstallNeedsYes) {
  std::string head = "FROM a:1\n" + std::string(kGoodTail);
  EXPECT_EQ(Check(head + "RUN apt-get update && apt-get install curl\n"),
            (std::vector<std::string>{"docker.apt-get-yes:4"}));
  EXPECT_EQ(Check(head + "RUN <<EOF\nset -e\napt-get install -q curl\nEOF\n"),
            (std::vector<std::string>{"docker.apt-get-yes:4"}));
  EXPECT_EQ(Check(head + "RUN [\"apt-get\", \"install\", \"curl\"]\n"),
            (std::vector<std::string>{"docker.apt-get-yes:4"}));
  for (std::string_view ok :
       {"apt-get install -y curl", "apt-get -y install curl", "apt-get install --yes curl",
        "apt-get install --assume-yes curl", "apt-get -qq install curl", "apt-get install -qy curl",
        "sudo /usr/bin/apt-get install -y curl", "apt-get update",
        "apt-get -o Dpkg::Use-Pty=0 -y install x", "apt-get -o APT::Get::Assume-Yes=true install x",
        "echo apt-get"}) {
    EXPECT_FALSE(AptGetInstallWithoutYes(ok)) << ok;
  }
  EXPECT_TRUE(AptGetInstallWithoutYes("apt-get update; apt-get install curl"));
  EXPECT_TRUE(AptGetInstallWithoutYes("apt-get -y update && apt-get install curl"));
}

}  // namespace
}  // namespace golden::portfolio
