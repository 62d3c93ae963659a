// Status and Result<T>: expected failures as values (ARCHITECTURE.md §5.4).
//
// Every fallible call of the coopatlas API returns a Status or a Result<T>.
// No exception crosses the registry API. Both types are cheap to move and
// are marked [[nodiscard]] so an ignored error is a compile error under
// -Werror.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace coopatlas {

// Domain error codes. Each maps to one HTTP status in src/http and to one
// process exit code in src/tools.
enum class Code {
  kOk = 0,
  kInvalidArgument,  // the caller's input is wrong (bad name, bad UTF-8, ...)
  kNotFound,         // a named thing does not exist
  kConflict,         // version mismatch, duplicate key
  kFailedPrecondition,  // the database is not initialised, read-only, ...
  kIo,                  // a file or directory could not be read or written
  kCorruption,          // data on disk or in a package is not what we expect
  kInternal,            // a bug: an invariant did not hold
};

// Short stable name of a code ("invalid_argument", ...), used in JSON.
std::string_view CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) {
    return {Code::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) {
    return {Code::kNotFound, std::move(m)};
  }
  static Status Conflict(std::string m) {
    return {Code::kConflict, std::move(m)};
  }
  static Status FailedPrecondition(std::string m) {
    return {Code::kFailedPrecondition, std::move(m)};
  }
  static Status Io(std::string m) { return {Code::kIo, std::move(m)}; }
  static Status Corruption(std::string m) {
    return {Code::kCorruption, std::move(m)};
  }
  static Status Internal(std::string m) {
    return {Code::kInternal, std::move(m)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>".
  Status WithContext(std::string_view context) const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or an error Status. Access to value() on an error is a bug
// (asserted in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace coopatlas

// Early return of an error Status from a function returning Status or
// Result<T>.
#define COOPATLAS_RETURN_IF_ERROR(expr)                    \
  do {                                                     \
    ::coopatlas::Status _coopatlas_status = (expr);        \
    if (!_coopatlas_status.ok()) return _coopatlas_status; \
  } while (false)

#define COOPATLAS_CONCAT_INNER(a, b) a##b
#define COOPATLAS_CONCAT(a, b) COOPATLAS_CONCAT_INNER(a, b)
// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` is a declaration.
#define COOPATLAS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                    \
  if (!tmp.ok()) return tmp.status();                   \
  lhs = std::move(tmp).value()
// `COOPATLAS_ASSIGN_OR_RETURN(auto x, F());` declares x from a Result.
#define COOPATLAS_ASSIGN_OR_RETURN(lhs, expr) \
  COOPATLAS_ASSIGN_OR_RETURN_IMPL(            \
      COOPATLAS_CONCAT(_coopatlas_result_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)
