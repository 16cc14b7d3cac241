#include "content/file_type.h"
#include "content/binary_sniff.h"

#include "content/unicode_text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

namespace cg {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string LowerExtension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// Bytes the text/binary decision looks at: git's own buffer_is_binary() reads the first 8000.
// Scanning the whole 64 KiB head cost ~8% of a full-history scan's CPU and decided nothing more:
// a file that turns binary later is analysed as text, which can only find more, not less.
constexpr size_t kTextSniffBytes = 8000;

// Text when few bytes of the head are control bytes. UTF-8 and Latin-1 both pass. NUL bytes
// are allowed up to 1% of the head or 4 in a short one (a stray NUL must not hide a table or a
// secret), or beyond
// that when the name says text (`nul_ok`): the other bytes are then judged on their own.
bool LooksLikeText(std::string_view head, bool nul_ok) {
  if (head.size() > kTextSniffBytes) head = head.substr(0, kTextSniffBytes);
  if (head.empty()) return true;
  size_t control = 0, nul = 0;
  for (unsigned char c : head) {
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ++control;
  }
  if (nul == head.size()) return false;
  if (nul > std::max<size_t>(4, head.size() / 100) && !nul_ok) return false;
  return control * 100 <= head.size() - nul;
}

bool IsTarHeader(std::string_view head) {
  return head.size() >= 262 && (head.substr(257, 5) == "ustar");
}

// FHIR JSON names its resource type in every resource: `"resourceType": "Bundle"` (or Patient,
// Observation, ...) in the first object of a Bundle, a single resource or an NDJSON bulk export.
bool HasFhirResourceType(std::string_view head) {
  for (size_t at = head.find("\"resourceType\""); at != std::string_view::npos;
       at = head.find("\"resourceType\"", at + 1)) {
    size_t i = at + 14;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i >= head.size() || head[i] != ':') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i + 1 < head.size() && head[i] == '"' && head[i + 1] >= 'A' && head[i + 1] <= 'Z') return true;
  }
  return false;
}

// CDISC ODM: the root element is ODM (optionally prefixed, `odm:ODM`), after the XML
// declaration, comments and processing instructions.
bool HasOdmRoot(std::string_view head) {
  size_t i = 0;
  for (;;) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (head.substr(i, 3) == "\xef\xbb\xbf") { i += 3; continue; }
    if (head.substr(i, 2) == "<?") {
      size_t e = head.find("?>", i);
      if (e == std::string_view::npos) return false;
      i = e + 2;
    } else if (head.substr(i, 4) == "<!--") {
      size_t e = head.find("-->", i);
      if (e == std::string_view::npos) return false;
      i = e + 3;
    } else {
      break;
    }
  }
  if (head.substr(i, 1) != "<") return false;
  size_t b = i + 1, e = b;
  while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == ':' || head[e] == '_' ||
                             head[e] == '-' || head[e] == '.'))
    ++e;
  std::string_view name = head.substr(b, e - b);
  size_t colon = name.rfind(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name == "ODM" && e < head.size() && (std::isspace(static_cast<unsigned char>(head[e])) || head[e] == '>');
}

bool IsRSerialization(std::string_view h) {
  if (StartsWith(h, std::string_view("X\n\0\0\0\x02", 6)) || StartsWith(h, std::string_view("X\n\0\0\0\x03", 6)))
    return true;
  if (StartsWith(h, std::string_view("B\n\x02\0\0\0", 6)) || StartsWith(h, std::string_view("B\n\x03\0\0\0", 6)))
    return true;
  if (!StartsWith(h, "A\n2\n") && !StartsWith(h, "A\n3\n")) return false;
  // Two lines of digits (the writer's R version, the oldest that can read it), e.g. "262402".
  size_t i = 4;
  for (int line = 0; line < 2; ++line) {
    const size_t start = i;
    while (i < h.size() && i < start + 10 && h[i] >= '0' && h[i] <= '9') ++i;
    if (i == start || i >= h.size() || h[i] != '\n') return false;
    ++i;
  }
  return true;
}

// Gzip with the BGZF extra field ("BC", SLEN 2): bgzip output used across genomics.
bool IsBgzf(std::string_view h) {
  return h.size() >= 16 && (static_cast<unsigned char>(h[3]) & 0x04) && h[12] == 'B' && h[13] == 'C';
}

uint32_t Le32(std::string_view h, size_t at) {
  uint32_t v = 0;
  for (size_t k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(h[at + k])) << (8 * k);
  return v;
}

// A BGEN header whose magic an older writer left zero, known without the name (a history blob)
// by the rest of its header block: offset >= header length >= 20 (and short), samples > 0, and
// flags that name a compression (0-2) and a layout (1-2) with every other bit but 31 clear.
bool ZeroMagicBgen(std::string_view h) {
  if (h.size() < 24 || h.substr(16, 4) != std::string_view("\0\0\0\0", 4)) return false;
  const uint32_t offset = Le32(h, 0), length = Le32(h, 4), samples = Le32(h, 12);
  if (length < 20 || length > 4096 || offset < length || samples == 0 || h.size() < length + 4) return false;
  const uint32_t flags = Le32(h, length);  // the header block's last 4 bytes start at 4 + length - 4
  const uint32_t compression = flags & 3, layout = (flags >> 2) & 15;
  return compression <= 2 && (layout == 1 || layout == 2) && (flags & 0x7fffffc0u) == 0;
}

// BGEN: bytes 16-19 (of the header block) are "bgen"; older writers left them zero, and then
// only a .bgen name says so. PLINK: 0x6c 0x1b, then the mode byte:
// 0x01 SNP-major .bed (0x00, individual-major, is PLINK 1's obsolete layout); .pgen's own modes
// (0x02-0x04 fixed-width, 0x10/0x11 variable-width) carry the variant and sample counts.
FileType SniffGenotypeMatrix(std::string_view h, const std::string& ext) {
  // The header block's length (bytes 4-7) is 20 plus a short free-data field: below 2^24, which
  // text never is (its fourth byte would be a control byte), so "... bgen ..." in prose is not BGEN.
  const bool bgen_length = h.size() >= 8 && h[7] == 0;
  if ((h.size() >= 20 && (bgen_length || ext == "bgen") && h.substr(16, 4) == "bgen") || ZeroMagicBgen(h) ||
      (ext == "bgen" && !h.empty() && (h.size() < 20 || h.substr(16, 4) == std::string_view("\0\0\0\0", 4))))
    return FileType::kBgen;  // a .bgen too short for its magic goes to the reader, which says what is missing
  if (ext == "pgen" && !h.empty() && h.size() < 3) return FileType::kPgen;
  if (h.size() < 3 || h[0] != 0x6c || h[1] != 0x1b) return FileType::kUnknownBinary;
  const unsigned char mode = static_cast<unsigned char>(h[2]);
  if (ext == "pgen") return FileType::kPgen;
  if (mode == 0x01 || (mode == 0x00 && ext == "bed")) return FileType::kPlinkBed;
  if ((mode >= 0x02 && mode <= 0x04) || mode == 0x10 || mode == 0x11) return FileType::kPgen;
  return FileType::kUnknownBinary;
}

// Where the name does not say (a blob read from history has no name yet: the walk that finds
// names runs beside the readers; a page saved as .txt), text that says what it is by its first
// bytes is read as that: an HTML page (R Markdown/knitr tables), a Jupyter notebook (df.head()
// outputs), FHIR JSON, JSON lines or an array of records (pandas to_json). Anything else stays
// text.
FileType TextTypeFromContent(std::string_view head) {
  size_t i = StartsWith(head, "\xEF\xBB\xBF") ? 3 : 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i >= head.size()) return FileType::kText;
  auto starts_lower = [&](std::string_view p) {
    if (head.size() - i < p.size()) return false;
    for (size_t k = 0; k < p.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(head[i + k])) != p[k]) return false;
    return true;
  };
  if (starts_lower("<!doctype html") || starts_lower("<html")) return FileType::kHtml;
  if (head[i] != '{' && head[i] != '[') return FileType::kText;
  size_t j = i + 1;
  while (j < head.size() && std::isspace(static_cast<unsigned char>(head[j]))) ++j;
  // An object with a quoted key, or an array of objects: not "[1] 0.5" or "[section]".
  const bool json = j < head.size() && ((head[i] == '{' && head[j] == '"') || (head[i] == '[' && head[j] == '{'));
  if (!json) return FileType::kText;
  const std::string_view start = head.substr(0, 4096);
  if (head[i] == '{' && start.find("\"cells\"") != std::string_view::npos &&
      start.find("\"cell_type\"") != std::string_view::npos)
    return FileType::kNotebook;
  if (HasFhirResourceType(start)) return FileType::kFhir;
  return FileType::kJson;  // JSON lines or an array: a config yields no table and no error
}

}  // namespace

bool NamedAsText(std::string_view name) {
  static constexpr std::string_view kText[] = {"csv", "tsv", "tab", "psv", "txt", "json", "jsonl", "ndjson",
                                               "ipynb", "html", "htm", "vcf", "xml", "md", "log"};
  const std::string ext = LowerExtension(name);
  return std::find(std::begin(kText), std::end(kText), ext) != std::end(kText);
}

const char* FileTypeName(FileType t) {
  switch (t) {
    case FileType::kUnknownBinary: return "binary";
    case FileType::kText: return "text";
    case FileType::kWideText: return "utf16";
    case FileType::kGzip: return "gzip";
    case FileType::kBgzf: return "bgzf";
    case FileType::kZstd: return "zstd";
    case FileType::kXz: return "xz";
    case FileType::kBzip2: return "bzip2";
    case FileType::kZip: return "zip";
    case FileType::kTar: return "tar";
    case FileType::k7z: return "7z";
    case FileType::kRar: return "rar";
    case FileType::kXlsx: return "xlsx";
    case FileType::kOds: return "ods";
    case FileType::kXls: return "xls";
    case FileType::kHdf5: return "hdf5";
    case FileType::kMat: return "mat";
    case FileType::kPickle: return "pickle";
    case FileType::kNotebook: return "notebook";
    case FileType::kHtml: return "html";
    case FileType::kStataDta: return "stata";
    case FileType::kSpssSav: return "spss";
    case FileType::kSas7bdat: return "sas7bdat";
    case FileType::kSasXport: return "xpt";
    case FileType::kRds: return "rds";
    case FileType::kRData: return "rdata";
    case FileType::kParquet: return "parquet";
    case FileType::kArrowIpc: return "arrow";
    case FileType::kVcf: return "vcf";
    case FileType::kBcf: return "bcf";
    case FileType::kBgen: return "bgen";
    case FileType::kPlinkBed: return "plink-bed";
    case FileType::kPgen: return "pgen";
    case FileType::kJson: return "json";
    case FileType::kFhir: return "fhir";
    case FileType::kOdm: return "odm";
    case FileType::kSqlite: return "sqlite";
    case FileType::kGitLfsPointer: return "git-lfs-pointer";
  }
  return "unknown";
}

FileType SniffFileType(std::string_view head, std::string_view name) {
  const std::string ext = LowerExtension(name);
  FileType binary = FileType::kUnknownBinary;
  // Magic bytes first.
  if (StartsWith(head, "\x1f\x8b")) return IsBgzf(head) ? FileType::kBgzf : FileType::kGzip;
  if (StartsWith(head, "\x28\xb5\x2f\xfd")) return FileType::kZstd;
  if (StartsWith(head, "\xfd" "7zXZ")) return FileType::kXz;
  if (StartsWith(head, "BZh") && head.size() > 3 && head[3] >= '1' && head[3] <= '9') return FileType::kBzip2;
  if (StartsWith(head, "PK\x03\x04") || StartsWith(head, "PK\x05\x06")) {
    // A workbook names its parts in the local headers; a history blob has no name to go by.
    if (ext == "xlsx" || ext == "xlsm" || head.find("xl/workbook.xml") != std::string_view::npos ||
        head.find("xl/worksheets/") != std::string_view::npos)
      return FileType::kXlsx;
    // OpenDocument stores its media type uncompressed as the first member, "mimetype".
    if (ext == "ods" || (head.size() >= 84 && head.substr(30, 8) == "mimetype" &&
                         head.substr(38, 46) == "application/vnd.oasis.opendocument.spreadsheet"))
      return FileType::kOds;
    return FileType::kZip;
  }
  if (IsTarHeader(head)) return FileType::kTar;
  if (StartsWith(head, "7z\xbc\xaf\x27\x1c")) return FileType::k7z;
  if (StartsWith(head, "Rar!\x1a\x07")) return FileType::kRar;  // RAR 4 (\x00) and RAR 5 (\x01\x00)
  if (StartsWith(head, "PAR1")) return FileType::kParquet;
  if (SniffBinaryFormat(head, ext, &binary)) return binary;  // xls, HDF5, MATLAB, pickle
  if (StartsWith(head, "ARROW1")) return FileType::kArrowIpc;
  if (StartsWith(head, "BCF\x02")) return FileType::kBcf;
  if (const FileType g = SniffGenotypeMatrix(head, ext); g != FileType::kUnknownBinary) return g;
  if (StartsWith(head, "SQLite format 3")) return FileType::kSqlite;
  if (StartsWith(head, "$FL2") || StartsWith(head, "$FL3")) return FileType::kSpssSav;
  if (StartsWith(head, "<stata_dta>")) return FileType::kStataDta;
  if (head.size() >= 32 && std::memcmp(head.data() + 12,
                                       "\xc2\xea\x81\x60\xb3\x14\x11\xcf\xbd\x92\x08\x00\x09\xc7\x31\x8c", 16) == 0)
    return FileType::kSas7bdat;
  // SAS transport (XPORT) v5 and v8 libraries open with an 80-byte ASCII header record.
  if (StartsWith(head, "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!") ||
      StartsWith(head, "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!"))
    return FileType::kSasXport;
  if (StartsWith(head, "RDX2\n") || StartsWith(head, "RDX3\n") || StartsWith(head, "RDA2\n") ||
      StartsWith(head, "RDA3\n"))
    return FileType::kRData;
  // R serialization, "X\n" (XDR), "A\n" (ASCII) or "B\n" (native) then version 2 or 3: specific
  // enough without the name (a history blob, a decompressed .rds) when the version is followed by
  // R's own version as ASCII digits or as an integer; with the .rds name the letter is enough.
  if (IsRSerialization(head) || ((StartsWith(head, "A\n") || StartsWith(head, "B\n")) && ext == "rds"))
    return FileType::kRds;
  if (StartsWith(head, "version https://git-lfs.github.com/spec/")) return FileType::kGitLfsPointer;
  if (StartsWith(head, "##fileformat=VCF")) return FileType::kVcf;
  // Old-format Stata files start with a version byte (113-119) then byte order 1|2.
  // Without the name (a history blob) the filetype byte (1) and the unused byte (0) must follow.
  if (head.size() > 3 && static_cast<unsigned char>(head[0]) >= 104 && static_cast<unsigned char>(head[0]) <= 119 &&
      (head[1] == 1 || head[1] == 2) && (ext == "dta" || (head[2] == 1 && head[3] == 0)))
    return FileType::kStataDta;

  if (SniffWideEncoding(head.substr(0, kTextSniffBytes))) return FileType::kWideText;
  if (!LooksLikeText(head, NamedAsText(name))) return FileType::kUnknownBinary;

  // Text: the name narrows it down.
  if (ext == "ipynb") return FileType::kNotebook;
  if (ext == "html" || ext == "htm") return FileType::kHtml;
  if (ext == "json" || ext == "jsonl" || ext == "ndjson")
    return HasFhirResourceType(head.substr(0, 4096)) ? FileType::kFhir : FileType::kJson;
  if (HasOdmRoot(head)) return FileType::kOdm;
  if (ext == "vcf") return FileType::kVcf;
  return TextTypeFromContent(head);
}

}  // namespace cg
