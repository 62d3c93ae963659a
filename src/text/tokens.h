// Word tokens of a text, folded (text/fold.h rules), with their byte
// offsets in the original text (for highlighting), and Snowball stemming.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace coopatlas::text {

// One word of a text.
struct Token {
  std::string_view folded;  // as Fold(): no accents, case folded, œ -> oe
  std::string_view lower;   // case folded, accents kept (for stemming)
  std::size_t begin = 0;    // byte offsets in the original text
  std::size_t end = 0;
};

// Calls `each(token)` for every run of letters and digits of `utf8`.
// Apostrophes and hyphens separate tokens; invalid UTF-8 bytes are
// separators. Stops early if `each` returns false. Thread-safe.
void ForEachToken(std::string_view utf8,
                  const std::function<bool(const Token&)>& each);

// A Snowball stemmer (libstemmer). One per thread: not thread-safe.
class Stemmer {
 public:
  // `language`: "french" or "english". Aborts if libstemmer lacks it (a
  // broken installation).
  explicit Stemmer(const char* language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a folded token ("cooperations" -> "cooper"). The view is
  // valid until the next call.
  std::string_view Stem(std::string_view folded);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace coopatlas::text
