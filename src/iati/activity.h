// An IATI 2.03 activity as plain values, as coopatlas writes it
// (writer.h). Strings are written as given (codes, ISO dates, decimals).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coopatlas::iati {

struct Narrative {
  std::string lang;  // "" = the activity's default language
  std::string text;
};

struct Org {
  std::string ref, type, role, crs_channel;
  std::vector<Narrative> names;
};

struct Coded {
  std::string vocabulary;  // sectors only
  std::string code;
  std::string percentage;  // "" = omitted
};

struct Location {
  std::string name;
  std::optional<std::pair<double, double>> point;  // lat, lng (WGS 84)
};

struct Budget {
  std::string type = "1", status = "1";
  std::string start, end;  // ISO dates
  std::string value;       // decimal, in the default currency
};

struct Transaction {
  std::string ref;
  std::string type;  // TransactionType code
  std::string date;  // ISO date (also the value date)
  std::string value;
  std::string description;
  Org provider, receiver;
};

struct Activity {
  std::string identifier;
  Org reporting;
  std::vector<Narrative> title, description;  // no description: the title
  std::vector<Org> participants;
  std::string status;  // ActivityStatus code
  std::vector<std::pair<std::string, std::string>> dates;  // type, ISO date
  std::vector<Coded> countries;
  std::vector<Location> locations;
  std::vector<Coded> sectors;
  std::vector<Budget> budgets;
  std::vector<Transaction> transactions;
};

struct FileHeader {
  std::string lang = "fr";
  std::string currency = "EUR";
};

// The XML of a whole <iati-activities version="2.03"> document, elements
// in schema order.
std::string WriteActivities(const FileHeader& header,
                            const std::vector<Activity>& activities);

// The same document written piece by piece onto *out (for a file written
// as it is made): the XML declaration and the root's start tag, then each
// activity, then the root's end tag.
void AppendDocumentStart(std::string* out);
void AppendActivity(const FileHeader& header, const Activity& activity,
                    std::string* out);
void AppendDocumentEnd(std::string* out);

// "12.5" for 12.5, "100" for 100, "33.33" for 100/3: at most two decimals.
std::string Decimal(double v);

// Splits 100 into n shares of two decimals adding up to exactly 100 (the
// last takes the rounding), as decimal strings.
std::vector<std::string> EqualShares(std::size_t n);

}  // namespace coopatlas::iati
