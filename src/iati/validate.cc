#include "iati/validate.h"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>

namespace coopatlas::iati {

Result<ValidationReport> ValidateFile(const std::string& path,
                                      const ValidateOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ValidationReport report;
  report.file = path;
  std::vector<Message> rule_messages;
  std::int64_t suppressed = 0, suppressed_errors = 0, suppressed_warnings = 0;
  std::vector<Message> more;
  RuleOptions rules{options.codelists, options.today};
  ReadOptions read{options.schema_dir};
  COOPATLAS_ASSIGN_OR_RETURN(
      ReadSummary summary,
      ReadFile(path, read, [&](const Element& activity, bool schema_ok) {
        if (!schema_ok || activity.name != "iati-activity") return;
        if (rule_messages.size() < 10000) {
          CheckActivity(activity, rules, &rule_messages);
        } else {
          more.clear();
          CheckActivity(activity, rules, &more);
          for (const auto& m : more) {
            ++suppressed;
            ++(m.severity == "error" ? suppressed_errors : suppressed_warnings);
          }
        }
      }));
  report.root = summary.root;
  report.version = summary.version;
  report.bytes = summary.bytes;
  report.activities = summary.activities;
  report.fatal = summary.fatal;
  report.suppressed = summary.suppressed + suppressed;
  report.messages = std::move(summary.messages);
  for (auto& m : rule_messages) report.messages.push_back(std::move(m));
  std::stable_sort(
      report.messages.begin(), report.messages.end(),
      [](const Message& a, const Message& b) { return a.line < b.line; });
  for (const auto& m : report.messages) {
    if (m.rule == "0.3.1") report.schema_valid = false;
    if (m.severity == "error") {
      ++report.errors;
    } else {
      ++report.warnings;
    }
  }
  // Messages not kept still count: the reader's are schema errors.
  report.errors += summary.suppressed + suppressed_errors;
  report.warnings += suppressed_warnings;
  if (summary.suppressed > 0) report.schema_valid = false;
  if (report.fatal) report.schema_valid = false;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return report;
}

std::string FormatMessage(const std::string& file, const Message& m) {
  return fmt::format("{}:{}: {} [{}]{}{} {}", file, m.line, m.severity, m.rule,
                     m.activity.empty() ? "" : " ", m.activity, m.text);
}

}  // namespace coopatlas::iati
