// The fixtures written by real tools (scripts/generate-binary-fixtures), committed under
// tests/data/binary/, and small in-memory generators for the binary readers' tests and seeds.
#pragma once

#include <sqlite3.h>

#include <fstream>
#include <sstream>
#include <string>

namespace cg::testing {

#ifdef COHORTGUARD_SOURCE_DIR
// The bytes of tests/data/binary/`name`; "" when missing (the test then fails on it).
inline std::string BinaryFixture(const std::string& name) {
  std::ifstream in(std::string(COHORTGUARD_SOURCE_DIR) + "/tests/data/binary/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
#endif

// A database built by running `sql` on an empty one, as SQLite writes it to a file.
// "" when the SQL fails.
inline std::string MakeSqlite(const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(":memory:", &db) == SQLITE_OK && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK) {
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db, "main", &size, 0);
    if (bytes) out.assign(reinterpret_cast<char*>(bytes), static_cast<size_t>(size));
    sqlite3_free(bytes);
  }
  sqlite3_close(db);
  return out;
}

// `rows` synthetic participants (eid from 1000001, sex, birth year) in table `name`.
inline std::string UkbRowsSql(const std::string& name, int rows) {
  return "CREATE TABLE \"" + name + "\" (eid INTEGER, \"31-0.0\" INTEGER, \"34-0.0\" INTEGER);"
         "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < " + std::to_string(rows - 1) +
         ") INSERT INTO \"" + name + "\" SELECT 1000001 + i, i % 2, 1940 + (i * 7) % 30 FROM k;";
}

}  // namespace cg::testing
