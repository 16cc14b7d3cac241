// The deployment files under packaging/ (Kubernetes CronJobs, Slurm array, systemd units) run as
// written: the manifests carry what the Job API requires and what the README promises (non-root,
// optional secrets, a reports folder created, a state database per shard), and their shell steps
// are run here for real against a farm of mirrors, with the paths moved into a temporary folder.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "e2e/mirror_farm.h"
#include "support/test_support.h"

namespace cg {
namespace {

using json = nlohmann::json;
using testing::Cohortguard;
using testing::MirrorFarm;
using testing::RunResult;
using testing::Slurp;
using testing::TempDir;

std::string Source(const std::string& relative) { return std::string(COHORTGUARD_SOURCE_DIR) + "/" + relative; }

// A folder holding `cohortguard` (the binary under test), to put first in PATH.
std::string BinDir(const TempDir& dir) {
  std::filesystem::create_directories(dir.path() / "bin");
  std::filesystem::create_symlink(COHORTGUARD_BINARY, dir.path() / "bin/cohortguard");
  return (dir.path() / "bin").string();
}

std::string Path(const std::string& bin) { return "PATH=" + bin + ":" + std::getenv("PATH"); }

// `text` with each of the absolute `paths` (longest first never matters: none is a prefix of
// another) replaced where it starts a path, in one pass.
std::string MovePaths(const std::string& text, const std::map<std::string, std::string>& paths) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool moved = false;
    for (const auto& [from, to] : paths)
      if (text.compare(i, from.size(), from) == 0 && (i == 0 || (text[i - 1] != '/' && !std::isalnum(text[i - 1])))) {
        out += to;
        i += from.size();
        moved = true;
        break;
      }
    if (!moved) out += text[i++];
  }
  return out;
}

json Findings(const std::string& report) { return json::parse(report)["findings"]; }

std::vector<YAML::Node> CronJobs() { return YAML::LoadAllFromFile(Source("packaging/k8s/sweep-cronjob.yaml")); }

YAML::Node PodSpec(const YAML::Node& cronjob) { return cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]; }

std::string Script(const YAML::Node& container) {
  EXPECT_EQ(container["command"][0].as<std::string>(), "/bin/sh");
  EXPECT_EQ(container["command"][1].as<std::string>(), "-c");
  return container["args"][0].as<std::string>();
}

TEST(Deployment, KubernetesCronJobsHaveWhatTheJobApiRequires) {
  auto docs = CronJobs();
  ASSERT_EQ(docs.size(), 2u);
  std::set<std::string> names;
  for (const YAML::Node& d : docs) {
    const std::string name = d["metadata"]["name"].as<std::string>("");
    SCOPED_TRACE(name);
    names.insert(name);
    EXPECT_EQ(d["apiVersion"].as<std::string>(""), "batch/v1");
    EXPECT_EQ(d["kind"].as<std::string>(""), "CronJob");
    std::istringstream schedule(d["spec"]["schedule"].as<std::string>(""));
    int fields = 0;
    for (std::string f; schedule >> f;) ++fields;
    EXPECT_EQ(fields, 5) << "a cron schedule has five fields";
    const YAML::Node job = d["spec"]["jobTemplate"]["spec"];
    const YAML::Node pod = PodSpec(d);
    ASSERT_TRUE(pod.IsMap());
    // A Job's pods must not restart Always (the API rejects it).
    const std::string restart = pod["restartPolicy"].as<std::string>("");
    EXPECT_TRUE(restart == "OnFailure" || restart == "Never") << restart;
    EXPECT_TRUE(pod["securityContext"]["runAsNonRoot"].as<bool>(false));
    EXPECT_GT(pod["securityContext"]["runAsUser"].as<int>(0), 0);
    std::map<std::string, YAML::Node> volumes;
    for (const YAML::Node& v : pod["volumes"]) {
      volumes[v["name"].as<std::string>()] = v;
      int sources = 0;
      for (const char* s : {"persistentVolumeClaim", "emptyDir", "secret", "configMap"}) sources += v[s].IsDefined();
      EXPECT_EQ(sources, 1) << v["name"].as<std::string>() << " has one source";
      if (v["secret"]) {
        EXPECT_TRUE(v["secret"]["optional"].as<bool>(false)) << "a missing Secret must not stop the pod";
      }
    }
    ASSERT_TRUE(pod["containers"].IsSequence());
    ASSERT_GE(pod["containers"].size(), 1u);
    for (const YAML::Node& c : pod["containers"]) {
      EXPECT_FALSE(c["name"].as<std::string>("").empty());
      EXPECT_FALSE(c["image"].as<std::string>("").empty());
      for (const YAML::Node& m : c["volumeMounts"]) {
        const std::string v = m["name"].as<std::string>();
        ASSERT_TRUE(volumes.count(v)) << "mount of undeclared volume " << v;
        EXPECT_EQ(m["mountPath"].as<std::string>("")[0], '/');
      }
      for (const YAML::Node& e : c["env"]) {
        if (e["valueFrom"] && e["valueFrom"]["secretKeyRef"]) {
          EXPECT_TRUE(e["valueFrom"]["secretKeyRef"]["optional"].as<bool>(false));
        }
      }
      if (c["securityContext"] && c["securityContext"]["readOnlyRootFilesystem"].as<bool>(false)) {
        std::set<std::string> mounted;
        for (const YAML::Node& m : c["volumeMounts"]) mounted.insert(m["mountPath"].as<std::string>());
        EXPECT_TRUE(mounted.count("/tmp")) << "a read-only root needs a writable /tmp";
        EXPECT_TRUE(mounted.count(c["env"][0]["value"].as<std::string>(""))) << "HOME is writable (git config)";
      }
      auto syntax = testing::Run({"sh", "-n", "-c", Script(c)});
      EXPECT_EQ(syntax.exit_code, 0) << syntax.err;
    }
    if (job["completionMode"].as<std::string>("") == "Indexed") {
      const int completions = job["completions"].as<int>(0);
      EXPECT_GT(completions, 1);
      EXPECT_LE(job["parallelism"].as<int>(completions), completions);
      std::string count;
      for (const YAML::Node& e : pod["containers"][0]["env"])
        if (e["name"].as<std::string>() == "COHORTGUARD_SHARD_COUNT") count = e["value"].as<std::string>();
      EXPECT_EQ(count, std::to_string(completions)) << "COHORTGUARD_SHARD_COUNT must equal completions";
      // Pods of one Job share one volume list: a read-write claim is shared by every shard, so the
      // databases must not live on it while they are used (the script copies them to local disk).
      for (const YAML::Node& m : pod["containers"][0]["volumeMounts"]) {
        const YAML::Node& v = volumes[m["name"].as<std::string>()];
        if (v["persistentVolumeClaim"] && !m["readOnly"].as<bool>(false)) {
          EXPECT_EQ(Script(pod["containers"][0]).find("--state " + m["mountPath"].as<std::string>()), std::string::npos);
        }
      }
    }
  }
  EXPECT_EQ(names, (std::set<std::string>{"cohortguard-mirror", "cohortguard-sweep"}));
}

TEST(Deployment, KubernetesSweepShardsRunAsWrittenAndMergeToOneMachinesFindings) {
  MirrorFarm farm;
  TempDir dir;
  const std::string bin = BinDir(dir);
  auto single = Cohortguard({"sweep", farm.Mirrors(), "--state", dir.str() + "/single.sqlite", "--format", "json",
                             "--fail-on", "never"});
  ASSERT_EQ(single.exit_code, 0) << single.err;
  const YAML::Node sweep = PodSpec(CronJobs()[1])["containers"][0];
  const std::string script = MovePaths(Script(sweep), {{"/mirrors", farm.Mirrors()},
                                                       {"/state", dir.str() + "/state"},
                                                       {"/work", dir.str() + "/work"},
                                                       {"/idsets", dir.str() + "/idsets"},
                                                       {"/home/cohortguard", dir.str() + "/home"}});
  for (int night = 0; night < 2; ++night) {
    std::vector<std::string> reports;
    for (int k = 0; k < 4; ++k) {
      std::filesystem::remove_all(dir.path() / "work");  // a new pod: empty local disk
      std::filesystem::create_directories(dir.path() / "work");
      std::filesystem::create_directories(dir.path() / "home");
      auto r = testing::Run({"env", Path(bin), "HOME=" + dir.str() + "/home", "JOB_COMPLETION_INDEX=" + std::to_string(k),
                             "COHORTGUARD_SHARD_COUNT=4", "sh", "-c", script});
      ASSERT_EQ(r.exit_code, 0) << "shard " << k << ": " << r.err;
      // safe.directory goes to the pod's HOME, whatever GIT_CONFIG_GLOBAL says (here /dev/null).
      EXPECT_TRUE(std::filesystem::exists(dir.path() / "home/.gitconfig"));
      ASSERT_TRUE(std::filesystem::is_character_file("/dev/null"));
      EXPECT_TRUE(std::filesystem::exists(dir.path() / ("state/shard-" + std::to_string(k) + ".sqlite")));
      reports.push_back(dir.str() + "/state/reports/shard-" + std::to_string(k) + ".json");
    }
    std::vector<std::string> merge{"report", "merge"};
    merge.insert(merge.end(), reports.begin(), reports.end());
    auto merged = Cohortguard(merge);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    if (night == 0) {
      EXPECT_EQ(Findings(merged.out), Findings(single.out));
    } else {
      EXPECT_TRUE(Findings(merged.out).empty()) << "the second night has nothing new: the states were kept";
    }
  }
}

TEST(Deployment, SlurmArrayRunsAsWrittenAndMergesToOneMachinesFindings) {
  MirrorFarm farm;
  TempDir dir;
  const std::string bin = BinDir(dir);
  auto single = Cohortguard({"sweep", farm.Mirrors(), "--state", dir.str() + "/single.sqlite", "--format", "json",
                             "--fail-on", "never"});
  ASSERT_EQ(single.exit_code, 0) << single.err;
  auto syntax = testing::Run({"bash", "-n", Source("packaging/slurm/sweep.sbatch")});
  ASSERT_EQ(syntax.exit_code, 0) << syntax.err;
  std::vector<std::string> merge{"report", "merge"};
  for (int task = 1; task <= 3; ++task) {  // --array=1-3
    auto r = testing::Run({"env", Path(bin), "SLURM_ARRAY_TASK_ID=" + std::to_string(task), "SLURM_ARRAY_TASK_MIN=1",
                           "SLURM_ARRAY_TASK_COUNT=3", "SLURM_CPUS_PER_TASK=1", "bash",
                           Source("packaging/slurm/sweep.sbatch"), farm.Mirrors(), dir.str() + "/scratch"});
    ASSERT_EQ(r.exit_code, 0) << "task " << task << ": " << r.err;
    merge.push_back(dir.str() + "/scratch/reports/shard-" + std::to_string(task - 1) + ".json");
  }
  auto merged = Cohortguard(merge);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(Findings(merged.out), Findings(single.out));
}

// ExecStart= lines of a unit, as the shell would get them (systemd turns %% into %).
std::vector<std::string> ExecStarts(const std::string& unit) {
  std::vector<std::string> out;
  std::istringstream in(unit);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("ExecStart=/bin/sh -c '", 0) != 0) continue;
    std::string cmd = line.substr(std::string("ExecStart=/bin/sh -c '").size());
    EXPECT_EQ(cmd.back(), '\'');
    cmd.pop_back();
    for (size_t p; (p = cmd.find("%%")) != std::string::npos;) cmd.replace(p, 2, "%");
    out.push_back(cmd);
  }
  return out;
}

TEST(Deployment, SystemdUnitsVerifyAndTheirStepsRunAsWritten) {
  const std::string service = Source("packaging/systemd/cohortguard-sweep.service");
  const std::string timer = Source("packaging/systemd/cohortguard-sweep.timer");
  auto analyze = testing::Run({"sh", "-c", "command -v systemd-analyze"});
  if (analyze.exit_code == 0) {
    TempDir units;  // verify wants the timer's unit beside it
    std::filesystem::copy_file(service, units.path() / "cohortguard-sweep.service");
    std::filesystem::copy_file(timer, units.path() / "cohortguard-sweep.timer");
    auto v = testing::Run({"systemd-analyze", "verify", "--man=no", (units.path() / "cohortguard-sweep.service").string(),
                           (units.path() / "cohortguard-sweep.timer").string()});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_EQ(v.err.find("cohortguard-sweep"), std::string::npos) << v.err;
  }
  MirrorFarm farm;
  TempDir dir;
  const std::string bin = BinDir(dir);
  const auto steps = ExecStarts(Slurp(service));
  ASSERT_EQ(steps.size(), 2u);
  for (const std::string& step : steps) {
    auto r = testing::Run({"env", Path(bin), "MIRRORS=" + farm.Mirrors(), "REPORTS=" + dir.str(), "sh", "-c", step});
    EXPECT_LE(r.exit_code, 1) << step << ": " << r.err;  // SuccessExitStatus=1
  }
  int reports = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    if (e.path().extension() == ".jsonl") {
      ++reports;
      std::istringstream in(Slurp(e.path().string()));
      int findings = 0;
      for (std::string line; std::getline(in, line);) findings += !json::parse(line)["rule"].is_null();
      EXPECT_EQ(findings, 2) << "the leak in alpha and in its fork";
    }
  EXPECT_EQ(reports, 1);
}

}  // namespace
}  // namespace cg
