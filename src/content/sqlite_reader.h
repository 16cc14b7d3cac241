// SqliteReader: SQLite databases (pandas to_sql, sqlite3, R DBI) as one table per user table.
//
// The database is buffered (bounded by ContentLimits::max_held_bytes) and opened from memory
// with sqlite3_deserialize, read-only: nothing touches the file system, no extension can load,
// triggers and views are off and the schema is untrusted (no SQL functions run from it). Virtual
// tables are not opened (their module would run); the shadow tables that hold an FTS index's
// text are ordinary tables and are read. Each table is emitted with its name as the member: the
// column names, its row count and up to kStructuredSampleRows sampled rows.
// Stateless; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/content_reader.h"

namespace cg {

class SqliteReader : public ContentReader {
 public:
  const char* name() const override { return "sqlite"; }
  const char* summary() const override {
    return "SQLite databases: every table's column names, row count and sampled rows (SQLite, read-only from memory)";
  }
  bool Accepts(FileType type) const override { return type == FileType::kSqlite; }
  Status Expand(Document& doc, const ContentLimits& limits, ContentBudget& budget,
                const EmitFn& emit) override;
};

struct SqliteTable {
  std::string name;
  TableView table;
};

// Reads every table of the database in `data`. Tables read before an error are kept in
// `*tables`; the error says what could not be read. `max_tables` bounds the tables read.
// Exposed for tests and the fuzzer.
Status ReadSqliteDatabase(std::string_view data, size_t max_tables, std::vector<SqliteTable>* tables);

}  // namespace cg
