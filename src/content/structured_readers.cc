// Registration of statistics-package, columnar and genomics readers.
// Each reader lives in its own file; this list is the only place that names them all.
#include "content/readstat_reader.h"
#include "content/arrow_reader.h"
#include "content/bgen_reader.h"
#include "content/hdf5_reader.h"
#include "content/mat_reader.h"
#include "content/parquet_reader.h"
#include "content/pickle_reader.h"
#include "content/plink_reader.h"
#include "content/rdata_reader.h"
#include "content/sqlite_reader.h"
#include "content/reader_registry.h"
#include "content/vcf_reader.h"

namespace cg {

void AddStructuredReaders(std::vector<std::unique_ptr<ContentReader>>* out) {
  out->push_back(std::make_unique<ReadStatReader>());
  out->push_back(std::make_unique<VcfReader>());
  out->push_back(std::make_unique<BgenReader>());
  out->push_back(std::make_unique<PlinkReader>());
  out->push_back(std::make_unique<RDataReader>());
  out->push_back(std::make_unique<ParquetReader>());
  out->push_back(std::make_unique<ArrowReader>());
  out->push_back(std::make_unique<SqliteReader>());
  out->push_back(std::make_unique<PickleReader>());
  out->push_back(std::make_unique<Hdf5Reader>());
  out->push_back(std::make_unique<MatReader>());
}

}  // namespace cg
