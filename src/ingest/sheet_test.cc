#include "ingest/sheet.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace coopatlas::ingest {
namespace {

using std::string_literals::operator""s;
using Fields = std::vector<std::string>;

// ---------------------------------------------------------------------------
// DetectDelimiter

struct DelimiterCase {
  const char* header_line;
  char delimiter;
};

void PrintTo(const DelimiterCase& c, std::ostream* os) { *os << c.header_line; }

class DetectDelimiterTest : public ::testing::TestWithParam<DelimiterCase> {};

TEST_P(DetectDelimiterTest, Detects) {
  EXPECT_EQ(DetectDelimiter(GetParam().header_line), GetParam().delimiter);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DetectDelimiterTest,
    ::testing::Values(DelimiterCase{"a;b;c", ';'}, DelimiterCase{"a,b,c", ','},
                      DelimiterCase{"a\tb\tc", '\t'},
                      // ';' inside quotes does not count.
                      DelimiterCase{"\"a;b;c\",d,e", ','},
                      DelimiterCase{"\"x, y\";\"z, t\";u", ';'},
                      // Doubled quotes inside a quoted field.
                      DelimiterCase{"\"say \"\"a;b;c\"\"\",d,e", ','},
                      DelimiterCase{"nom", ','}, DelimiterCase{"", ','},
                      // Most frequent wins; ties go to ';' then tab.
                      DelimiterCase{"a,b,c;d", ','},
                      DelimiterCase{"a;b,c", ';'},
                      DelimiterCase{"a\tb,c", '\t'},
                      DelimiterCase{"a;b\tc", ';'},
                      // Only the first line counts.
                      DelimiterCase{"a;b\nc,d,e,f", ';'},
                      // A quoted newline does not end the header line.
                      DelimiterCase{"\"a\nb,c,d\";e", ';'}));

// ---------------------------------------------------------------------------
// ReadSheet

Sheet MustRead(std::string_view bytes, const SheetOptions& options = {}) {
  Result<Sheet> sheet = ReadSheet(bytes, "s.csv", options);
  EXPECT_TRUE(sheet.ok()) << sheet.status().ToString();
  if (!sheet.ok()) return {};
  return std::move(sheet).value();
}

std::vector<Fields> RowFields(const Sheet& sheet) {
  std::vector<Fields> out;
  for (const core::CsvRecord& row : sheet.rows) out.push_back(row.fields);
  return out;
}

std::vector<std::size_t> RowLines(const Sheet& sheet) {
  std::vector<std::size_t> out;
  for (const core::CsvRecord& row : sheet.rows) out.push_back(row.line);
  return out;
}

TEST(ReadSheet, Windows1252Semicolons) {
  const Sheet sheet =
      MustRead("Intitul\xE9;Montant\r\nF\xEAte des voisins;1 234,56\r\n");
  EXPECT_EQ(sheet.source, "s.csv");
  EXPECT_EQ(sheet.encoding, Encoding::kWindows1252);
  EXPECT_EQ(sheet.delimiter, ';');
  EXPECT_EQ(sheet.header, (Fields{"Intitulé", "Montant"}));
  EXPECT_EQ(RowFields(sheet),
            (std::vector<Fields>{{"Fête des voisins", "1 234,56"}}));
  EXPECT_EQ(RowLines(sheet), (std::vector<std::size_t>{2}));
}

TEST(ReadSheet, Utf8BomAndCrlf) {
  const Sheet sheet =
      MustRead("\xEF\xBB\xBFnom,montant\r\nDakar,12\r\nThi\xC3\xA8s,3\r\n");
  EXPECT_EQ(sheet.encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(sheet.delimiter, ',');
  // The BOM is not part of the first column's name, CR not of the last.
  EXPECT_EQ(sheet.header, (Fields{"nom", "montant"}));
  EXPECT_EQ(RowFields(sheet),
            (std::vector<Fields>{{"Dakar", "12"}, {"Thiès", "3"}}));
}

TEST(ReadSheet, Utf8WithoutBomTabs) {
  const Sheet sheet = MustRead("a\tb\n1\t2");
  EXPECT_EQ(sheet.encoding, Encoding::kUtf8);
  EXPECT_EQ(sheet.delimiter, '\t');
  EXPECT_EQ(sheet.header, (Fields{"a", "b"}));
  EXPECT_EQ(RowFields(sheet), (std::vector<Fields>{{"1", "2"}}));
}

TEST(ReadSheet, HeaderNamesAreTrimmedCellsAreNot) {
  const Sheet sheet = MustRead(" nom ;\xC2\xA0montant\xE2\x80\xAF\n x ; 1 \n");
  EXPECT_EQ(sheet.header, (Fields{"nom", "montant"}));
  EXPECT_EQ(RowFields(sheet), (std::vector<Fields>{{" x ", " 1 "}}));
}

TEST(ReadSheet, DelimiterInsideQuotedHeaderIsIgnored) {
  const Sheet sheet = MustRead("\"a;b\",c,d\n\"1;2\",3,4\n");
  EXPECT_EQ(sheet.delimiter, ',');
  EXPECT_EQ(sheet.header, (Fields{"a;b", "c", "d"}));
  EXPECT_EQ(RowFields(sheet), (std::vector<Fields>{{"1;2", "3", "4"}}));
}

TEST(ReadSheet, ForcedDelimiter) {
  SheetOptions options;
  options.delimiter = ',';
  const Sheet sheet = MustRead("a;b;c,d\n1;2;3,4\n", options);
  EXPECT_EQ(sheet.delimiter, ',');
  EXPECT_EQ(sheet.header, (Fields{"a;b;c", "d"}));
}

TEST(ReadSheet, QuotedNewlinesKeepLineNumbers) {
  const Sheet sheet = MustRead(
      "titre;montant\n"
      "\"Projet\nsur deux lignes\";1\n"  // lines 2-3
      "\n"                               // line 4: blank
      "\"Dit \"\"bonjour\"\"\";2\n"      // line 5
      "\"a\r\nb\r\nc\";3\r\n"            // lines 6-8
      "z;4\n");                          // line 9
  EXPECT_EQ(RowFields(sheet),
            (std::vector<Fields>{{"Projet\nsur deux lignes", "1"},
                                 {"Dit \"bonjour\"", "2"},
                                 {"a\r\nb\r\nc", "3"},
                                 {"z", "4"}}));
  EXPECT_EQ(RowLines(sheet), (std::vector<std::size_t>{2, 5, 6, 9}));
}

TEST(ReadSheet, BlankLinesAreDropped) {
  const Sheet sheet = MustRead(
      "\n"       // 1: before the header
      "a;b;c\n"  // 2
      "\n"       // 3
      "1;2;3\n"  // 4
      ";;\n"     // 5: all empty
      "  \n"     // 6: spaces
      ";\n"      // 7: all empty, wrong count: still blank
      "4;;6\n"   // 8: not blank
      "\r\n");   // 9
  EXPECT_EQ(sheet.header, (Fields{"a", "b", "c"}));
  EXPECT_EQ(RowFields(sheet),
            (std::vector<Fields>{{"1", "2", "3"}, {"4", "", "6"}}));
  EXPECT_EQ(RowLines(sheet), (std::vector<std::size_t>{4, 8}));
}

TEST(ReadSheet, HeaderOnly) {
  const Sheet sheet = MustRead("a;b\n");
  EXPECT_EQ(sheet.header, (Fields{"a", "b"}));
  EXPECT_TRUE(sheet.rows.empty());
}

TEST(ReadSheet, TrailingDelimiterIsTolerated) {
  const Sheet sheet = MustRead("a;b\n1;2;\n3;4\n5;6;\r\n");
  EXPECT_EQ(sheet.header, (Fields{"a", "b"}));
  EXPECT_EQ(RowFields(sheet),
            (std::vector<Fields>{{"1", "2"}, {"3", "4"}, {"5", "6"}}));
}

TEST(ReadSheet, HeaderWithTrailingEmptyColumn) {
  const Sheet sheet = MustRead("a;b;\n1;2;\n");
  EXPECT_EQ(sheet.header, (Fields{"a", "b", ""}));
  EXPECT_EQ(RowFields(sheet), (std::vector<Fields>{{"1", "2", ""}}));
}

TEST(ReadSheet, FinalLoneCarriageReturnIsDropped) {
  const Sheet sheet = MustRead("a;b\r\n1;2\r");
  EXPECT_EQ(RowFields(sheet), (std::vector<Fields>{{"1", "2"}}));
}

struct SheetErrorCase {
  const char* name;
  std::string bytes;
  std::string message;
};

void PrintTo(const SheetErrorCase& c, std::ostream* os) { *os << c.name; }

class ReadSheetErrorTest : public ::testing::TestWithParam<SheetErrorCase> {};

TEST_P(ReadSheetErrorTest, Fails) {
  const SheetErrorCase& c = GetParam();
  const Result<Sheet> sheet = ReadSheet(c.bytes, "data/aides.csv");
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(sheet.status().message(), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ReadSheetErrorTest,
    ::testing::Values(
        SheetErrorCase{"Empty", "", "data/aides.csv: empty file"},
        SheetErrorCase{"BomOnly", "\xEF\xBB\xBF", "data/aides.csv: empty file"},
        SheetErrorCase{"BlankLinesOnly", "\n \r\n;;\n",
                       "data/aides.csv: empty file"},
        SheetErrorCase{"TooFewFields", "a;b;c\n1;2;3\n4;5\n",
                       "data/aides.csv: line 3: 2 fields, the header has 3"},
        SheetErrorCase{"TooManyFields", "a;b;c\n1;2;3;x\n",
                       "data/aides.csv: line 2: 4 fields, the header has 3"},
        // Only one trailing empty field is tolerated.
        SheetErrorCase{"TwoTrailingDelimiters", "a;b\n1;2;;\n",
                       "data/aides.csv: line 2: 4 fields, the header has 2"},
        // Not when the header has the trailing empty column itself.
        SheetErrorCase{"TrailingBeyondTrailingHeader", "a;b;\n1;2;;\n",
                       "data/aides.csv: line 2: 4 fields, the header has 3"},
        SheetErrorCase{"WrongCountAfterQuotedNewline", "a;b\n\"x\ny\";1\nz\n",
                       "data/aides.csv: line 4: 1 fields, the header has 2"},
        SheetErrorCase{"UnclosedQuote", "a;b\n1;2\n3;\"never closed\n4;5\n",
                       "data/aides.csv: line 3: quoted field is never closed "
                       "(truncated file?)"},
        SheetErrorCase{"TextAfterClosingQuote", "a;b\n\"x\"y;2\n",
                       "data/aides.csv: line 2, field 1: text after the "
                       "closing quote of a quoted field"},
        SheetErrorCase{"CorruptUtf8", "a;b\n\xC3\xA9;\xE9\n",
                       "data/aides.csv: invalid UTF-8 at line 2, column 3 "
                       "(byte 7)"},
        SheetErrorCase{"Nul", "a;b\n1;\0\n"s,
                       "data/aides.csv: NUL byte at line 2, column 3 (byte "
                       "6): not a text file"}));

TEST(ReadSheet, FieldOfTwoMebibytesIsRejectedWithItsLine) {
  const std::string big(2 << 20, 'x');
  const Result<Sheet> unquoted =
      ReadSheet("a;b\n1;2\n3;" + big + "\n", "big.csv");
  ASSERT_FALSE(unquoted.ok());
  EXPECT_EQ(unquoted.status().message(),
            "big.csv: line 3: field longer than 1048576 bytes");

  const Result<Sheet> quoted =
      ReadSheet("a;b\n\"x\ny\";2\n3;\"" + big + "\"\n", "big.csv");
  ASSERT_FALSE(quoted.ok());
  EXPECT_EQ(quoted.status().message(),
            "big.csv: line 4: field longer than 1048576 bytes");
}

TEST(ReadSheet, MaxFieldBytesOption) {
  SheetOptions options;
  options.max_field_bytes = 4;
  EXPECT_TRUE(ReadSheet("a;b\n1234;1\n", "s.csv", options).ok());
  const Result<Sheet> sheet = ReadSheet("a;b\n12345;1\n", "s.csv", options);
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().message(),
            "s.csv: line 2: field longer than 4 bytes");
}

TEST(ReadSheet, InvalidForcedDelimiter) {
  SheetOptions options;
  options.delimiter = '"';
  const Result<Sheet> sheet = ReadSheet("a\n", "s.csv", options);
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().message(), "s.csv: invalid delimiter");
}

// ---------------------------------------------------------------------------
// MapColumns

Sheet WithHeader(Fields header) {
  Sheet sheet;
  sheet.source = "m.csv";
  sheet.header = std::move(header);
  return sheet;
}

const std::vector<ColumnSpec>& Specs() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"titre", {"title", "intitulé"}, true},
      {"montant", {"amount", "montant accordé"}, true},
      {"année", {"year", "exercice"}, false},
      {"pays", {"country", "pays partenaire"}, false},
      {"commentaire", {"comment"}, false},
  };
  return kSpecs;
}

TEST(MapColumns, FrenchHeader) {
  const Result<std::vector<int>> map = MapColumns(
      WithHeader({"Pays partenaire", "Intitulé", "Montant (€)", "Année"}),
      Specs());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(*map, (std::vector<int>{1, 2, 3, 0, -1}));
}

TEST(MapColumns, EnglishHeader) {
  const Result<std::vector<int>> map = MapColumns(
      WithHeader({"Title", "Amount", "Country", "Comment", "Other"}), Specs());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(*map, (std::vector<int>{0, 1, -1, 2, 3}));
}

struct NameCase {
  const char* header_name;
  int titre_index;  // in MapColumns({"x", header_name}, {titre})
};

void PrintTo(const NameCase& c, std::ostream* os) { *os << c.header_name; }

class MapColumnsNameTest : public ::testing::TestWithParam<NameCase> {};

TEST_P(MapColumnsNameTest, Matches) {
  const std::vector<ColumnSpec> specs = {{"titre", {"title", "intitulé"}}};
  const Result<std::vector<int>> map =
      MapColumns(WithHeader({"x", GetParam().header_name}), specs);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(*map, (std::vector<int>{GetParam().titre_index}));
}

INSTANTIATE_TEST_SUITE_P(
    Table, MapColumnsNameTest,
    ::testing::Values(NameCase{"titre", 1}, NameCase{"TITRE", 1},
                      NameCase{"Titre", 1}, NameCase{"Intitulé", 1},
                      NameCase{"intitule", 1}, NameCase{"INTITULÉ", 1},
                      NameCase{"Intitule\xCC\x81", 1},  // NFD
                      NameCase{"  Title.", 1}, NameCase{"TITLE", 1},
                      NameCase{"titres", -1}, NameCase{"intitulé projet", -1},
                      NameCase{"", -1}));

TEST(MapColumns, MissingRequiredColumnListsAliasesAndHeader) {
  const Result<std::vector<int>> map =
      MapColumns(WithHeader({"a", "Montant", "c"}), Specs());
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(map.status().message(),
            "m.csv: missing required column 'titre' (also accepted: title, "
            "intitulé); the header has: a, Montant, c");
}

TEST(MapColumns, MissingRequiredColumnWithoutAliases) {
  const std::vector<ColumnSpec> specs = {{"code", {}, true}};
  const Result<std::vector<int>> map =
      MapColumns(WithHeader({"a", "b"}), specs);
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().message(),
            "m.csv: missing required column 'code'; the header has: a, b");
}

TEST(MapColumns, TwoColumnsWithTheSameMeaning) {
  const Result<std::vector<int>> map = MapColumns(
      WithHeader({"montant", "Titre", "x", "y", "INTITULE"}), Specs());
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(map.status().message(), "m.csv: columns 2 and 5 both mean 'titre'");
}

TEST(MapColumns, SameNameTwice) {
  const Result<std::vector<int>> map =
      MapColumns(WithHeader({"Titre", "montant", "Montant"}), Specs());
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().message(),
            "m.csv: columns 2 and 3 both mean 'montant'");
}

TEST(MapColumns, FromAWindows1252File) {
  const Result<Sheet> sheet = ReadSheet(
      "INTITUL\xC9;Montant accord\xE9;Ann\xE9"
      "e\nF\xEAte;100;2024\n",
      "w.csv");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  const Result<std::vector<int>> map = MapColumns(*sheet, Specs());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(*map, (std::vector<int>{0, 1, 2, -1, -1}));
}

}  // namespace
}  // namespace coopatlas::ingest
