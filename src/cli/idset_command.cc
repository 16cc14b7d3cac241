// cohortguard idset build | info: custodian-side id sets for leak attribution (detect/id_set.h).
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/command.h"
#include "detect/id_set.h"

namespace cg {
namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "cohortguard idset build --ids FILE --key-file KEY --label LABEL -o OUT.cgid\n"
    "cohortguard idset info FILE.cgid\n\n"
    "build: hashes one participant id per line of FILE (blank lines ignored; surrounding blanks\n"
    "and quotes trimmed) with HMAC-SHA256 under the key in KEY, keeps 64 bits of each, and\n"
    "writes a sorted set labelled LABEL (e.g. the application id). The ids cannot be recovered\n"
    "from the set without the key. Give the set and the key to 'scan'/'sweep --idset FILE\n"
    "--idset-key KEY'. info: prints the label and the number of ids (never an id).";

struct BuildOptions {
  std::string ids_path, key_path, label, output;
};

po::options_description Describe(BuildOptions& o) {
  po::options_description d("cohortguard idset build");
  d.add_options()("help,h", "show this help")
      ("ids", po::value(&o.ids_path)->value_name("FILE"), "participant ids, one a line")
      ("key-file", po::value(&o.key_path)->value_name("FILE"), "secret key file (at least 16 bytes; e.g. openssl rand -hex 32)")
      ("label", po::value(&o.label)->value_name("LABEL"), "what the set names in findings, e.g. APP12345")
      ("output,o", po::value(&o.output)->value_name("FILE"), "the set file to write (.cgid)");
  return d;
}

int Build(const std::vector<std::string>& args) {
  BuildOptions o;
  po::options_description d = Describe(o);
  auto& [ids_path, key_path, label, output] = o;
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(d).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(std::string("idset build: ") + e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n\n" << d << "\n";
    return kExitClean;
  }
  if (ids_path.empty() || key_path.empty() || label.empty() || output.empty())
    return UsageError("idset build: --ids, --key-file, --label and --output are all required");
  auto key = ReadIdSetKey(key_path);
  if (!key.ok()) return UsageError("idset build: " + key.status().message());
  std::ifstream in(ids_path, std::ios::binary);
  if (!in) return UsageError("idset build: cannot read --ids " + ids_path);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) ids.push_back(std::move(line));
  if (in.bad()) return UsageError("idset build: error reading --ids " + ids_path);
  auto set = IdSet::Build(label, *key, ids);
  if (!set.ok()) return UsageError("idset build: " + set.status().message());
  if (set->size() == 0) return UsageError("idset build: " + ids_path + " holds no ids");
  Status st = set->Save(output);
  if (!st.ok()) {
    std::cerr << "cohortguard: idset build: " << st.message() << "\n";
    return kExitIncomplete;
  }
  std::cerr << "cohortguard: wrote " << output << ": " << GroupThousands(set->size()) << " distinct ids of "
            << set->label() << "\n";
  return kExitClean;
}

int Info(const std::vector<std::string>& args) {
  if (args.size() != 1) return UsageError("idset info: give exactly one .cgid file");
  auto set = IdSet::Read(args[0]);  // no key needed for the label and the size
  if (!set.ok()) return UsageError("idset info: " + set.status().message());
  std::cout << "label: " << set->label() << "\nids: " << set->size() << "\n";
  return kExitClean;
}

}  // namespace

po::options_description IdsetOptionsDescription() {
  static BuildOptions unused;  // the description binds to it; never parsed into
  return Describe(unused);
}

int RunIdsetCommand(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage << "\n";
    return args.empty() ? kExitUsage : kExitClean;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "build") return Build(rest);
  if (args[0] == "info") return Info(rest);
  return UsageError("idset: unknown subcommand '" + args[0] + "' (build or info)");
}

}  // namespace cg
