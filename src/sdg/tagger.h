// Suggests the Sustainable Development Goals (2030 Agenda) and targets a
// project description serves, with the words that led to each suggestion.
//
// Method (docs/sdg.md): lexicons of phrases, each pointing to a goal or a
// target with a weight, matched on folded, Snowball-stemmed words with
// stopwords removed (longest match wins); per-goal scores; a goal is
// suggested only above an absolute threshold, within a fraction of the best
// goal's score, with enough evidence, and at most `max_goals` of them.
// No SQL, no network; the lexicons are files under data/ and third_party/.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/sdg.h"
#include "coopatlas/status.h"

namespace coopatlas::sdg {

enum class Lang { kFrench, kEnglish };

// "fr" / "en".
std::string_view LangCode(Lang lang);
// "fr" or "en" (also "french", "english"); nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view code);

using Evidence = SdgEvidence;
using GoalSuggestion = SdgGoalSuggestion;
using TargetSuggestion = SdgTargetSuggestion;
using Suggestions = SdgSuggestions;

// The decision rule's parameters (tuned on the dev splits only; see
// docs/benchmarks.md).
struct TaggerOptions {
  double min_goal_score = 3.0;     // absolute threshold on a goal's score
  double relative_cut = 0.4;       // keep goals scoring >= cut * best score
  int max_goals = 3;               // never more goals than this
  double min_strong_weight = 2.0;  // evidence minimum: one phrase this strong
  int min_phrases = 2;             // ... or this many distinct phrases
  double min_target_score = 2.0;   // a target needs this much of its own
  double repeat_bonus = 0.25;      // extra per repeat of a phrase (max 3)
  // English third-party lexicons (third_party/sdg-lexicons).
  double target_keyword_weight = 1.0;  // SDGmapR target keywords
  double cmu_weight_scale = 0.1;       // CMU weight * scale, capped
  double cmu_weight_cap = 2.0;
  // Words of the official target texts found in one goal only.
  double target_text_weight = 0.0;  // 0: off (it lowered dev F1)
  double length_norm_words = 60.0;  // longer texts: threshold grows as
                                    // sqrt(words / this) ...
  double max_length_factor = 2.0;   // ... up to this factor
};

class Tagger {
 public:
  // Loads the lexicons under `root` (the folder holding data/ and
  // third_party/): data/sdg-lexicon/{fr,en}.tsv,
  // third_party/sdg-lexicons/*.csv, third_party/sdg/sdg_fr_en.csv (valid
  // codes) and data/themes/themes.csv. Errors name file:line and field.
  static Result<Tagger> Load(const std::string& root,
                             TaggerOptions options = {});

  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

  // Suggests goals and targets for `text` (UTF-8; invalid bytes are
  // separators). `lang` forces the language; without it the language is
  // detected, and a text in neither French nor English gets no suggestion
  // and a note saying so. Thread-safe.
  Suggestions Suggest(std::string_view text,
                      std::optional<Lang> lang = std::nullopt) const;

  const TaggerOptions& Options() const;
  void SetOptions(const TaggerOptions& options);

  // Number of phrases loaded for a language (for reports and tests).
  std::size_t PhraseCount(Lang lang) const;

  // Official short name of a goal in the language ("Eau propre et
  // assainissement"), or "" for an unknown goal.
  std::string GoalName(int goal, Lang lang) const;

  struct Impl;

 private:
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace coopatlas::sdg
