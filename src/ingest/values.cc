#include "ingest/values.h"

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace coopatlas::ingest {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";            // U+00A0
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kEuroSign = "\xE2\x82\xAC";    // U+20AC

// 10^15 euros, in cents: the largest amount accepted, either sign.
constexpr std::int64_t kMaxCents = 100'000'000'000'000'000;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// Length of the space-like character (space, tab, NBSP, narrow NBSP) at the
// start of `s`, or 0.
std::size_t LeadingSpaceLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t') return 1;
  if (s.starts_with(kNbsp)) return kNbsp.size();
  if (s.starts_with(kNarrowNbsp)) return kNarrowNbsp.size();
  return 0;
}

// Length of the space-like character at the end of `s`, or 0.
std::size_t TrailingSpaceLength(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == ' ' || s.back() == '\t') return 1;
  if (s.ends_with(kNbsp)) return kNbsp.size();
  if (s.ends_with(kNarrowNbsp)) return kNarrowNbsp.size();
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// The value of 1 to 4 ASCII digits.
std::optional<int> SmallNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 4 || !AllDigits(digits)) {
    return std::nullopt;
  }
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Removes "€" or "EUR" (any case) at the start of *s.
bool StripCurrencyPrefix(std::string_view* s) {
  if (s->starts_with(kEuroSign)) {
    s->remove_prefix(kEuroSign.size());
    return true;
  }
  if (s->size() >= 3) {
    const std::string_view head = s->substr(0, 3);
    if ((head[0] == 'E' || head[0] == 'e') &&
        (head[1] == 'U' || head[1] == 'u') &&
        (head[2] == 'R' || head[2] == 'r')) {
      s->remove_prefix(3);
      return true;
    }
  }
  return false;
}

// Removes "€" or "EUR" (any case) at the end of *s.
bool StripCurrencySuffix(std::string_view* s) {
  if (s->ends_with(kEuroSign)) {
    s->remove_suffix(kEuroSign.size());
    return true;
  }
  if (s->size() >= 3) {
    const std::string_view tail = s->substr(s->size() - 3);
    if ((tail[0] == 'E' || tail[0] == 'e') &&
        (tail[1] == 'U' || tail[1] == 'u') &&
        (tail[2] == 'R' || tail[2] == 'r')) {
      s->remove_suffix(3);
      return true;
    }
  }
  return false;
}

// Removes a leading '-' or '+' from *s (and the spaces after it).
bool StripSign(std::string_view* s, bool* negative) {
  if (s->empty() || ((*s)[0] != '-' && (*s)[0] != '+')) return false;
  *negative = (*s)[0] == '-';
  s->remove_prefix(1);
  *s = TrimCell(*s);
  return true;
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

void AppendPadded(int value, std::size_t width, std::string* out) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) out->append(width - digits.size(), '0');
  out->append(digits);
}

std::string Quoted(std::string_view cell) {
  return "'" + std::string(cell) + "'";
}

}  // namespace

std::string_view TrimCell(std::string_view cell) {
  while (const std::size_t n = LeadingSpaceLength(cell)) cell.remove_prefix(n);
  while (const std::size_t n = TrailingSpaceLength(cell)) {
    cell.remove_suffix(n);
  }
  return cell;
}

// How an amount is read, integers only (no floating point anywhere):
// 1. Trim; take an optional sign, an optional currency ("€" or "EUR", any
//    case, before or after the number, spaces allowed around it), so that
//    "-150,00 €", "€ -150" and "EUR 12" all parse.
// 2. The rest holds digit runs separated by spaces (space, NBSP, narrow
//    NBSP), '.' and ','. Anything else is "'x' is not an amount".
// 3. The decimal mark:
//    - '.' and ',' both present: the rightmost one is the decimal mark and
//      must appear once ("1.234,56", "1,234.56"); the other one separates
//      thousands;
//    - only one of them: it is the decimal mark and must appear once
//      ("1234,5", "1234.56"); "1.234.567" has several decimal marks.
//    So '.' (or ',') followed by three digits is a thousands separator only
//    when the other mark is the decimal mark: "1.234,5" is 1234.50, but
//    "1.234" alone is ambiguous (1.234 or 1234?) and is rejected as having
//    more than two decimals, like "12,345". Officers must write "1234" or
//    "1 234".
// 4. One or two decimals; the integer part must have at least one digit.
//    With thousands separators, the first group has 1 to 3 digits and every
//    other group exactly 3 ("1 234 567", not "12 34").
// 5. At most 10^15 euros either way.
Result<std::int64_t> ParseAmountCents(std::string_view cell) {
  const std::string_view trimmed = TrimCell(cell);
  if (trimmed.empty()) {
    return Status::InvalidArgument("empty cell, expected an amount");
  }
  auto not_an_amount = [&trimmed]() {
    return Status::InvalidArgument(Quoted(trimmed) + " is not an amount");
  };

  std::string_view s = trimmed;
  bool negative = false;
  bool has_sign = StripSign(&s, &negative);
  if (StripCurrencyPrefix(&s)) {
    s = TrimCell(s);
    if (!has_sign) has_sign = StripSign(&s, &negative);
  } else if (StripCurrencySuffix(&s)) {
    s = TrimCell(s);
  }
  if (s.empty()) return not_an_amount();

  // Split into digit runs and the separators between them (' ' stands for
  // any space-like character).
  std::vector<std::string_view> runs;
  std::vector<char> separators;
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return not_an_amount();  // no digits here
    runs.push_back(s.substr(start, i - start));
    if (i == s.size()) break;
    if (s[i] == '.' || s[i] == ',') {
      separators.push_back(s[i]);
      ++i;
    } else if (const std::size_t n = LeadingSpaceLength(s.substr(i))) {
      separators.push_back(' ');
      i += n;
    } else {
      return not_an_amount();
    }
  }

  std::size_t dots = 0;
  std::size_t commas = 0;
  char last_mark = 0;
  for (const char sep : separators) {
    if (sep == '.') ++dots;
    if (sep == ',') ++commas;
    if (sep != ' ') last_mark = sep;
  }
  const char decimal_mark = last_mark;
  if ((decimal_mark == '.' && dots > 1) ||
      (decimal_mark == ',' && commas > 1)) {
    return Status::InvalidArgument(Quoted(trimmed) +
                                   " has several decimal marks");
  }

  std::string_view decimals;
  std::size_t integer_runs = runs.size();
  if (decimal_mark != 0) {
    // The decimal mark must be the last separator: "1,5 000" is garbage.
    if (separators.back() != decimal_mark) return not_an_amount();
    decimals = runs.back();
    integer_runs = runs.size() - 1;
    if (decimals.size() > 2) {
      return Status::InvalidArgument(Quoted(trimmed) +
                                     " has more than two decimals");
    }
  }
  if (integer_runs > 1) {
    if (runs[0].size() > 3) return not_an_amount();
    for (std::size_t k = 1; k < integer_runs; ++k) {
      if (runs[k].size() != 3) return not_an_amount();
    }
  }

  // Integer value, guarding against overflow: 10^15 has 16 digits.
  std::int64_t euros = 0;
  std::size_t significant = 0;
  for (std::size_t k = 0; k < integer_runs; ++k) {
    for (const char c : runs[k]) {
      if (significant == 0 && c == '0') continue;
      if (++significant > 16) {
        return Status::InvalidArgument(Quoted(trimmed) +
                                       " is beyond 10^15 euros");
      }
      euros = euros * 10 + (c - '0');
    }
  }
  std::int64_t cents = euros * 100;
  if (!decimals.empty())
    cents += static_cast<std::int64_t>(decimals[0] - '0') * 10;
  if (decimals.size() == 2) cents += decimals[1] - '0';
  if (cents > kMaxCents) {
    return Status::InvalidArgument(Quoted(trimmed) + " is beyond 10^15 euros");
  }
  return negative ? -cents : cents;
}

// Sign, digits, then optionally one '.' or ',' and digits. No thousands
// separators, no exponent.
Result<double> ParseDecimal(std::string_view cell) {
  const std::string_view trimmed = TrimCell(cell);
  if (trimmed.empty()) {
    return Status::InvalidArgument("empty cell, expected a number");
  }
  auto not_a_number = [&trimmed]() {
    return Status::InvalidArgument(Quoted(trimmed) + " is not a number");
  };
  std::string_view s = trimmed;
  bool negative = false;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const std::size_t mark = s.find_first_of(".,");
  std::string normalized(s);
  if (mark == std::string_view::npos) {
    if (!AllDigits(s)) return not_a_number();
  } else {
    if (!AllDigits(s.substr(0, mark)) || !AllDigits(s.substr(mark + 1))) {
      return not_a_number();
    }
    normalized[mark] = '.';
  }
  double value = 0;
  const char* end = normalized.data() + normalized.size();
  const auto [ptr, ec] = std::from_chars(normalized.data(), end, value);
  if (ec != std::errc() || ptr != end) return not_a_number();
  return negative ? -value : value;
}

Result<std::string> ParseDate(std::string_view cell) {
  const std::string_view trimmed = TrimCell(cell);
  auto not_a_date = [&trimmed]() {
    return Status::InvalidArgument(Quoted(trimmed) + " is not a date");
  };
  if (trimmed.empty()) {
    return Status::InvalidArgument("empty cell, expected a date");
  }

  // Three numbers with the same separator between them.
  const std::size_t first = trimmed.find_first_of("/-.");
  if (first == std::string_view::npos) return not_a_date();
  const char sep = trimmed[first];
  const std::size_t second = trimmed.find(sep, first + 1);
  if (second == std::string_view::npos) return not_a_date();
  const std::string_view a = trimmed.substr(0, first);
  const std::string_view b = trimmed.substr(first + 1, second - first - 1);
  const std::string_view c = trimmed.substr(second + 1);
  if (!AllDigits(a) || !AllDigits(b) || !AllDigits(c)) return not_a_date();

  std::string_view year_text;
  std::string_view month_text;
  std::string_view day_text;
  if (a.size() == 4 && sep == '-') {  // yyyy-mm-dd
    year_text = a;
    month_text = b;
    day_text = c;
  } else {  // dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy
    day_text = a;
    month_text = b;
    year_text = c;
  }
  if (year_text.size() != 4 || month_text.size() > 2 || day_text.size() > 2) {
    return not_a_date();
  }
  const int year = *SmallNumber(year_text);
  const int month = *SmallNumber(month_text);
  const int day = *SmallNumber(day_text);
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 ||
      day < 1 || day > DaysInMonth(year, month)) {
    return not_a_date();
  }
  std::string iso;
  iso.reserve(10);
  AppendPadded(year, 4, &iso);
  iso.push_back('-');
  AppendPadded(month, 2, &iso);
  iso.push_back('-');
  AppendPadded(day, 2, &iso);
  return iso;
}

Result<int> ParseYear(std::string_view cell) {
  const std::string_view trimmed = TrimCell(cell);
  if (trimmed.empty()) {
    return Status::InvalidArgument("empty cell, expected a year");
  }
  const std::optional<int> year =
      trimmed.size() == 4 ? SmallNumber(trimmed) : std::nullopt;
  if (!year) return Status::InvalidArgument(Quoted(trimmed) + " is not a year");
  if (*year < kMinYear || *year > kMaxYear) {
    return Status::InvalidArgument(Quoted(trimmed) +
                                   " is not a year between 1900 and 2100");
  }
  return *year;
}

}  // namespace coopatlas::ingest
