#include "content/sqlite_reader.h"

#include <sqlite3.h>

#include <memory>

#include "content/structured_input.h"
#include "content/table_sample.h"

namespace cg {
namespace {

// Virtual-machine steps one database may take (counting, sampling, schema reads): a hostile or
// damaged file cannot hold the scan for long. Checked every kProgressEvery steps.
constexpr int kProgressEvery = 10000;
constexpr long kMaxProgressCalls = 20000;  // 200 million steps, a few seconds

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

struct Budget {
  long calls = 0;
  bool exhausted = false;
};

int OnProgress(void* ctx) {
  auto* b = static_cast<Budget*>(ctx);
  if (++b->calls <= kMaxProgressCalls) return 0;
  b->exhausted = true;
  return 1;  // interrupts the statement
}

std::string Quoted(const std::string& identifier) {
  std::string q = "\"";
  for (char c : identifier) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

class Database {
 public:
  // Opens `image` (which must outlive this object) read-only from memory.
  Status Open(std::string& image) {
    // A WAL-mode database (header bytes 18/19 = 2) cannot be opened from memory; its main file
    // is readable as a rollback-journal one, which is what the copy is marked as.
    if (image.size() >= 20 && image[18] == 2 && image[19] == 2) image[18] = image[19] = 1;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) return Status::IoError("SQLite could not open an in-memory connection");
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_progress_handler(raw, kProgressEvery, OnProgress, &budget_);
    rc = sqlite3_deserialize(raw, "main", reinterpret_cast<unsigned char*>(image.data()),
                             static_cast<sqlite3_int64>(image.size()), static_cast<sqlite3_int64>(image.size()),
                             SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) return Failure("could not be opened");
    return Status::Ok();
  }

  Expected<Stmt> Prepare(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      sqlite3_finalize(raw);
      return Failure("could not be read");
    }
    return Stmt(raw);
  }

  // The status for the last failed call.
  Status Failure(const char* what) const {
    if (budget_.exhausted)
      return Status::LimitExceeded("SQLite database: reading stopped at the time budget (" +
                                   std::to_string(static_cast<long long>(kMaxProgressCalls) * kProgressEvery) +
                                   " steps)");
    return Status::Corrupt(std::string("malformed SQLite database ") + what + ": " + sqlite3_errmsg(db_.get()));
  }

 private:
  std::unique_ptr<sqlite3, DbCloser> db_;
  Budget budget_;
};

std::string CellOf(sqlite3_stmt* s, int col) {
  switch (sqlite3_column_type(s, col)) {
    case SQLITE_INTEGER: return std::to_string(sqlite3_column_int64(s, col));
    case SQLITE_FLOAT: return FormatSampleNumber(sqlite3_column_double(s, col));
    case SQLITE_TEXT: {
      const unsigned char* text = sqlite3_column_text(s, col);
      int n = sqlite3_column_bytes(s, col);
      return text ? CellText(std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(n))) : "";
    }
    default: return "";  // NULL and BLOB
  }
}

Status ReadTable(Database& db, const std::string& name, TableView* out) {
  out->format = "sqlite";
  auto sample = db.Prepare("SELECT * FROM " + Quoted(name) + " LIMIT " + std::to_string(kStructuredSampleRows));
  if (!sample.ok()) return sample.status();
  sqlite3_stmt* s = sample->get();
  const int columns = sqlite3_column_count(s);
  for (int c = 0; c < columns && static_cast<size_t>(c) < kMaxColumns; ++c) {
    const char* col = sqlite3_column_name(s, c);
    out->header.push_back(col ? col : "");
  }
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < static_cast<int>(out->header.size()); ++c) row.push_back(CellOf(s, c));
    out->rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return db.Failure(("table '" + name + "'").c_str());
  auto count = db.Prepare("SELECT count(*) FROM " + Quoted(name));
  if (!count.ok()) return count.status();
  if (sqlite3_step(count->get()) != SQLITE_ROW) return db.Failure(("table '" + name + "'").c_str());
  out->row_count = sqlite3_column_int64(count->get(), 0);
  return Status::Ok();
}

}  // namespace

Status ReadSqliteDatabase(std::string_view data, size_t max_tables, std::vector<SqliteTable>* tables) {
  std::string image(data);
  Database db;
  if (Status s = db.Open(image); !s.ok()) return s;
  // Ordinary tables only: views are disabled and virtual tables would run their module's code.
  auto list = db.Prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid");
  if (!list.ok()) return list.status();
  std::vector<std::string> names;
  int rc;
  while ((rc = sqlite3_step(list->get())) == SQLITE_ROW) {
    const unsigned char* n = sqlite3_column_text(list->get(), 0);
    names.emplace_back(n ? reinterpret_cast<const char*>(n) : "");
  }
  if (rc != SQLITE_DONE) return db.Failure("schema");
  list->reset();
  for (const auto& name : names) {
    if (tables->size() >= max_tables)
      return Status::LimitExceeded("SQLite database has more than " + std::to_string(max_tables) +
                                   " tables: the rest were not read");
    SqliteTable t{name, {}};
    if (Status s = ReadTable(db, name, &t.table); !s.ok()) return s;
    tables->push_back(std::move(t));
  }
  return Status::Ok();
}

Status SqliteReader::Expand(Document& doc, const ContentLimits& limits, ContentBudget& /*budget*/,
                            const EmitFn& emit) {
  auto data = BufferDocument(doc, limits, "SQLite");
  if (!data.ok()) return data.status();
  std::vector<SqliteTable> tables;
  Status read = ReadSqliteDatabase(*data, static_cast<size_t>(limits.max_members), &tables);
  for (auto& t : tables) {
    Document child = TableChild(doc, t.name, std::move(t.table));
    if (Status s = emit(child); !s.ok()) return s;
  }
  return read;
}

}  // namespace cg
