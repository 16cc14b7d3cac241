#include "engine/scan_engine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "content/file_type.h"
#include "content/nul_stripping_stream.h"
#include "content/reader_registry.h"
#include "detect/path_secrets.h"

namespace cg {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;
constexpr size_t kBatch = 16;

// A suspected decompression bomb hides whatever it holds and stalls tools that open it: a
// finding of its own, besides the error that says where reading stopped.
Finding BombFinding(const Origin& origin, const std::string& why) {
  Finding f;
  f.rule = "content.decompression-bomb";
  f.category = "policy";
  f.severity = Severity::kMedium;
  f.confidence = 0.9;
  f.origin = origin;
  f.message = "suspected decompression bomb: its content could not be checked (" + why + ")";
  return f;
}

// Types whose documents are text (read by a text reader or the text analysis).
bool IsText(FileType t) {
  return t == FileType::kText || t == FileType::kJson || t == FileType::kFhir || t == FileType::kOdm || t == FileType::kNotebook || t == FileType::kHtml ||
         t == FileType::kVcf;
}

// A secret in a notebook output is found twice: in the raw text (with the file's line) and in
// the output the reader emitted (cell[N]). The raw finding is kept.
void DropSecretsFoundTwice(const Origin& raw, size_t first, std::vector<Finding>& findings) {
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = first; i < findings.size(); ++i)
    if (findings[i].category == "secret" && findings[i].origin.member == raw.member)
      seen.emplace(findings[i].rule, findings[i].masked);
  auto twice = [&](const Finding& f) {
    return f.category == "secret" && f.origin.member != raw.member && seen.count({f.rule, f.masked});
  };
  findings.erase(std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(first), findings.end(), twice),
                 findings.end());
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

const SecretDetector* FindSecretDetector(const std::vector<const TextDetector*>& detectors) {
  for (const TextDetector* d : detectors)
    if (const auto* s = dynamic_cast<const SecretDetector*>(d)) return s;
  return nullptr;
}

}  // namespace

ScanEngine::ScanEngine(const RuleSet& rules, std::vector<const TextDetector*> text_detectors, ScanOptions options)
    : rules_(rules),
      options_(std::move(options)),
      secrets_(FindSecretDetector(text_detectors)),
      analyzer_(rules, std::move(text_detectors)) {
  options_.limits.max_held_bytes = options_.max_file_size;
}

void ScanEngine::MaskSecrets(ResultCollector* r) const {
  if (secrets_) cg::MaskSecrets(*secrets_, r);
}

std::vector<Finding> ScanEngine::SecretsInPaths(const std::vector<const Origin*>& paths) const {
  std::vector<Finding> out;
  if (!secrets_) return out;
  std::set<std::pair<std::string, std::string>> seen;  // (rule, masked folder or file): once each
  for (const Origin* origin : paths)
    for (Finding& f : SecretsInPath(*secrets_, *origin))
      if (seen.emplace(f.rule, f.origin.path).second) out.push_back(std::move(f));
  return out;
}

void ScanEngine::ProcessDocument(Document& doc, ContentBudget& budget, ResultCollector& out) const {
  if (secrets_ && doc.depth() > 0 && !doc.origin().member.empty())
    for (Finding& f : SecretsInMember(*secrets_, doc.origin())) out.findings.push_back(std::move(f));
  if (doc.table()) {
    analyzer_.AnalyzeTable(*doc.table(), doc.origin(), options_.analyze, out);
    return;
  }
  auto head = doc.Peek(kSniffBytes);
  if (!head.ok()) {
    out.Error(doc.origin(), head.status().message());
    return;
  }
  const FileType type = SniffFileType(*head, doc.name());
  if (type == FileType::kGitLfsPointer) {
    out.Skip(doc.origin(), "Git LFS pointer: the content is stored outside git and was not scanned");
    return;
  }
  if (IsText(type) && head->find('\0') != std::string_view::npos) {
    // Stray NULs in text: read it without them (same origin, same depth: the same document).
    Document stripped(doc.origin(), doc.name(), std::make_unique<NulStrippingStream>(doc), doc.depth());
    ProcessDocument(stripped, budget, out);
    return;
  }
  if (ContentReader* reader = FindReader(type)) {
    if (doc.depth() >= options_.limits.max_depth) {
      out.Error(doc.origin(), std::string(FileTypeName(type)) + " nested deeper than " +
                                  std::to_string(options_.limits.max_depth) + " levels: not opened");
      return;
    }
    if (!IsText(type)) {
      Expand(*reader, doc, budget, out);
      return;
    }
    // JSON, notebooks, HTML, VCF: the raw text is searched for secrets as the reader reads it.
    auto tee = std::make_unique<RawTextScan>(analyzer_, doc, doc.origin(), options_.limits.max_line_length, out);
    RawTextScan* raw = tee.get();
    Document teed(doc.origin(), doc.name(), std::move(tee), doc.depth());
    const size_t first = out.findings.size(), errors = out.errors.size();
    Expand(*reader, teed, budget, out);
    Status rest = raw->Finish();
    if (!rest.ok() && out.errors.size() == errors) out.Error(doc.origin(), rest.message());
    DropSecretsFoundTwice(doc.origin(), first, out.findings);
    return;
  }
  if (type == FileType::kUnknownBinary) {
    if (NamedAsText(doc.name())) {
      // A .csv or .json that is not text cannot be read: an error (exit 3), never a clean pass.
      out.Error(doc.origin(), "named as text but its content is binary: not read");
      return;
    }
    ++out.stats.skipped;  // counted, not listed: binaries are the common case
    return;
  }
  AnalyzeOptions ao = options_.analyze;
  ao.max_line_length = options_.limits.max_line_length;
  Status st = analyzer_.AnalyzeText(doc, ao, out);
  if (!st.ok()) out.Error(doc.origin(), st.message());
}

void ScanEngine::Expand(ContentReader& reader, Document& doc, ContentBudget& budget, ResultCollector& out) const {
  Status st = reader.Expand(doc, options_.limits, budget, [&](Document& child) {
    ProcessDocument(child, budget, out);
    return Status::Ok();
  });
  if (!st.ok()) out.Error(doc.origin(), std::string(reader.name()) + ": " + st.message());
  if (budget.bomb_suspected && !budget.bomb_reported) {
    budget.bomb_reported = true;
    out.findings.push_back(BombFinding(doc.origin(), st.message()));
  }
}

void ScanEngine::ProcessItem(ItemReader& reader, const Item& item, bool blobs, ResultCollector& out) const {
  auto stream = reader.Open(item);
  if (!stream.ok()) {
    out.Error(item.origin, stream.status().message());
    return;
  }
  (blobs ? out.stats.blobs : out.stats.files)++;
  std::unique_ptr<ByteStream> s = std::move(*stream);
  const int64_t size = s->SizeHint();
  if (size >= 0) out.stats.bytes += static_cast<uint64_t>(size);
  // Read whole, whatever its size: text streams through the detectors and containers through
  // their readers; --max-file-size (ContentLimits::max_held_bytes) bounds only what a reader
  // must hold in memory, and a reader that refuses says so with an error.
  Document doc(item.origin, BaseName(item.origin.path), std::move(s), 0);
  ContentBudget budget;
  ProcessDocument(doc, budget, out);
}

ScanResult ScanEngine::Run(Source& source, const ItemListener& listener) const {
  const auto start = std::chrono::steady_clock::now();
  ScanResult result;
  std::vector<Item> items;
  Status st = source.Enumerate(&items, &result.errors);
  if (!st.ok()) {
    result.enumeration_failed = true;
    result.errors.push_back({Origin{}, st.message()});
    return result;
  }
  {
    std::vector<const Origin*> paths;
    paths.reserve(items.size());
    for (const Item& item : items) paths.push_back(&item.origin);
    result.findings = SecretsInPaths(paths);
  }
  if (listener && !result.findings.empty()) listener(result.findings, {});
  items.erase(std::remove_if(items.begin(), items.end(), [](const Item& i) { return i.listed_only; }), items.end());
  if (options_.progress) {
    uint64_t bytes = 0;
    for (const auto& item : items) bytes += item.size > 0 ? static_cast<uint64_t>(item.size) : 0;
    options_.progress->Listed(items.size(), bytes);
  }
  int threads = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, std::min<int>(threads, static_cast<int>((items.size() + kBatch - 1) / kBatch)));
  std::atomic<size_t> next{0};
  std::mutex mu;
  const bool blobs = source.items_are_blobs();

  auto worker = [&]() {
    ResultCollector local;
    auto reader = source.NewReader();
    if (!reader.ok()) {
      std::lock_guard<std::mutex> lock(mu);
      result.errors.push_back({Origin{}, reader.status().message()});
      return;
    }
    for (;;) {
      size_t begin = next.fetch_add(kBatch);
      if (begin >= items.size()) break;
      size_t end = std::min(items.size(), begin + kBatch);
      for (size_t i = begin; i < end; ++i) {
        size_t before = local.findings.size();
        size_t markers_before = local.allow_markers.size();
        ProcessItem(**reader, items[i], blobs, local);
        if (options_.record_scanned) local.scanned.push_back(items[i].origin);
        if (options_.progress) options_.progress->ItemDone(items[i].size > 0 ? static_cast<uint64_t>(items[i].size) : 0);
        if (listener && local.findings.size() > before) {
          std::vector<Finding> item_findings(local.findings.begin() + static_cast<std::ptrdiff_t>(before),
                                             local.findings.end());
          std::vector<AllowMarker> item_markers(local.allow_markers.begin() + static_cast<std::ptrdiff_t>(markers_before),
                                                local.allow_markers.end());
          if (secrets_) cg::MaskSecrets(*secrets_, &item_findings);
          std::lock_guard<std::mutex> lock(mu);
          listener(item_findings, item_markers);
        }
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    result.Merge(std::move(local));
  };
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  std::vector<Finding>& f = result.findings;
  Status fin = source.Finish(result.ReportedOrigins(), &result.errors);
  if (!fin.ok()) result.errors.push_back({Origin{}, fin.message()});
  if (secrets_) {
    const std::vector<Origin> names = source.TakeNames();
    std::vector<const Origin*> paths;
    paths.reserve(names.size());
    for (const Origin& o : names) paths.push_back(&o);
    for (Finding& found : SecretsInPaths(paths)) f.push_back(std::move(found));
  }
  MaskSecrets(&result);
  result.Sort();
  result.stats.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace cg
