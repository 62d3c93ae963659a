#include "core/csv.h"

#include <gtest/gtest.h>

namespace coopatlas::core {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text,
                                              CsvOptions options = {}) {
  CsvReader reader(text, options);
  CsvRecord record;
  std::vector<std::vector<std::string>> out;
  while (reader.Next(&record)) out.push_back(record.fields);
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return out;
}

TEST(Csv, QuotedFieldsNewlinesAndDoubledQuotes) {
  const auto rows =
      ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "x, y");
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2][0], "two\nlines");
  EXPECT_EQ(rows[2][1], "z");
}

TEST(Csv, SemicolonDelimiter) {
  CsvOptions options;
  options.delimiter = ';';
  const auto rows = ReadAll("nom;montant\nDakar;1,5\n", options);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][1], "1,5");
}

TEST(Csv, RecordLinesCountQuotedNewlines) {
  CsvReader reader("h\n\"a\nb\"\nc\n");
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.line, 1u);
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.line, 2u);
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.line, 4u);
}

TEST(Csv, UnclosedQuoteIsAnErrorNamingTheLine) {
  CsvReader reader("a,b\nx,\"never closed\n");
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_FALSE(reader.Next(&record));
  EXPECT_EQ(reader.status().code(), Code::kInvalidArgument);
  EXPECT_NE(reader.status().message().find("line 2"), std::string::npos);
}

TEST(Csv, FieldTooLarge) {
  CsvOptions options;
  options.max_field_bytes = 8;
  CsvReader reader("0123456789\n", options);
  CsvRecord record;
  EXPECT_FALSE(reader.Next(&record));
  EXPECT_NE(reader.status().message().find("longer than 8"), std::string::npos);
}

TEST(CsvTable, WrongFieldCountNamesFileAndLine) {
  auto table = ParseCsvTable("a,b\n1,2\n3\n", "f.csv");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(),
            "f.csv: line 3: 1 fields, the header has 2");
}

TEST(CsvTable, InvalidUtf8NamesLineAndColumn) {
  auto table = ParseCsvTable("a\nSaint-\xE9tienne\n", "f.csv");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(
      table.status().message().find("f.csv: invalid UTF-8 at line 2, column 7"),
      std::string::npos);
}

TEST(CsvTable, BomAndBlankLines) {
  auto table = ParseCsvTable(
      "\xEF\xBB\xBF"
      "code,name\nFR,France\n\nSN,Sénégal\n",
      "f.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->header[0], "code");
  EXPECT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->Column("name"), 1);
  EXPECT_EQ(table->Column("missing"), -1);
}

}  // namespace
}  // namespace coopatlas::core
