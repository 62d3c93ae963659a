// The resolver: French authority and country names to official codes.
//
// Built once from the reference data (an in-memory index of every name
// variant), then read-only: Resolve() and ResolveCountry() may be called
// from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "coopatlas/resolve.h"
#include "reference/reference_data.h"

namespace coopatlas::resolve {

class Resolver {
 public:
  // Indexes `data` (geography and countries). Takes about 0.2 s for the
  // full COG.
  explicit Resolver(const reference::ReferenceData& data);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Resolves a French authority name (or code). `text` must be valid UTF-8.
  // An ambiguous name returns every candidate, ranked; hints only remove
  // candidates that do not fit.
  ResolveResult Resolve(std::string_view text, const ResolveHints& hints) const;

  // Resolves a country name (French, English, alias) or ISO code.
  ResolveResult ResolveCountry(std::string_view text) const;

  // The kinds Resolve() accepts as a hint, for error messages.
  static const std::vector<std::string>& Kinds();

  // The code of a département given by code or name ("33", "Gironde"), or
  // "" if none matches.
  std::string DepartementCode(const std::string& text) const;

 private:
  struct Entity;
  struct Posting;
  struct Index;
  void Add(const std::string& key, std::uint32_t entity, int tier,
           std::string why);
  std::vector<std::uint32_t> PlaceFilter(const std::string& qualifier) const;

  std::unique_ptr<Index> index_;
};

}  // namespace coopatlas::resolve
