#include "ingest/text_decode.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace coopatlas::ingest {
namespace {

using std::string_literals::operator""s;

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::string utf8;
  Encoding encoding;
};

void PrintTo(const DecodeCase& c, std::ostream* os) { *os << c.name; }

class DecodeTextTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTextTest, Decodes) {
  const DecodeCase& c = GetParam();
  const Result<DecodedText> decoded = DecodeText(c.bytes, "f.csv");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->utf8, c.utf8);
  EXPECT_EQ(decoded->encoding, c.encoding);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecodeTextTest,
    ::testing::Values(
        DecodeCase{"Empty", "", "", Encoding::kUtf8},
        DecodeCase{"Ascii", "a;b\r\n1;2\r\n", "a;b\r\n1;2\r\n",
                   Encoding::kUtf8},
        DecodeCase{"Utf8", "Intitul\xC3\xA9;Montant \xE2\x82\xAC\n",
                   "Intitulé;Montant €\n", Encoding::kUtf8},
        DecodeCase{"Utf8FourBytes", "\xF0\x9F\x98\x80", "😀", Encoding::kUtf8},
        DecodeCase{"Utf8Bom", "\xEF\xBB\xBFnom;f\xC3\xAAte\n", "nom;fête\n",
                   Encoding::kUtf8Bom},
        DecodeCase{"BomOnly", "\xEF\xBB\xBF", "", Encoding::kUtf8Bom},
        DecodeCase{"Windows1252", "Intitul\xE9;Montant \x80\nF\xEAte;12\n",
                   "Intitulé;Montant €\nFête;12\n", Encoding::kWindows1252},
        DecodeCase{"Windows1252Latin1",
                   "\xE0\xE9\xE8\xEA\xE7\xF4\xEE\xFB\xAB\xBB\xB0\xA0\xFF\xC9",
                   "àéèêçôîû«»°\u00A0ÿÉ", Encoding::kWindows1252},
        DecodeCase{"Windows1252High",
                   "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E"
                   "\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9E\x9F",
                   "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", Encoding::kWindows1252},
        // Without any valid UTF-8 sequence, a cut UTF-8 sequence is read
        // as Windows-1252 ("â‚").
        DecodeCase{"Windows1252LooksLikeCutUtf8", "ok\n\xE2\x82", "ok\nâ‚",
                   Encoding::kWindows1252},
        // Valid UTF-8 wins: "Ã©" in Windows-1252 is "é" in UTF-8.
        DecodeCase{"Utf8WinsOverWindows1252", "caf\xC3\xA9", "café",
                   Encoding::kUtf8},
        // "L’Haÿ" as French Excel writes it: typographic apostrophe 0x92.
        DecodeCase{"Windows1252Apostrophe", "L\x92Ha\xFF-les-Roses",
                   "L’Haÿ-les-Roses", Encoding::kWindows1252}));

struct DecodeErrorCase {
  const char* name;
  std::string bytes;
  std::string message;
};

void PrintTo(const DecodeErrorCase& c, std::ostream* os) { *os << c.name; }

class DecodeTextErrorTest : public ::testing::TestWithParam<DecodeErrorCase> {};

TEST_P(DecodeTextErrorTest, Fails) {
  const DecodeErrorCase& c = GetParam();
  const Result<DecodedText> decoded = DecodeText(c.bytes, "f.csv");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(decoded.status().message(), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecodeTextErrorTest,
    ::testing::Values(
        // UTF-8 (É is valid) with one Windows-1252 byte: line 3 starts at
        // byte 30, the bad byte is its second.
        DecodeErrorCase{"CorruptUtf8",
                        "nom;ville\nSaint-\xC3\x89tienne;Lyon\nB\xE9ziers;x\n",
                        "f.csv: invalid UTF-8 at line 3, column 2 (byte 31)"},
        // Columns count code points, not bytes.
        DecodeErrorCase{"ColumnInCodePoints", "\xC3\xA9\xC3\xA9\xFF",
                        "f.csv: invalid UTF-8 at line 1, column 3 (byte 4)"},
        DecodeErrorCase{"TruncatedSequence", "\xC3\xA9\n\xE2\x82",
                        "f.csv: invalid UTF-8 at line 2, column 1 (byte 3)"},
        // The BOM is a valid multi-byte sequence: not Windows-1252. Columns
        // are counted after the BOM, byte offsets from the file start.
        DecodeErrorCase{"BomThenLatin1",
                        "\xEF\xBB\xBF"
                        "ab\xE9",
                        "f.csv: invalid UTF-8 at line 1, column 3 (byte 5)"},
        // No valid UTF-8 sequence, but 0x81 is undefined in Windows-1252.
        DecodeErrorCase{"UndefinedAfterLatin1", "caf\xE9\n\x81x",
                        "f.csv: invalid UTF-8 at line 2, column 1 (byte 5)"},
        DecodeErrorCase{"Nul", "a;b\n1;\0;2"s,
                        "f.csv: NUL byte at line 2, column 3 (byte 6): not a "
                        "text file"},
        DecodeErrorCase{"NulAfterUtf8", "\xC3\xA9\0"s,
                        "f.csv: NUL byte at line 1, column 2 (byte 2): not a "
                        "text file"},
        // UTF-16 LE: a BOM FF FE, then "a" as 61 00.
        DecodeErrorCase{"Utf16", "\xFF\xFE\x61\0"s,
                        "f.csv: NUL byte at line 1, column 4 (byte 3): not a "
                        "text file"}));

TEST(DecodeText, EachUndefinedWindows1252ByteIsAnError) {
  for (const char byte : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
    std::string bytes = "ab\nd\xE9";
    bytes.push_back(byte);
    const Result<DecodedText> decoded = DecodeText(bytes, "x.csv");
    ASSERT_FALSE(decoded.ok()) << static_cast<int>(byte);
    EXPECT_EQ(decoded.status().message(),
              "x.csv: invalid UTF-8 at line 2, column 3 (byte 5)");
  }
}

TEST(DecodeText, DefinedWindows1252NeighboursDecode) {
  // The bytes around the undefined ones are defined.
  const Result<DecodedText> decoded =
      DecodeText("\x80\x8C\x8E\x91\x9C\x9E", "x.csv");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->utf8, "€ŒŽ‘œž");
}

TEST(EncodingName, Names) {
  EXPECT_EQ(EncodingName(Encoding::kUtf8), "UTF-8");
  EXPECT_EQ(EncodingName(Encoding::kUtf8Bom), "UTF-8 (BOM)");
  EXPECT_EQ(EncodingName(Encoding::kWindows1252), "Windows-1252");
}

}  // namespace
}  // namespace coopatlas::ingest
