#include "support/test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>

namespace cg::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "cohortguard-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(const std::string& relative, const std::string& content) const {
  fs::path p = path_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
  return p;
}

RunResult Run(const std::vector<std::string>& argv, const std::string& cwd, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  RunResult r;
  size_t written = 0;
  if (input.empty()) { close(in[1]); in[1] = -1; }
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open) {
    pollfd fds[3];
    int n = 0;
    if (out_open) fds[n++] = {out[0], POLLIN, 0};
    if (err_open) fds[n++] = {err[0], POLLIN, 0};
    if (in[1] >= 0) fds[n++] = {in[1], POLLOUT, 0};
    if (poll(fds, n, -1) < 0 && errno != EINTR) break;
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in[1]) {
        ssize_t w = write(in[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 || written == input.size()) { close(in[1]); in[1] = -1; }
        continue;
      }
      ssize_t k = read(fds[i].fd, buf, sizeof buf);
      if (k > 0) (fds[i].fd == out[0] ? r.out : r.err).append(buf, static_cast<size_t>(k));
      else if (k == 0 || errno != EAGAIN) (fds[i].fd == out[0] ? out_open : err_open) = false;
    }
  }
  if (in[1] >= 0) close(in[1]);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

RunResult Cohortguard(const std::vector<std::string>& args, const std::string& cwd, const std::string& input) {
  std::vector<std::string> argv{COHORTGUARD_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, cwd, input);
}

RunResult Git(const std::vector<std::string>& args, const std::string& cwd) {
  static const bool env_set = [] {
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    setenv("GIT_AUTHOR_NAME", "Test", 1);
    setenv("GIT_AUTHOR_EMAIL", "test@example.invalid", 1);
    setenv("GIT_COMMITTER_NAME", "Test", 1);
    setenv("GIT_COMMITTER_EMAIL", "test@example.invalid", 1);
    return true;
  }();
  (void)env_set;
  std::vector<std::string> argv{"git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, cwd);
}

std::string UkbExtract(int rows, int fields, unsigned seed, char d) {
  static const int kFields[] = {31, 34, 21022, 53, 50, 21001, 20116, 41270, 6138, 189};
  std::mt19937 rng(seed);
  std::string s = "eid";
  for (int f = 0; f < fields; ++f) s += d + std::to_string(kFields[f % 10]) + "-0." + std::to_string(f / 10);
  s += "\n";
  int eid = 1000000 + static_cast<int>(rng() % 4000000);
  for (int r = 0; r < rows; ++r) {
    eid += 1 + static_cast<int>(rng() % 7);
    s += std::to_string(eid);
    for (int f = 0; f < fields; ++f) s += d + std::to_string(rng() % 100);
    s += "\n";
  }
  return s;
}

std::string RaggedParticipantTable(int rows, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s = "eid,sex,year_of_birth,bmi,diagnosis_date\n";
  for (int r = 0; r < rows; ++r) {
    const std::vector<std::string> cells = {std::to_string(1000000 + rng() % 9000000), std::to_string(rng() % 2),
                                            std::to_string(1936 + rng() % 35),
                                            std::to_string(18 + rng() % 22) + "." + std::to_string(rng() % 10),
                                            "2015-01-" + std::to_string(10 + rng() % 19)};
    const size_t keep = 2 + rng() % 4, stray = rng() % 4;
    for (size_t c = 0; c < keep; ++c) s += (c ? "," : "") + cells[c];
    s += std::string(stray, ',') + "\n";
  }
  return s;
}

std::string GwasSummaryStats(int rows, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s = "SNP\tCHR\tBP\tA1\tA2\tBETA\tSE\tP\tN\n";
  for (int r = 0; r < rows; ++r) {
    s += "rs" + std::to_string(1000 + r * 13) + "\t" + std::to_string(1 + r % 22) + "\t" +
         std::to_string(10000 + r * 977) + "\tA\tG\t0.0" + std::to_string(rng() % 90 + 10) + "\t0.01\t0." +
         std::to_string(rng() % 999) + "\t450000\n";
  }
  return s;
}

std::string StudyRepoWithExtractInHistory(const TempDir& dir) {
  const std::string repo = dir.str() + "/repo";
  Git({"init", "-q", repo}, dir.str());
  dir.Write("repo/analysis.R", "fit <- lm(y ~ x, data = d)\n");
  Git({"add", "."}, repo);
  Git({"commit", "-q", "-m", "code"}, repo);
  std::string base = Git({"rev-parse", "HEAD"}, repo).out;
  dir.Write("repo/data/ukb12345.csv", UkbExtract(300));
  Git({"add", "."}, repo);
  Git({"commit", "-q", "-m", "data"}, repo);
  Git({"rm", "-q", "data/ukb12345.csv"}, repo);
  Git({"commit", "-q", "-m", "removed again"}, repo);
  return base.substr(0, base.find('\n'));
}

}  // namespace cg::testing
