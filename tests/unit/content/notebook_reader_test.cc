#include "content/notebook_reader.h"

#include <gtest/gtest.h>

#include "unit/content/container_fixtures.h"

namespace cg {
namespace {

using testing::ExpandBytes;
using Header = std::vector<std::string>;

// A notebook as Jupyter writes it (nbformat 4), built here so no fixture file is needed.
const char* kNotebook = R"NB({
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Cohort\n", "| eid | sex |\n", "|---|---|\n", "| 1 | 2 |\n"]},
  {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["df.head()"],
   "outputs": [{"output_type": "execute_result", "execution_count": 3, "metadata": {},
     "data": {"text/plain": ["       eid  sex\n", "0  1000001    1\n", "1  1000002    0"],
              "text/html": ["<table><thead><tr><th></th><th>eid</th><th>sex</th></tr></thead>",
                            "<tbody><tr><th>0</th><td>1000001</td><td>1</td></tr>",
                            "<tr><th>1</th><td>1000002</td><td>0</td></tr></tbody></table>"]}}]},
  {"cell_type": "code", "execution_count": 4, "metadata": {}, "source": "print(df)",
   "outputs": [{"output_type": "stream", "name": "stdout", "text": ["eid,sex\n", "1000001,1\n"]},
               {"output_type": "execute_result", "execution_count": 4, "metadata": {},
                "data": {"text/plain": ["      eid   year\n", "0  1000001  1950\n", "[9000 rows x 2 columns]"]}},
               {"output_type": "error", "ename": "KeyError", "evalue": "x", "traceback": ["secret"]}]},
  {"cell_type": "code", "execution_count": 5, "metadata": {}, "source": "1+1",
   "outputs": [{"output_type": "execute_result", "data": {"text/plain": "2"}, "metadata": {}, "execution_count": 5}]}
 ],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5
})NB";

TEST(NotebookReader, EmitsTablesAndTextOfEveryCellWithCellMembers) {
  auto x = ExpandBytes(kNotebook, "analysis.ipynb");
  EXPECT_TRUE(x.errors.empty()) << x.errors[0];
  ASSERT_EQ(x.leaves.size(), 5u);
  // Markdown cell 0: its pipe table.
  EXPECT_EQ(x.leaves[0].member, "cell[0]");
  ASSERT_TRUE(x.leaves[0].table);
  EXPECT_EQ(x.leaves[0].table->header, (Header{"eid", "sex"}));
  // Cell 1: the HTML rendering wins over text/plain (same frame, read once).
  EXPECT_EQ(x.leaves[1].member, "cell[1]");
  ASSERT_TRUE(x.leaves[1].table);
  EXPECT_EQ(x.leaves[1].table->format, "html");
  EXPECT_EQ(x.leaves[1].table->header, (Header{"eid", "sex"}));
  EXPECT_EQ(x.leaves[1].table->row_count, 2);
  // Cell 2: the stream as text, then the plain rendering as a table with the footer's count.
  EXPECT_EQ(x.leaves[2].member, "cell[2]");
  EXPECT_FALSE(x.leaves[2].table);
  EXPECT_EQ(x.leaves[2].text, "eid,sex\n1000001,1\n");
  EXPECT_EQ(x.leaves[3].member, "cell[2]#2");
  ASSERT_TRUE(x.leaves[3].table);
  EXPECT_EQ(x.leaves[3].table->header, (Header{"eid", "year"}));
  EXPECT_EQ(x.leaves[3].table->row_count, 9000);
  // Cell 3: a scalar result is plain text, not a table.
  EXPECT_EQ(x.leaves[4].member, "cell[3]");
  EXPECT_FALSE(x.leaves[4].table);
  EXPECT_EQ(x.leaves[4].text, "2");
}

TEST(NotebookReader, InvalidJsonIsReportedAsCorrupt) {
  std::string broken(kNotebook);
  broken.resize(broken.size() / 2);
  const std::string cases[] = {broken, "{", "not json at all", "{\"cells\": 3}", std::string(1000, '[')};
  for (const auto& nb : cases) {
    auto x = ExpandBytes(nb, "broken.ipynb");
    ASSERT_EQ(x.errors.size(), 1u) << nb.substr(0, 40);
    EXPECT_TRUE(x.errors[0].find("invalid notebook JSON") != std::string::npos ||
                x.errors[0].find("not a Jupyter notebook") != std::string::npos)
        << x.errors[0];
    if (nb != broken) {
      EXPECT_TRUE(x.leaves.empty());
    }
  }
  // The notebook streams cell by cell: the cells before the cut are still read.
  auto x = ExpandBytes(broken, "broken.ipynb");
  ASSERT_FALSE(x.leaves.empty());
  EXPECT_EQ(x.leaves[0].member, "cell[0]");
}

TEST(NotebookReader, NotebookInsideZipKeepsCellMembers) {
  auto x = ExpandBytes(testing::Archive({{"nb/analysis.ipynb", kNotebook}}), "work.zip");
  ASSERT_EQ(x.leaves.size(), 5u);
  EXPECT_EQ(x.leaves[3].member, "nb/analysis.ipynb!cell[2]#2");
}

}  // namespace
}  // namespace cg
