#include "source/git_handle.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace cg {

void EnsureLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // libgit2 1.5 refuses to open SHA-256 repositories at all. Accepting the extension lets it
    // read their config, remotes and ignore rules; OpenRepository() still refuses them for
    // objects, refs and the index, which the git binary reads instead (git_command.h).
    const char* extensions[] = {"objectformat"};
    git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, size_t{1});
  });
}

}  // namespace cg

namespace cg::git {

namespace {
std::atomic<bool> g_open_from_environment{false};
}  // namespace

void EnsureInitialized() {
  EnsureLibgit2();
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // libgit2 maps up to 8 GiB of pack windows and caches 256 MiB of objects by default; a
    // whole-history walk of a 500 MB pack would keep all of it resident (peak RSS > 1 GB).
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t{32} << 20);  // default 1 GiB: one window = whole pack
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t{128} << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, ssize_t{128} << 20);
  });
}

Status GitStatus(int rc, std::string_view what) {
  const git_error* e = git_error_last();
  std::string msg(what);
  msg += ": ";
  msg += (e && e->message) ? e->message : ("libgit2 error " + std::to_string(rc));
  if (rc == GIT_ENOTFOUND) return Status::NotFound(std::move(msg));
  return Status::IoError(std::move(msg));
}

std::string& IndexFile() {
  static std::string file;
  return file;
}

void OpenRepositoriesFromEnvironment() {
  if (const char* f = std::getenv("GIT_INDEX_FILE")) {
    IndexFile() = f;
    unsetenv("GIT_INDEX_FILE");
  }
  g_open_from_environment = true;
}
bool OpeningRepositoriesFromEnvironment() { return g_open_from_environment.load(); }
const std::string& IndexFileFromEnvironment() { return IndexFile(); }

Expected<Index> OpenIndex(git_repository* repo, const std::string& repo_path) {
  git_index* raw = nullptr;
  const std::string& file = IndexFile();
  int rc = g_open_from_environment && !file.empty() ? git_index_open(&raw, file.c_str())
                                                     : git_repository_index(&raw, repo);
  if (rc != 0) return GitStatus(rc, "cannot read the index of " + repo_path);
  return Index(raw);
}

Expected<Repository> OpenRepository(const std::string& path) {
  auto repo = OpenRepositorySettings(path);
  if (!repo.ok()) return repo;
  if (IsSha256(repo->get()))
    return Status::Unsupported("cannot read " + path + " with libgit2: it is a SHA-256 repository (libgit2 1.5 reads SHA-1 objects only)");
  return repo;
}

bool IsSha256(git_repository* repo) {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo) != 0) return false;
  GitConfig config(raw);
  const char* v = nullptr;
  return git_config_get_string(&v, config.get(), "extensions.objectformat") == 0 && v && std::string_view(v) != "sha1";
}

bool IsSha256Repository(const std::string& path) {
  auto repo = OpenRepositorySettings(path);
  return repo.ok() && IsSha256(repo->get());
}

Expected<Repository> OpenRepositorySettings(const std::string& path) {
  EnsureInitialized();
  git_repository* raw = nullptr;
  int flags = g_open_from_environment.load() ? GIT_REPOSITORY_OPEN_FROM_ENV : 0;
  int rc = git_repository_open_ext(&raw, path.c_str(), flags, nullptr);
  if (rc != 0) {
    Status s = GitStatus(rc, "cannot open git repository at " + path);
    if (std::string owner = NotOwnedMessage(path); !owner.empty()) return Status::IoError(owner);
    return s;
  }
  return Repository(raw);
}

std::string NotOwnedMessage(const std::string& path) {
  git_buf found = GIT_BUF_INIT;
  if (git_repository_discover(&found, path.c_str(), 0, nullptr) != 0) return "";
  std::filesystem::path git_dir = std::filesystem::path(found.ptr).lexically_normal();
  git_buf_dispose(&found);
  if (git_dir.filename().empty()) git_dir = git_dir.parent_path();
  // git wants the work tree's top (the git folder for a bare repository), absolute.
  std::filesystem::path top = git_dir.filename() == ".git" ? git_dir.parent_path() : git_dir;
  // libgit2 accepts what the current user or root owns; it checks the git folder and the top.
  struct stat st;
  uid_t owner = 0;
  bool foreign = false;
  for (const auto& p : {top, git_dir}) {
    if (::stat(p.c_str(), &st) == 0 && st.st_uid != ::geteuid() && st.st_uid != 0) {
      foreign = true;
      owner = st.st_uid;
    }
  }
  if (!foreign) return "";
  std::string abs = std::filesystem::absolute(top).lexically_normal().string();
  std::string quoted = "'";
  for (char c : abs) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  return "git refuses to read the repository at " + abs + ": it is owned by another user (uid " +
         std::to_string(owner) + ") than the one running this (uid " + std::to_string(::geteuid()) +
         "), git's safe.directory check; if you trust it, run: git config --global --add safe.directory " + quoted;
}

std::string OidHex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return std::string(buf);
}

bool ParseOid(std::string_view hex, git_oid* out) {
  if (hex.size() != GIT_OID_HEXSZ) return false;
  return git_oid_fromstrn(out, hex.data(), hex.size()) == 0;
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n;
  unsigned min;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) { n = 2; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { n = 3; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { n = 4; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  unsigned cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool NeedsQuoting(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') return true;
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return true;
    i += n;
  }
  return false;
}

}  // namespace

std::string EscapePath(std::string_view raw) {
  if (!NeedsQuoting(raw)) return std::string(raw);
  std::string out = "\"";
  for (unsigned char c : raw) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c >= 0x7F) {
          char buf[5];
          std::snprintf(buf, sizeof buf, "\\%03o", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace cg::git
