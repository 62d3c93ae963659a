// One IATI activity (or any element) as a small tree of plain values, built
// while streaming (reader.h) and freed after the activity's checks.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coopatlas::iati {

struct Element {
  std::string name;  // qualified name as written ("narrative", "xml:lang")
  int line = 0;      // line of the start tag
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string text;  // character data directly inside the element
  std::vector<Element> children;

  // The attribute's value, or nullptr when absent.
  const std::string* Attr(std::string_view attr) const {
    for (const auto& [k, v] : attrs) {
      if (k == attr) return &v;
    }
    return nullptr;
  }
  // The attribute's value, or "" when absent.
  std::string AttrOr(std::string_view attr,
                     std::string_view fallback = {}) const {
    const std::string* v = Attr(attr);
    return v ? *v : std::string(fallback);
  }
  // The first child named `child`, or nullptr.
  const Element* Child(std::string_view child) const {
    for (const auto& c : children) {
      if (c.name == child) return &c;
    }
    return nullptr;
  }
  // Every child named `child`.
  std::vector<const Element*> Children(std::string_view child) const {
    std::vector<const Element*> out;
    for (const auto& c : children) {
      if (c.name == child) out.push_back(&c);
    }
    return out;
  }
};

}  // namespace coopatlas::iati
