#include "checkpoint/files_hash.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

#include "base/fs.h"
#include "base/hash.h"
#include "base/strings.h"

namespace golden::checkpoint {

namespace {

// Files up to this size are hashed from memory; larger ones are streamed twice.
constexpr uint64_t kInMemoryBytes = 16 << 20;
constexpr size_t kChunkBytes = 1 << 20;

// Feeds `chunk` to `sha` with CRLF and lone CR turned into LF. `*pending_cr` carries a CR at
// the end of one chunk over to the next, where an LF may complete it. Returns the number of
// bytes fed.
uint64_t FeedNormalised(StreamingDigest* sha, std::string_view chunk, bool* pending_cr) {
  uint64_t fed = 0;
  size_t i = 0;
  if (*pending_cr) {
    *pending_cr = false;
    sha->Update("\n");
    ++fed;
    if (!chunk.empty() && chunk[0] == '\n') i = 1;  // the LF of a CRLF split across chunks
  }
  while (i < chunk.size()) {
    size_t cr = chunk.find('\r', i);
    size_t end = cr == std::string_view::npos ? chunk.size() : cr;
    sha->Update(chunk.substr(i, end - i));
    fed += end - i;
    if (cr == std::string_view::npos) break;
    if (cr + 1 == chunk.size()) {
      *pending_cr = true;
      break;
    }
    sha->Update("\n");
    ++fed;
    i = cr + (chunk[cr + 1] == '\n' ? 2 : 1);
  }
  return fed;
}

// The normalised length of `chunk` (CRLF counts once), with the same carry as FeedNormalised.
uint64_t NormalisedLength(std::string_view chunk, bool* pending_cr) {
  uint64_t n = chunk.size();
  if (*pending_cr && !chunk.empty() && chunk[0] == '\n') --n;
  for (size_t cr = chunk.find('\r'); cr != std::string_view::npos; cr = chunk.find('\r', cr + 1)) {
    if (cr + 1 < chunk.size() && chunk[cr + 1] == '\n') --n;
  }
  *pending_cr = !chunk.empty() && chunk.back() == '\r';
  return n;
}

std::string BlobHeader(uint64_t size) {
  return "blob " + std::to_string(size) + std::string(1, '\0');
}

// Reads the whole file in chunks, calling `fn` on each.
template <typename Fn>
Status ForEachChunk(int fd, const fs::path& path, Fn fn) {
  if (::lseek(fd, 0, SEEK_SET) != 0) return IoError(ErrnoMessage(errno));
  std::string buf(kChunkBytes, '\0');
  while (true) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("cannot read " + DisplayPath(path) + ": " + ErrnoMessage(errno));
    }
    if (n == 0) return Status::Ok();
    fn(std::string_view(buf.data(), static_cast<size_t>(n)));
  }
}

std::string HashOneFile(const portfolio::RepoSnapshot& snap, const portfolio::FileEntry& e) {
  auto text = snap.ReadFile(e.path, kInMemoryBytes);
  if (text.ok()) return NormalisedBlobId(*text);
  if (text.status().code() == StatusCode::kLimitExceeded) {
    // ReadRepoFile has vetted symlinks before refusing the size.
    auto streamed = NormalisedBlobIdOfFile(snap.ref.dir / e.path);
    if (streamed.ok()) return *streamed;
    return "unreadable: " + streamed.status().message();
  }
  return "unreadable: " + text.status().message();
}

}  // namespace

std::string NormalisedBlobId(std::string_view content) {
  bool pending = false;
  uint64_t size = NormalisedLength(content, &pending);
  StreamingDigest sha(StreamingDigest::Algorithm::kSha1);
  sha.Update(BlobHeader(size));
  pending = false;
  FeedNormalised(&sha, content, &pending);
  if (pending) sha.Update("\n");
  return sha.HexDigest();
}

Result<std::string> NormalisedBlobIdOfFile(const fs::path& path) {
  UniqueFd f(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (!f) return IoError("cannot read " + DisplayPath(path) + ": " + ErrnoMessage(errno));
  struct stat st;
  if (::fstat(f.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return IoError("cannot read " + DisplayPath(path) + ": not a regular file");
  }
  // Git's header needs the length first: one pass to count, one to hash.
  uint64_t size = 0;
  bool pending = false;
  GOLDEN_RETURN_IF_ERROR(ForEachChunk(
      f.get(), path, [&](std::string_view chunk) { size += NormalisedLength(chunk, &pending); }));
  StreamingDigest sha(StreamingDigest::Algorithm::kSha1);
  sha.Update(BlobHeader(size));
  uint64_t fed = 0;
  pending = false;
  GOLDEN_RETURN_IF_ERROR(ForEachChunk(f.get(), path, [&](std::string_view chunk) {
    fed += FeedNormalised(&sha, chunk, &pending);
  }));
  if (pending) {
    sha.Update("\n");
    ++fed;
  }
  if (fed != size) return IoError(DisplayPath(path) + " changed while it was being read");
  return sha.HexDigest();
}

std::string FilesHash(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string text;
  for (const auto& [path, hash] : files) {
    text += path;
    text.push_back('\0');
    text += hash;
    text.push_back('\n');
  }
  return Sha256Hex(text).substr(0, 16);
}

std::vector<std::pair<std::string, std::string>> HashRepoFiles(
    const portfolio::RepoSnapshot& snapshot, const FileSet& set, const HashSources& sources,
    HashCounts* counts) {
  struct Pending {
    const portfolio::FileEntry* entry;
    std::string key;  // checkpoints are JSON: names that are not UTF-8 get \xNN escapes
    bool in_memory;   // the checks read it already: hashed from memory, the cheapest
    const std::string* recorded = nullptr;  // its hash in the previous checkpoint
  };
  std::vector<Pending> files;
  size_t git_candidates = 0;
  for (const portfolio::FileEntry* e : set.Select(snapshot.inventory)) {
    Pending p{e, EscapeInvalidUtf8(e->path), snapshot.AlreadyRead(e->path).has_value()};
    if (!p.in_memory && sources.git != nullptr && sources.previous != nullptr && !e->symlink) {
      const auto& prev = sources.previous->files;
      auto it = std::lower_bound(prev.begin(), prev.end(), p.key,
                                 [](const auto& f, const std::string& k) { return f.first < k; });
      if (it != prev.end() && it->first == p.key) {
        p.recorded = &it->second;
        ++git_candidates;
      }
    }
    files.push_back(std::move(p));
  }
  // Opening an index reads and parses all of it (as many system calls as reading one small
  // file, plus an entry per tracked file), so it only pays when it can spare several reads.
  std::unique_ptr<GitIndex> index;
  if (git_candidates >= kGitMinFiles) index = GitIndex::Open(*sources.git, snapshot.ref.dir);

  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(files.size());
  for (Pending& p : files) {
    std::string hash;
    if (index != nullptr && p.recorded != nullptr) {
      std::optional<std::string> blob = index->CleanBlobId(p.entry->path);
      if (blob && *blob == *p.recorded) hash = std::move(*blob);
    }
    if (!hash.empty()) {
      if (counts) ++counts->from_git;
    } else {
      if (counts) ++(p.in_memory ? counts->in_memory : counts->read);
      hash = HashOneFile(snapshot, *p.entry);
    }
    out.emplace_back(std::move(p.key), std::move(hash));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace golden::checkpoint
