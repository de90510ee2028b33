// The docker check: every Dockerfile of the repository, parsed as BuildKit parses it.
#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "portfolio/checks.h"

namespace golden::portfolio {

using report::Severity;

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool IsRemote(std::string_view src) {
  return StartsWith(src, "http://") || StartsWith(src, "https://") || StartsWith(src, "git@") ||
         StartsWith(src, "git://") || StartsWith(src, "ssh://");
}

// ADD extracts local tar archives (plain, gzip, bzip2, xz); that is its one legitimate local use.
bool IsTarArchive(std::string_view src) {
  std::string lower = AsciiLower(src);
  for (std::string_view ext :
       {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst"}) {
    if (EndsWith(lower, ext)) return true;
  }
  return false;
}

// The first word of `args`, or "".
std::string FirstWord(const DockerInstruction& ins, char escape) {
  std::vector<std::string> words = DockerWords(ins.args, escape);
  return words.empty() ? std::string() : words[0];
}

// The last `keyword` instruction in force in stage `s`: its own, else inherited from the
// earlier stage it is built FROM.
const DockerInstruction* InEffect(const Dockerfile& df, int s, std::string_view keyword) {
  for (int guard = 0; s >= 0 && guard < 1000; ++guard) {
    const DockerStage& stage = df.stages[static_cast<size_t>(s)];
    for (size_t i = stage.last + 1; i-- > stage.first + 1;) {
      if (df.instructions[i].keyword == keyword) return &df.instructions[i];
    }
    if (stage.parent >= s) break;  // defensive: parents are always earlier stages
    s = stage.parent;
  }
  return nullptr;
}

bool IsRootUser(std::string_view user) {
  std::string name(user.substr(0, user.find(':')));
  return name == "root" || name == "0";
}

void CheckFrom(const Dockerfile& df, const DockerStage& stage, std::string_view file,
               FindingSink* sink) {
  if (stage.base.empty() || stage.parent >= 0) return;  // an earlier stage: nothing to pin
  std::string image = stage.base;
  if (image.find('$') != std::string::npos) {
    // FROM $BASE: use the ARG's default when there is one; an unknown value cannot be judged.
    std::string expanded;
    if (!ExpandDockerVars(image, df.global_args, &expanded)) return;
    image = expanded;
  }
  if (AsciiLower(image) == "scratch") return;
  if (image.find('@') != std::string::npos) return;  // pinned by digest
  size_t slash = image.rfind('/');
  size_t colon = image.rfind(':');
  bool has_tag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
  if (!has_tag) {
    sink->Add(rules::kDockerUntagged, Severity::kError, "FROM directive must specify version tag",
              file, stage.from_line);
  } else if (image.substr(colon + 1) == "latest") {
    sink->Add(rules::kDockerLatestTag, Severity::kError, "Do not use :latest tag in FROM directive",
              file, stage.from_line);
  }
}

bool IsYesOption(std::string_view w) {
  if (w == "-y" || w == "--yes" || w == "--assume-yes" || w == "-qq" || w == "-q=2" ||
      w == "--quiet=2") {
    return true;  // apt-get: quiet level 2 implies -y
  }
  std::string lower = AsciiLower(w);
  if (lower.find("assume-yes=true") != std::string::npos ||
      lower.find("assume-yes=1") != std::string::npos) {
    return true;
  }
  // Clustered short options: -qy, -yq.
  if (w.size() > 2 && w[0] == '-' && w[1] != '-' && std::all_of(w.begin() + 1, w.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c));
      })) {
    return w.find('y') != std::string_view::npos;
  }
  return false;
}

}  // namespace

bool IsDockerfileName(std::string_view name) {
  // BuildKit's per-Dockerfile ignore files (Dockerfile.dockerignore) are not Dockerfiles.
  if (EndsWith(name, ".dockerignore")) return false;
  return StartsWith(name, "Dockerfile") || EndsWith(name, ".Dockerfile") ||
         EndsWith(name, ".dockerfile");
}

bool IsDockerfile(const FileEntry& entry) {
  // Folders named Dockerfile* are not Dockerfiles (the original crashed on them).
  return entry.kind != EntryKind::kDir && IsDockerfileName(BaseName(entry.path));
}

bool AptGetInstallWithoutYes(std::string_view script) {
  // Split into simple commands at shell separators; quoting is rare around these and a
  // separator inside quotes only makes a command look shorter, never adds an apt-get.
  std::vector<std::string> commands{""};
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (c == ';' || c == '\n' || c == '|' || c == '&') {
      commands.emplace_back();
      continue;
    }
    commands.back().push_back(c);
  }
  for (const std::string& cmd : commands) {
    std::vector<std::string> words = DockerWords(cmd, '\\');
    auto it = std::find_if(words.begin(), words.end(), [](const std::string& w) {
      return w == "apt-get" || EndsWith(w, "/apt-get");
    });
    if (it == words.end()) continue;
    std::string_view sub;
    bool yes = false;
    for (auto w = it + 1; w != words.end(); ++w) {
      if (IsYesOption(*w)) yes = true;
      if (sub.empty() && !w->empty() && (*w)[0] != '-') {
        // "-o Option=value" takes the next word as its argument.
        if (w != it + 1 && *(w - 1) == "-o") continue;
        sub = *w;
      }
    }
    if (sub == "install" && !yes) return true;
  }
  return false;
}

void CheckDockerfile(const Dockerfile& df, std::string_view file, FindingSink* sink) {
  for (const DockerStage& stage : df.stages) CheckFrom(df, stage, file, sink);

  int final_stage = static_cast<int>(df.stages.size()) - 1;
  const DockerInstruction* user = final_stage >= 0 ? InEffect(df, final_stage, "USER") : nullptr;
  if (user == nullptr) {
    sink->Add(rules::kDockerUser, Severity::kError,
              "Dockerfile must run as non-root user (USER directive)", file);
  } else if (IsRootUser(FirstWord(*user, df.escape))) {
    sink->Add(rules::kDockerUser, Severity::kError,
              "Dockerfile must run as non-root user (USER directive)", file, user->line);
  }
  const DockerInstruction* health =
      final_stage >= 0 ? InEffect(df, final_stage, "HEALTHCHECK") : nullptr;
  if (health == nullptr || AsciiLower(FirstWord(*health, df.escape)) == "none") {
    sink->Add(rules::kDockerHealthcheck, Severity::kWarning,
              "Dockerfile should include HEALTHCHECK", file, health ? health->line : 0);
  }

  for (const DockerInstruction& ins : df.instructions) {
    if (ins.keyword == "ADD") {
      std::vector<std::string> words = DockerWords(ins.args, df.escape);
      auto first = std::find_if(words.begin(), words.end(),
                                [](const std::string& w) { return !StartsWith(w, "--"); });
      bool local = false;
      // Every word but the last (the destination) is a source.
      for (auto w = first; words.end() - w > 1; ++w) {
        if (StartsWith(*w, "<<") || (!IsRemote(*w) && !IsTarArchive(*w))) local = true;
      }
      if (local) {
        sink->Add(rules::kDockerAdd, Severity::kWarning,
                  "Use COPY instead of ADD unless extracting archives", file, ins.line);
      }
    } else if (ins.keyword == "ENV") {
      for (const auto& [key, value] : DockerEnvPairs(ins.args, df.escape)) {
        std::string upper = key;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (std::string_view secret : {"PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY"}) {
          if (upper.find(secret) != std::string::npos) {
            sink->Add(rules::kDockerEnvSecret, Severity::kError,
                      "Do not hardcode secrets in ENV directives (" + EscapeInvalidUtf8(key) + ")",
                      file, ins.line);
            break;
          }
        }
      }
    } else if (ins.keyword == "EXPOSE") {
      for (const std::string& word : DockerWords(ins.args, df.escape)) {
        std::string port = word.substr(0, word.find('/'));
        port = port.substr(0, port.find('-'));  // a range: its first port
        if (port.empty() ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          continue;  // $PORT and other values only known at build time
        }
        if (port.size() <= 4 && std::stoi(port) < 1024) {
          sink->Add(rules::kDockerPrivilegedPort, Severity::kError,
                    "Do not EXPOSE privileged port " + std::to_string(std::stoi(port)), file,
                    ins.line);
        }
      }
    } else if (ins.keyword == "RUN") {
      std::string script = ins.args;
      for (const std::string& body : ins.heredocs) script += "\n" + body;
      if (!script.empty() && script[0] == '[') {
        script = Join(DockerWords(ins.args, df.escape), " ");
      }
      if (AptGetInstallWithoutYes(script)) {
        sink->Add(rules::kDockerAptGetYes, Severity::kWarning,
                  "Use apt-get install -y so the build never waits for confirmation", file,
                  ins.line);
      }
    }
  }
}

void CheckDocker(const RepoSnapshot& repo, const CheckOptions&, std::vector<report::Finding>* out) {
  FindingSink sink(checks::kDocker, out);
  bool any = false;
  for (const FileEntry& e : repo.inventory.entries) {
    if (!IsDockerfile(e)) continue;
    any = true;
    auto text = repo.ReadFile(e.path, kMaxCheckedFileBytes);
    if (!text.ok()) {
      sink.Add(rules::kDockerUnreadable, Severity::kError,
               "Cannot read " + EscapeInvalidUtf8(e.path) + ": " + text.status().message(), e.path);
      continue;
    }
    CheckDockerfile(ParseDockerfile(*text), e.path, &sink);
  }
  if (!any) sink.Add(rules::kDockerNone, Severity::kInfo, "No Dockerfiles found");
}

}  // namespace golden::portfolio
