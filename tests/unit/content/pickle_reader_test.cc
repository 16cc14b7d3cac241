#include "content/pickle_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "content/pickle_machine.h"
#include "unit/content/binary_fixtures.h"
#include "unit/content/reader_harness.h"

namespace cg {
namespace {

using testing::BinaryFixture;
using testing::ExpandBytes;

TEST(PickleReader, ReadsAPandasToPickleFrameOfProtocolFive) {
  auto r = ExpandBytes(BinaryFixture("ukb_frame.pkl"), "ukb_frame.pkl");
  EXPECT_EQ(r.type, FileType::kPickle);
  ASSERT_NE(r.reader, nullptr);
  EXPECT_STREQ(r.reader->name(), "pickle");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.members[0], "");
  const TableView& t = r.tables[0];
  EXPECT_EQ(t.format, "pickle");
  EXPECT_EQ(t.header, (std::vector<std::string>{"eid", "31-0.0", "34-0.0", "21001-0.0", "53-0.0"}));
  EXPECT_EQ(t.row_count, 135);
  ASSERT_EQ(t.rows.size(), 135u);
  EXPECT_EQ(t.rows[0][0], "1189271");
  EXPECT_EQ(t.rows[134][0], "5985935");
  EXPECT_EQ(t.rows[1][1], "1");
  EXPECT_EQ(t.rows[0][3], "20");
  EXPECT_EQ(t.rows[1][3], "23.7");
  EXPECT_EQ(t.rows[0][4], "2009-01-01");
}

TEST(PickleReader, ReadsProtocolTwoWhereBytesAreLatin1Text) {
  auto r = ExpandBytes(BinaryFixture("ukb_frame_p2.pickle"), "ukb_frame_p2.pickle");
  EXPECT_EQ(r.type, FileType::kPickle);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].header[0], "eid");
  EXPECT_EQ(r.tables[0].row_count, 135);
  EXPECT_EQ(r.tables[0].rows[0][0], "1189271");
  EXPECT_EQ(r.tables[0].rows[1][3], "23.7");
}

TEST(PickleReader, AStringIndexIsTheFirstColumn) {
  auto r = ExpandBytes(BinaryFixture("patients_indexed.pkl"), "patients_indexed.pkl");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.tables.size(), 1u);
  const TableView& t = r.tables[0];
  EXPECT_EQ(t.header, (std::vector<std::string>{"nhs_number", "sex", "age"}));
  EXPECT_EQ(t.row_count, 115);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"9434760000", "M", "30"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"9434760001", "F", "31"}));
}

TEST(PickleReader, FramesInADictAreNamedByTheirKeys) {
  // {'cases': <frame>, 'n': 3}, protocol 4, built from the fixture's frame bytes: the frame
  // pickle without PROTO/FRAME and STOP, inside a dict. Memo indices of the inner pickle stay
  // valid because the dict is memoised after it.
  std::string frame = BinaryFixture("ukb_frame.pkl");
  ASSERT_GT(frame.size(), 12u);
  std::string body = frame.substr(11, frame.size() - 12);
  std::string p = std::string("\x80\x04", 2) + "(" + std::string("\x8c\x05", 2) + "cases" + body + std::string("\x8c\x01", 2) +
                  "nK\x03" + "d.";
  std::vector<PickledFrame> frames;
  ASSERT_TRUE(ReadPickledFrames(p, &frames).ok());
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].member, "cases");
  EXPECT_EQ(frames[0].table.row_count, 135);
}

TEST(PickleReader, NothingIsExecuted) {
  // What an attacker's pickle does: os.system("touch FILE") through REDUCE, protocol 0 and 4.
  std::filesystem::path marker = std::filesystem::temp_directory_path() / "cohortguard-pickle-ran";
  std::filesystem::remove(marker);
  std::string cmd = "touch " + marker.string();
  std::string p0 = "cos\nsystem\n(S'" + cmd + "'\ntR.";
  std::string p4 = std::string("\x80\x04\x95", 3) + std::string(8, '\0') + "\x8c\x02os\x8c\x06system\x93" + "\x8c" +
                   std::string(1, static_cast<char>(cmd.size())) + cmd + "\x85R.";
  for (const std::string& p : {p0, p4}) {
    std::vector<PickledFrame> frames;
    Status s = ReadPickledFrames(p, &frames);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_TRUE(frames.empty());
    PickleMachine m;
    ASSERT_TRUE(m.Run(p).ok());
    EXPECT_EQ(m.global_name(m.at(m.root()).a), "os.system");  // recorded, not called
  }
  EXPECT_FALSE(std::filesystem::exists(marker));
}

TEST(PickleReader, TruncatedAndUnknownOpcodesAreErrors) {
  std::string p = BinaryFixture("ukb_frame.pkl");
  std::vector<PickledFrame> frames;
  Status cut = ReadPickledFrames(p.substr(0, p.size() / 2), &frames);
  EXPECT_EQ(cut.code(), StatusCode::kCorrupt);
  EXPECT_NE(cut.message().find("malformed pickle"), std::string::npos) << cut.message();
  Status bad = ReadPickledFrames(std::string("\x80\x04\xff.", 4), &frames);
  EXPECT_EQ(bad.code(), StatusCode::kCorrupt);
  EXPECT_NE(bad.message().find("unknown opcode 0xff"), std::string::npos) << bad.message();
  // A memo read of an index never stored, and a stack underflow.
  EXPECT_EQ(ReadPickledFrames(std::string("\x80\x04h\x07.", 4), &frames).code(), StatusCode::kCorrupt);
  EXPECT_EQ(ReadPickledFrames(std::string("\x80\x04R.", 3), &frames).code(), StatusCode::kCorrupt);
}

TEST(PickleReader, MoreValuesThanTheBoundIsALimitNotMemory) {
  std::string p = std::string("\x80\x04]", 3) + "(";
  for (size_t i = 0; i < kMaxPickleValues + 10; ++i) p += "K\x01";
  p += "e.";
  std::vector<PickledFrame> frames;
  EXPECT_EQ(ReadPickledFrames(p, &frames).code(), StatusCode::kLimitExceeded);
}

}  // namespace
}  // namespace cg
