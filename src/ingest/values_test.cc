#include "ingest/values.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>

namespace coopatlas::ingest {
namespace {

// A cell and the message of the error it must give.
struct ErrorCase {
  const char* cell;
  const char* message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.cell; }

// ---------------------------------------------------------------------------
// TrimCell

struct TrimCase {
  const char* cell;
  const char* trimmed;
};

void PrintTo(const TrimCase& c, std::ostream* os) { *os << c.cell; }

class TrimCellTest : public ::testing::TestWithParam<TrimCase> {};

TEST_P(TrimCellTest, Trims) {
  EXPECT_EQ(TrimCell(GetParam().cell), GetParam().trimmed);
}

INSTANTIATE_TEST_SUITE_P(
    Table, TrimCellTest,
    ::testing::Values(TrimCase{"", ""}, TrimCase{"   ", ""},
                      TrimCase{"abc", "abc"}, TrimCase{" a b ", "a b"},
                      TrimCase{"\ta\t", "a"},
                      TrimCase{"\xC2\xA0"
                               "12\xE2\x80\xAF",
                               "12"},
                      TrimCase{"\xC2\xA0 \xE2\x80\xAF\t", ""},
                      TrimCase{"1\xC2\xA0"
                               "234",
                               "1\xC2\xA0"
                               "234"},
                      TrimCase{"\nx\n", "\nx\n"}));

// ---------------------------------------------------------------------------
// ParseAmountCents

struct AmountCase {
  const char* cell;
  std::int64_t cents;
};

void PrintTo(const AmountCase& c, std::ostream* os) { *os << c.cell; }

class AmountTest : public ::testing::TestWithParam<AmountCase> {};

TEST_P(AmountTest, Parses) {
  const Result<std::int64_t> cents = ParseAmountCents(GetParam().cell);
  ASSERT_TRUE(cents.ok()) << cents.status().ToString();
  EXPECT_EQ(*cents, GetParam().cents);
}

INSTANTIATE_TEST_SUITE_P(HeaderExamples, AmountTest,
                         ::testing::Values(AmountCase{"1234", 123400},
                                           AmountCase{"1234,5", 123450},
                                           AmountCase{"1 234,56", 123456},
                                           AmountCase{"1 234,56 €", 123456},
                                           AmountCase{"1.234,56", 123456},
                                           AmountCase{"1,234.56", 123456},
                                           AmountCase{"1234.56", 123456},
                                           AmountCase{"EUR 12", 1200},
                                           AmountCase{"-150,00", -15000}));

INSTANTIATE_TEST_SUITE_P(
    More, AmountTest,
    ::testing::Values(
        AmountCase{"0", 0}, AmountCase{"0,05", 5}, AmountCase{"0.5", 50},
        AmountCase{"-0,00", 0}, AmountCase{"0001", 100},
        AmountCase{" 42 ", 4200}, AmountCase{"+7", 700},
        AmountCase{"1\xC2\xA0"
                   "234,56",
                   123456},  // NBSP
        AmountCase{"1\xE2\x80\xAF"
                   "234,56\xE2\x80\xAF€",
                   123456},  // NNBSP
        AmountCase{"12€", 1200}, AmountCase{"€12", 1200},
        AmountCase{"€ 12,5", 1250}, AmountCase{"12 EUR", 1200},
        AmountCase{"eur 3", 300}, AmountCase{"12EUR", 1200},
        AmountCase{"-1 234,56 €", -123456}, AmountCase{"€ -5", -500},
        AmountCase{"-€5", -500}, AmountCase{"- 5", -500},
        AmountCase{"1.234,5", 123450}, AmountCase{"1.234.567,89", 123456789},
        AmountCase{"1,234,567.89", 123456789},
        AmountCase{"1 234 567", 123456700},
        AmountCase{"1 234 567,8", 123456780},
        AmountCase{"1000000000000000", 100'000'000'000'000'000},
        AmountCase{"-1 000 000 000 000 000,00", -100'000'000'000'000'000},
        AmountCase{"999999999999999,99", 99'999'999'999'999'999}));

class AmountErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(AmountErrorTest, Fails) {
  const Result<std::int64_t> cents = ParseAmountCents(GetParam().cell);
  ASSERT_FALSE(cents.ok()) << *cents;
  EXPECT_EQ(cents.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(cents.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, AmountErrorTest,
    ::testing::Values(
        ErrorCase{"12,345", "'12,345' has more than two decimals"},
        // Ambiguous: a '.' before three digits is a thousands separator
        // only when ',' is the decimal mark.
        ErrorCase{"1.234", "'1.234' has more than two decimals"},
        ErrorCase{"1 234.567", "'1 234.567' has more than two decimals"},
        ErrorCase{"1,234.567", "'1,234.567' has more than two decimals"},
        ErrorCase{"0,001 €", "'0,001 €' has more than two decimals"},
        ErrorCase{"1.234.567", "'1.234.567' has several decimal marks"},
        ErrorCase{"1,2,3", "'1,2,3' has several decimal marks"},
        ErrorCase{"1.234,56,7", "'1.234,56,7' has several decimal marks"},
        ErrorCase{"abc", "'abc' is not an amount"},
        ErrorCase{"12abc", "'12abc' is not an amount"},
        ErrorCase{"12 k€", "'12 k€' is not an amount"},
        ErrorCase{"$12", "'$12' is not an amount"},
        ErrorCase{"1e5", "'1e5' is not an amount"},
        ErrorCase{"€", "'€' is not an amount"},
        ErrorCase{"EUR", "'EUR' is not an amount"},
        ErrorCase{"-", "'-' is not an amount"},
        ErrorCase{"--5", "'--5' is not an amount"},
        ErrorCase{"€12€", "'€12€' is not an amount"},
        ErrorCase{"12 34", "'12 34' is not an amount"},
        ErrorCase{"1234 567", "'1234 567' is not an amount"},
        ErrorCase{"1  234", "'1  234' is not an amount"},
        ErrorCase{"1.23,45", "'1.23,45' is not an amount"},
        ErrorCase{"1,5 000", "'1,5 000' is not an amount"},
        ErrorCase{",5", "',5' is not an amount"},
        ErrorCase{"5,", "'5,' is not an amount"},
        ErrorCase{"(150,00)", "'(150,00)' is not an amount"},
        ErrorCase{" \xC2\xA0", "empty cell, expected an amount"},
        ErrorCase{"", "empty cell, expected an amount"},
        ErrorCase{"1000000000000000,01",
                  "'1000000000000000,01' is beyond 10^15 euros"},
        ErrorCase{"-1000000000000001",
                  "'-1000000000000001' is beyond 10^15 euros"},
        ErrorCase{"99999999999999999999999",
                  "'99999999999999999999999' is beyond 10^15 euros"}));

// ---------------------------------------------------------------------------
// ParseDecimal

struct DecimalCase {
  const char* cell;
  double value;
};

void PrintTo(const DecimalCase& c, std::ostream* os) { *os << c.cell; }

class DecimalTest : public ::testing::TestWithParam<DecimalCase> {};

TEST_P(DecimalTest, Parses) {
  const Result<double> value = ParseDecimal(GetParam().cell);
  ASSERT_TRUE(value.ok()) << value.status().ToString();
  EXPECT_DOUBLE_EQ(*value, GetParam().value);
}

INSTANTIATE_TEST_SUITE_P(Table, DecimalTest,
                         ::testing::Values(DecimalCase{"0,655957", 0.655957},
                                           DecimalCase{"0.655957", 0.655957},
                                           DecimalCase{"6,55957", 6.55957},
                                           DecimalCase{"42", 42.0},
                                           DecimalCase{"-1,5", -1.5},
                                           DecimalCase{"+2", 2.0},
                                           DecimalCase{" 3,25\xC2\xA0", 3.25},
                                           DecimalCase{"-0", 0.0}));

class DecimalErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DecimalErrorTest, Fails) {
  const Result<double> value = ParseDecimal(GetParam().cell);
  ASSERT_FALSE(value.ok()) << *value;
  EXPECT_EQ(value.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(value.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecimalErrorTest,
    ::testing::Values(ErrorCase{"", "empty cell, expected a number"},
                      ErrorCase{"abc", "'abc' is not a number"},
                      ErrorCase{"1,2,3", "'1,2,3' is not a number"},
                      ErrorCase{"1.2,3", "'1.2,3' is not a number"},
                      ErrorCase{"1 234,5", "'1 234,5' is not a number"},
                      ErrorCase{"1e5", "'1e5' is not a number"},
                      ErrorCase{",5", "',5' is not a number"},
                      ErrorCase{"5,", "'5,' is not a number"},
                      ErrorCase{"-", "'-' is not a number"},
                      ErrorCase{"--1", "'--1' is not a number"},
                      ErrorCase{"inf", "'inf' is not a number"}));

// ---------------------------------------------------------------------------
// ParseDate

struct DateCase {
  const char* cell;
  const char* iso;
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.cell; }

class DateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateTest, Parses) {
  const Result<std::string> iso = ParseDate(GetParam().cell);
  ASSERT_TRUE(iso.ok()) << iso.status().ToString();
  EXPECT_EQ(*iso, GetParam().iso);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DateTest,
    ::testing::Values(
        DateCase{"15/03/2024", "2024-03-15"},
        DateCase{"1/2/2024", "2024-02-01"},  // d/m/yyyy: 1 February
        DateCase{"01-02-2024", "2024-02-01"},
        DateCase{"01.02.2024", "2024-02-01"},
        DateCase{"2024-02-01", "2024-02-01"},
        DateCase{" 05/06/2023\xC2\xA0", "2023-06-05"},
        DateCase{"31/01/2023", "2023-01-31"},
        DateCase{"30/04/2024", "2024-04-30"},
        DateCase{"29/02/2024", "2024-02-29"},  // leap: divisible by 4
        DateCase{"29/02/2000", "2000-02-29"},  // leap: divisible by 400
        DateCase{"2000-02-29", "2000-02-29"},
        DateCase{"28/02/1900", "1900-02-28"},
        DateCase{"01/01/1900", "1900-01-01"},
        DateCase{"31/12/2100", "2100-12-31"}));

class DateErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DateErrorTest, Fails) {
  const Result<std::string> iso = ParseDate(GetParam().cell);
  ASSERT_FALSE(iso.ok()) << *iso;
  EXPECT_EQ(iso.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(iso.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DateErrorTest,
    ::testing::Values(
        ErrorCase{"31/02/2024", "'31/02/2024' is not a date"},
        ErrorCase{"29/02/2023", "'29/02/2023' is not a date"},
        ErrorCase{"29/02/1900", "'29/02/1900' is not a date"},  // not leap
        ErrorCase{"29/02/2100", "'29/02/2100' is not a date"},  // not leap
        ErrorCase{"31/04/2024", "'31/04/2024' is not a date"},
        ErrorCase{"2024-13-01", "'2024-13-01' is not a date"},
        ErrorCase{"2024-00-10", "'2024-00-10' is not a date"},
        ErrorCase{"2024-04-31", "'2024-04-31' is not a date"},
        ErrorCase{"00/01/2024", "'00/01/2024' is not a date"},
        ErrorCase{"32/01/2024", "'32/01/2024' is not a date"},
        ErrorCase{"31/12/1899", "'31/12/1899' is not a date"},
        ErrorCase{"01/01/2101", "'01/01/2101' is not a date"},
        ErrorCase{"01/02/24", "'01/02/24' is not a date"},
        ErrorCase{"001/02/2024", "'001/02/2024' is not a date"},
        ErrorCase{"01/02-2024", "'01/02-2024' is not a date"},
        ErrorCase{"2024/02/01", "'2024/02/01' is not a date"},
        ErrorCase{"01/02/2024/3", "'01/02/2024/3' is not a date"},
        ErrorCase{"01/02/2024 10:00", "'01/02/2024 10:00' is not a date"},
        ErrorCase{"1er mars 2024", "'1er mars 2024' is not a date"},
        ErrorCase{"45292", "'45292' is not a date"},  // an Excel serial
        ErrorCase{"", "empty cell, expected a date"}));

// ---------------------------------------------------------------------------
// ParseYear

struct YearCase {
  const char* cell;
  int year;
};

void PrintTo(const YearCase& c, std::ostream* os) { *os << c.cell; }

class YearTest : public ::testing::TestWithParam<YearCase> {};

TEST_P(YearTest, Parses) {
  const Result<int> year = ParseYear(GetParam().cell);
  ASSERT_TRUE(year.ok()) << year.status().ToString();
  EXPECT_EQ(*year, GetParam().year);
}

INSTANTIATE_TEST_SUITE_P(Table, YearTest,
                         ::testing::Values(YearCase{"2024", 2024},
                                           YearCase{"1900", 1900},
                                           YearCase{"2100", 2100},
                                           YearCase{" 1999\xC2\xA0", 1999}));

class YearErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(YearErrorTest, Fails) {
  const Result<int> year = ParseYear(GetParam().cell);
  ASSERT_FALSE(year.ok()) << *year;
  EXPECT_EQ(year.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(year.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Table, YearErrorTest,
    ::testing::Values(
        ErrorCase{"1899", "'1899' is not a year between 1900 and 2100"},
        ErrorCase{"2101", "'2101' is not a year between 1900 and 2100"},
        ErrorCase{"24", "'24' is not a year"},
        ErrorCase{"02024", "'02024' is not a year"},
        ErrorCase{"20 24", "'20 24' is not a year"},
        ErrorCase{"2024.0", "'2024.0' is not a year"},
        ErrorCase{"-2024", "'-2024' is not a year"},
        ErrorCase{"abcd", "'abcd' is not a year"},
        ErrorCase{"", "empty cell, expected a year"}));

}  // namespace
}  // namespace coopatlas::ingest
