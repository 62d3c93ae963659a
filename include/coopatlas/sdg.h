// SDG suggestions: the 2030 Agenda goals and targets a project serves, as
// suggested by the tagger (src/sdg, docs/sdg.md), with their evidence.
// Plain values, std only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coopatlas {

// One matched phrase of the text.
struct SdgEvidence {
  std::string words;  // the words of the text as written (first occurrence)
  std::string code;   // the goal ("6") or target ("6.1") it points to
  double weight = 0;  // the phrase's weight in the lexicon
  int count = 0;      // occurrences in the text
  std::size_t begin = 0, end = 0;  // byte offsets of the first occurrence
};

struct SdgGoalSuggestion {
  int goal = 0;
  double score = 0;
  std::vector<SdgEvidence> evidence;  // strongest first
};

struct SdgTargetSuggestion {
  std::string target;  // "6.1"
  int goal = 0;
  double score = 0;
  std::vector<SdgEvidence> evidence;
};

struct SdgSuggestions {
  std::string language;  // "fr", "en", or "" when not recognised
  std::string note;      // why nothing was suggested, if so
  std::vector<SdgGoalSuggestion> goals;      // best first
  std::vector<SdgTargetSuggestion> targets;  // of the suggested goals
};

// `coopatlas sdg fill`: store suggestions for projects.
struct SdgFillOptions {
  // false: only projects with no SDG row at all; true: every project, whose
  // pending suggestions (origin suggestion, status suggested) are replaced.
  // Rows set by a person and reviewed suggestions are never touched.
  bool all = false;
  bool dry_run = false;
  std::string actor = "system:sdg-fill";
};

struct SdgFillReport {
  std::int64_t projects_seen = 0;
  std::int64_t projects_filled = 0;  // got at least one suggestion
  std::int64_t rows_written = 0;     // goal and target rows added/updated
  std::int64_t rows_removed = 0;     // stale pending suggestions removed
  bool written = false;              // false for a dry run or no change
};

// A project's SDG rows and the tagger's current suggestions.
struct ProjectSdgView {
  std::int64_t project_id = 0;
  std::string text;  // what was analysed (title and description)
  SdgSuggestions suggestions;
};

}  // namespace coopatlas
