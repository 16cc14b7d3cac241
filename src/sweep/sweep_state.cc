#include "sweep/sweep_state.h"

#include <signal.h>
#include <sqlite3.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <sstream>

#include "policy/fingerprint.h"
#include "sweep/finding_codec.h"

namespace cg {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blobs(id BLOB PRIMARY KEY, has_findings INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blob_findings(id BLOB NOT NULL, seq INTEGER NOT NULL, finding TEXT NOT NULL,
  PRIMARY KEY(id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS repositories(path TEXT PRIMARY KEY, first_swept INTEGER NOT NULL,
  last_swept INTEGER NOT NULL, removed_at INTEGER, blobs INTEGER NOT NULL, network TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS findings(repository TEXT NOT NULL, key TEXT NOT NULL, blob TEXT NOT NULL,
  first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, gone_at INTEGER, finding TEXT NOT NULL,
  delivered_at INTEGER, PRIMARY KEY(repository, key)) WITHOUT ROWID;
)sql";

// Databases written before the outbox have no delivered_at: what they recorded was reported by
// the run that recorded it (or lost with it; nothing can tell which), so it counts as delivered.
constexpr const char* kAddOutbox =
    "ALTER TABLE findings ADD COLUMN delivered_at INTEGER; UPDATE findings SET delivered_at = last_seen;";

// Databases written before sharding by fork network do not know the networks of their
// repositories; the next sweep of each records it.
constexpr const char* kAddNetwork = "ALTER TABLE repositories ADD COLUMN network TEXT;";

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

std::string BlobBytes(const std::string& hex) {
  std::string out;
  out.reserve(hex.size() / 2);
  auto nib = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(nib(hex[i]) << 4 | nib(hex[i + 1])));
  return out;
}

std::string BlobHex(const void* data, int n) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  const auto* p = static_cast<const unsigned char*>(data);
  for (int i = 0; i < n; ++i) {
    out.push_back(kHex[p[i] >> 4]);
    out.push_back(kHex[p[i] & 15]);
  }
  return out;
}

std::string Column(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s, i))) : "";
}

}  // namespace

std::vector<std::string> FindingKeys(const std::vector<Finding>& findings) {
  std::vector<std::string> keys;
  std::map<std::string, int> seen;
  for (const Finding& f : findings) {
    std::string k = f.origin.blob + '\0' + f.rule + '\0' + f.origin.member + '\0' +
                    (f.line ? std::to_string(*f.line) : std::string()) + '\0' + f.category;
    int n = seen[k]++;
    keys.push_back(Sha256Hex(k + '\0' + std::to_string(n), 32));
  }
  return keys;
}

void MaybeInjectFault(const char* point) {
  static std::mutex mu;
  static std::map<std::string, int> hits;
  const char* spec = std::getenv("COHORTGUARD_SWEEP_FAULT");
  if (!spec) return;
  std::string s(spec);
  size_t colon = s.find(':');
  if (colon == std::string::npos || s.substr(0, colon) != point) return;
  std::lock_guard<std::mutex> lock(mu);
  if (++hits[point] == std::atoi(s.c_str() + colon + 1)) raise(SIGKILL);
}

SweepState::~SweepState() {
  sqlite3_finalize(lookup_);
  sqlite3_close_v2(db_);
}

Status SweepState::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Status::IoError("sweep state: " + m);
  }
  return Status::Ok();
}

Expected<std::unique_ptr<SweepState>> SweepState::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<SweepState> state(new SweepState(db));
  if (rc != SQLITE_OK) return Status::IoError("cannot open sweep state " + path + ": " + sqlite3_errmsg(db));
  sqlite3_busy_timeout(db, 60000);
  for (const char* sql : {"PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", kSchema}) {
    Status st = state->Exec(sql);
    if (!st.ok()) return Status::IoError(path + ": " + st.message() + " (not a sweep state database?)");
  }
  sqlite3_stmt* probe = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT delivered_at FROM findings LIMIT 0", -1, &probe, nullptr) != SQLITE_OK) {
    Status st = state->Exec((std::string("BEGIN IMMEDIATE;") + kAddOutbox + "COMMIT;").c_str());
    if (!st.ok()) return Status::IoError(path + ": " + st.message() + " (adding the delivery outbox)");
  }
  sqlite3_finalize(probe);
  probe = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT network FROM repositories LIMIT 0", -1, &probe, nullptr) != SQLITE_OK) {
    Status st = state->Exec((std::string("BEGIN IMMEDIATE;") + kAddNetwork + "COMMIT;").c_str());
    if (!st.ok()) return Status::IoError(path + ": " + st.message() + " (adding the fork network)");
  }
  sqlite3_finalize(probe);
  return state;
}

#define CG_PREPARE(stmt, sql)                                                           \
  Stmt stmt;                                                                            \
  {                                                                                     \
    sqlite3_stmt* raw = nullptr;                                                        \
    if (sqlite3_prepare_v2(db_, sql, -1, &raw, nullptr) != SQLITE_OK)                   \
      return Status::IoError(std::string("sweep state: ") + sqlite3_errmsg(db_));       \
    stmt.reset(raw);                                                                    \
  }

Expected<bool> SweepState::UseConfiguration(const std::string& digest) {
  CG_PREPARE(get, "SELECT value FROM meta WHERE key='configuration'");
  std::string old;
  if (sqlite3_step(get.get()) == SQLITE_ROW) old = Column(get.get(), 0);
  if (old == digest) return false;
  Status st = Exec("BEGIN IMMEDIATE; DELETE FROM blobs; DELETE FROM blob_findings;");
  if (!st.ok()) return st;
  CG_PREPARE(put, "INSERT OR REPLACE INTO meta(key, value) VALUES('configuration', ?)");
  sqlite3_bind_text(put.get(), 1, digest.data(), static_cast<int>(digest.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(put.get()) != SQLITE_DONE) {
    Exec("ROLLBACK;");
    return Status::IoError(std::string("sweep state: ") + sqlite3_errmsg(db_));
  }
  st = Exec("COMMIT;");
  if (!st.ok()) return st;
  return !old.empty();
}

Expected<BlobState> SweepState::Lookup(const std::string& blob) {
  if (!lookup_ &&
      sqlite3_prepare_v2(db_, "SELECT has_findings FROM blobs WHERE id=?", -1, &lookup_, nullptr) != SQLITE_OK)
    return Status::IoError(std::string("sweep state: ") + sqlite3_errmsg(db_));
  const std::string id = BlobBytes(blob);
  sqlite3_reset(lookup_);
  sqlite3_bind_blob(lookup_, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
  int rc = sqlite3_step(lookup_);
  BlobState state = BlobState::kUnknown;
  if (rc == SQLITE_ROW) state = sqlite3_column_int(lookup_, 0) ? BlobState::kFindings : BlobState::kClean;
  else if (rc != SQLITE_DONE) return Status::IoError(std::string("sweep state: ") + sqlite3_errmsg(db_));
  sqlite3_reset(lookup_);  // release the read snapshot
  return state;
}

Status SweepState::RecordBatch(const std::vector<std::string>& blobs, const std::vector<Finding>& findings) {
  CG_PREPARE(blob, "INSERT OR REPLACE INTO blobs(id, has_findings) VALUES(?, ?)");
  CG_PREPARE(fnd, "INSERT OR REPLACE INTO blob_findings(id, seq, finding) VALUES(?, ?, ?)");
  CG_PREPARE(total, "INSERT INTO meta(key, value) VALUES('blobs_scanned', ?) ON CONFLICT(key) DO UPDATE SET "
                    "value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER)");
  std::map<std::string, int> per_blob;
  for (const Finding& f : findings) per_blob[f.origin.blob]++;
  Status st = Exec("BEGIN IMMEDIATE;");
  if (!st.ok()) return st;
  auto fail = [&]() {
    std::string m = sqlite3_errmsg(db_);
    Exec("ROLLBACK;");
    return Status::IoError("sweep state: " + m);
  };
  size_t done = 0;
  for (const std::string& b : blobs) {
    const std::string id = BlobBytes(b);
    sqlite3_reset(blob.get());
    sqlite3_bind_blob(blob.get(), 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(blob.get(), 2, per_blob.count(b) ? 1 : 0);
    if (sqlite3_step(blob.get()) != SQLITE_DONE) return fail();
    if (++done == blobs.size() / 2) MaybeInjectFault("mid-batch");
  }
  std::map<std::string, int> seq;
  for (const Finding& f : findings) {
    const std::string id = BlobBytes(f.origin.blob);
    const std::string text = FindingToJson(f);
    sqlite3_reset(fnd.get());
    sqlite3_bind_blob(fnd.get(), 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(fnd.get(), 2, seq[f.origin.blob]++);
    sqlite3_bind_text(fnd.get(), 3, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(fnd.get()) != SQLITE_DONE) return fail();
  }
  const std::string n = std::to_string(blobs.size());
  sqlite3_bind_text(total.get(), 1, n.data(), static_cast<int>(n.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(total.get()) != SQLITE_DONE) return fail();
  st = Exec("COMMIT;");
  if (st.ok()) MaybeInjectFault("batch-commit");
  return st;
}

Expected<std::vector<Finding>> SweepState::BlobFindings(const std::string& blob) {
  CG_PREPARE(s, "SELECT finding FROM blob_findings WHERE id=? ORDER BY seq");
  const std::string id = BlobBytes(blob);
  sqlite3_bind_blob(s.get(), 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
  std::vector<Finding> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    auto f = FindingFromJson(Column(s.get(), 0));
    if (!f.ok()) return Status::Corrupt("sweep state: blob " + blob + ": " + f.status().message());
    out.push_back(std::move(*f));
  }
  return out;
}

Expected<std::vector<StoredFinding>> SweepState::RepositoryFindings(const std::string& repository) {
  return SelectFindings(repository, false);
}

Expected<std::vector<StoredFinding>> SweepState::Undelivered(const std::string& repository) {
  return SelectFindings(repository, true);
}

Expected<std::vector<StoredFinding>> SweepState::SelectFindings(const std::string& repository, bool undelivered) {
  CG_PREPARE(s, undelivered ? "SELECT key, blob, first_seen, gone_at IS NOT NULL, finding, delivered_at IS NOT NULL "
                              "FROM findings WHERE repository=? AND delivered_at IS NULL ORDER BY key"
                            : "SELECT key, blob, first_seen, gone_at IS NOT NULL, finding, delivered_at IS NOT NULL "
                              "FROM findings WHERE repository=? ORDER BY key");
  sqlite3_bind_text(s.get(), 1, repository.data(), static_cast<int>(repository.size()), SQLITE_TRANSIENT);
  std::vector<StoredFinding> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    StoredFinding sf;
    sf.key = Column(s.get(), 0);
    sf.blob = Column(s.get(), 1);
    sf.first_seen = sqlite3_column_int64(s.get(), 2);
    sf.gone = sqlite3_column_int(s.get(), 3) != 0;
    sf.delivered = sqlite3_column_int(s.get(), 5) != 0;
    auto f = FindingFromJson(Column(s.get(), 4));
    if (!f.ok()) return Status::Corrupt("sweep state: " + repository + ": " + f.status().message());
    sf.finding = std::move(*f);
    out.push_back(std::move(sf));
  }
  return out;
}

Status SweepState::RecordRepository(const std::string& repository, const std::string& network, int64_t now,
                                    uint64_t blobs,
                                    const std::vector<StoredFinding>& fresh, const std::vector<std::string>& present,
                                    const std::vector<StoredFinding>& refreshed, const std::vector<std::string>& gone) {
  MaybeInjectFault("repository");
  CG_PREPARE(ins, "INSERT INTO findings(repository, key, blob, first_seen, last_seen, finding) VALUES(?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(repository, key) DO UPDATE SET last_seen=excluded.last_seen, gone_at=NULL, "
                  "finding=excluded.finding, delivered_at=NULL");
  CG_PREPARE(seen, "UPDATE findings SET last_seen=?, gone_at=NULL WHERE repository=? AND key=?");
  CG_PREPARE(redo, "UPDATE findings SET finding=? WHERE repository=? AND key=?");
  CG_PREPARE(off, "UPDATE findings SET gone_at=? WHERE repository=? AND key=? AND gone_at IS NULL");
  CG_PREPARE(repo, "INSERT INTO repositories(path, first_swept, last_swept, removed_at, blobs, network) "
                   "VALUES(?, ?, ?, NULL, ?, ?) ON CONFLICT(path) DO UPDATE SET last_swept=excluded.last_swept, "
                   "removed_at=NULL, blobs=excluded.blobs, network=excluded.network");
  Status st = Exec("BEGIN IMMEDIATE;");
  if (!st.ok()) return st;
  auto fail = [&]() {
    std::string m = sqlite3_errmsg(db_);
    Exec("ROLLBACK;");
    return Status::IoError("sweep state: " + m);
  };
  auto text = [](sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  };
  for (const StoredFinding& f : fresh) {
    sqlite3_reset(ins.get());
    text(ins.get(), 1, repository);
    text(ins.get(), 2, f.key);
    text(ins.get(), 3, f.blob);
    sqlite3_bind_int64(ins.get(), 4, now);
    sqlite3_bind_int64(ins.get(), 5, now);
    text(ins.get(), 6, FindingToJson(f.finding));
    if (sqlite3_step(ins.get()) != SQLITE_DONE) return fail();
  }
  for (const StoredFinding& f : refreshed) {
    sqlite3_reset(redo.get());
    text(redo.get(), 1, FindingToJson(f.finding));
    text(redo.get(), 2, repository);
    text(redo.get(), 3, f.key);
    if (sqlite3_step(redo.get()) != SQLITE_DONE) return fail();
  }
  for (const auto& [stmt, keys] : {std::pair{seen.get(), &present}, std::pair{off.get(), &gone}})
    for (const std::string& k : *keys) {
      sqlite3_reset(stmt);
      sqlite3_bind_int64(stmt, 1, now);
      text(stmt, 2, repository);
      text(stmt, 3, k);
      if (sqlite3_step(stmt) != SQLITE_DONE) return fail();
    }
  text(repo.get(), 1, repository);
  sqlite3_bind_int64(repo.get(), 2, now);
  sqlite3_bind_int64(repo.get(), 3, now);
  sqlite3_bind_int64(repo.get(), 4, static_cast<int64_t>(blobs));
  text(repo.get(), 5, network);
  if (sqlite3_step(repo.get()) != SQLITE_DONE) return fail();
  st = Exec("COMMIT;");
  if (st.ok()) MaybeInjectFault("repository-commit");
  return st;
}

Status SweepState::MarkDelivered(const std::vector<DeliveryKey>& keys, int64_t now) {
  if (keys.empty()) return Status::Ok();
  CG_PREPARE(up, "UPDATE findings SET delivered_at=? WHERE repository=? AND key=? AND delivered_at IS NULL");
  Status st = Exec("BEGIN IMMEDIATE;");
  if (!st.ok()) return st;
  for (const DeliveryKey& k : keys) {
    sqlite3_reset(up.get());
    sqlite3_bind_int64(up.get(), 1, now);
    sqlite3_bind_text(up.get(), 2, k.repository.data(), static_cast<int>(k.repository.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(up.get(), 3, k.key.data(), static_cast<int>(k.key.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(up.get()) != SQLITE_DONE) {
      std::string m = sqlite3_errmsg(db_);
      Exec("ROLLBACK;");
      return Status::IoError("sweep state: " + m);
    }
  }
  st = Exec("COMMIT;");
  if (st.ok()) MaybeInjectFault("delivered");
  return st;
}

Expected<std::vector<std::string>> SweepState::KnownRepositories() {
  auto known = KnownNetworks();
  if (!known.ok()) return known.status();
  std::vector<std::string> out;
  for (auto& [path, network] : *known) out.push_back(path);
  return out;
}

Expected<std::vector<std::pair<std::string, std::string>>> SweepState::KnownNetworks() {
  CG_PREPARE(s, "SELECT path, network FROM repositories WHERE removed_at IS NULL ORDER BY path");
  std::vector<std::pair<std::string, std::string>> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) out.emplace_back(Column(s.get(), 0), Column(s.get(), 1));
  return out;
}

Status SweepState::MarkRemoved(const std::string& repository, int64_t now) {
  CG_PREPARE(r, "UPDATE repositories SET removed_at=? WHERE path=?");
  CG_PREPARE(f, "UPDATE findings SET gone_at=? WHERE repository=? AND gone_at IS NULL");
  Status st = Exec("BEGIN IMMEDIATE;");
  if (!st.ok()) return st;
  for (sqlite3_stmt* s : {r.get(), f.get()}) {
    sqlite3_bind_int64(s, 1, now);
    sqlite3_bind_text(s, 2, repository.data(), static_cast<int>(repository.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE) {
      std::string m = sqlite3_errmsg(db_);
      Exec("ROLLBACK;");
      return Status::IoError("sweep state: " + m);
    }
  }
  return Exec("COMMIT;");
}

Expected<uint64_t> SweepState::BlobsScannedTotal() {
  CG_PREPARE(s, "SELECT CAST(value AS INTEGER) FROM meta WHERE key='blobs_scanned'");
  if (sqlite3_step(s.get()) == SQLITE_ROW) return static_cast<uint64_t>(sqlite3_column_int64(s.get(), 0));
  return uint64_t{0};
}

Expected<std::string> SweepState::Dump() {
  std::ostringstream out;
  {
    CG_PREPARE(s, "SELECT key, value FROM meta ORDER BY key");
    while (sqlite3_step(s.get()) == SQLITE_ROW) out << "meta " << Column(s.get(), 0) << "=" << Column(s.get(), 1) << "\n";
  }
  {
    CG_PREPARE(s, "SELECT id, has_findings FROM blobs ORDER BY id");
    while (sqlite3_step(s.get()) == SQLITE_ROW)
      out << "blob " << BlobHex(sqlite3_column_blob(s.get(), 0), sqlite3_column_bytes(s.get(), 0)) << " "
          << sqlite3_column_int(s.get(), 1) << "\n";
  }
  {
    CG_PREPARE(s, "SELECT id, seq, finding FROM blob_findings ORDER BY id, seq");
    while (sqlite3_step(s.get()) == SQLITE_ROW)
      out << "blob-finding " << BlobHex(sqlite3_column_blob(s.get(), 0), sqlite3_column_bytes(s.get(), 0)) << " "
          << sqlite3_column_int(s.get(), 1) << " " << Column(s.get(), 2) << "\n";
  }
  {
    CG_PREPARE(s, "SELECT path, removed_at IS NOT NULL, blobs FROM repositories ORDER BY path");
    while (sqlite3_step(s.get()) == SQLITE_ROW)
      out << "repository " << Column(s.get(), 0) << " removed=" << sqlite3_column_int(s.get(), 1)
          << " blobs=" << sqlite3_column_int64(s.get(), 2) << "\n";
  }
  {
    CG_PREPARE(s, "SELECT repository, key, blob, gone_at IS NOT NULL, delivered_at IS NOT NULL, finding FROM findings "
                  "ORDER BY repository, key");
    while (sqlite3_step(s.get()) == SQLITE_ROW)
      out << "finding " << Column(s.get(), 0) << " " << Column(s.get(), 1) << " " << Column(s.get(), 2)
          << " gone=" << sqlite3_column_int(s.get(), 3) << " delivered=" << sqlite3_column_int(s.get(), 4) << " "
          << Column(s.get(), 5) << "\n";
  }
  return out.str();
}

}  // namespace cg
