#include "sdg/tagger.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/csv.h"
#include "core/file.h"
#include "text/tokens.h"

namespace coopatlas::sdg {
namespace {

// Where a phrase comes from: its effective weight depends on it.
enum class Source : std::uint8_t {
  kLexicon,
  kTargetKeyword,
  kCmu,
  kTheme,
  kTargetText
};

struct Phrase {
  std::vector<std::string> stems;
  std::string code;  // "6" or "6.1"
  int goal = 0;
  double base_weight = 0;
  Source source = Source::kLexicon;
};

struct LangLexicon {
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_first;
  // Stems and goal of loaded phrases: a phrase may point to several goals,
  // once per goal (the first entry wins).
  std::set<std::pair<std::vector<std::string>, int>> seen;
};

// Folded stopwords (removed before matching, in text and phrases alike).
const std::unordered_set<std::string_view>& Stopwords(Lang lang) {
  static const std::unordered_set<std::string_view> kFr = {
      "le",   "la",    "les",  "l",     "un",    "une",   "des",  "de",
      "du",   "d",     "a",    "au",    "aux",   "en",    "et",   "ou",
      "pour", "par",   "sur",  "dans",  "avec",  "ce",    "cet",  "cette",
      "ces",  "son",   "sa",   "ses",   "leur",  "leurs", "qui",  "que",
      "qu",   "se",    "s",    "y",     "ne",    "pas",   "plus", "est",
      "sont", "ete",   "etre", "ont",   "il",    "elle",  "ils",  "elles",
      "nous", "vous",  "on",   "n",     "c",     "j",     "m",    "t",
      "afin", "ainsi", "dont", "entre", "vers",  "chez",  "sous", "lors",
      "deux", "trois", "tout", "tous",  "toute", "toutes"};
  static const std::unordered_set<std::string_view> kEn = {
      "the",   "a",    "an",    "of",   "in",    "on",      "for",     "to",
      "and",   "or",   "with",  "by",   "from",  "at",      "as",      "is",
      "are",   "was",  "were",  "be",   "been",  "this",    "that",    "these",
      "those", "its",  "their", "it",   "which", "who",     "whom",    "into",
      "than",  "then", "also",  "has",  "have",  "had",     "not",     "but",
      "s",     "we",   "our",   "they", "such",  "through", "between", "can",
      "may",   "will", "how",   "what", "there", "here"};
  return lang == Lang::kFrench ? kFr : kEn;
}

// Function words that tell languages apart (folded). Other languages are
// recognised only to say "not French or English".
enum class Guess : std::uint8_t { kFr, kEn, kOther, kCount };
const std::unordered_map<std::string_view, Guess>& Markers() {
  static const auto* const kMarkers = [] {
    auto* m = new std::unordered_map<std::string_view, Guess>();
    for (std::string_view w :
         {"le",    "les",  "des",   "du", "et",  "est", "une", "pour",
          "dans",  "avec", "sur",   "au", "aux", "qui", "ces", "leur",
          "leurs", "sont", "cette", "l",  "d",   "ou",  "qu",  "afin"}) {
      (*m)[w] = Guess::kFr;
    }
    for (std::string_view w :
         {"the", "and",  "of",    "to",   "is",   "for", "with",  "that",
          "on",  "by",   "are",   "this", "from", "was", "which", "an",
          "its", "were", "their", "be",   "has",  "have"}) {
      (*m)[w] = Guess::kEn;
    }
    for (std::string_view w :
         {"el",  "los", "las", "y",     "del", "con",  "para", "por",
          "una", "es",  "il",  "della", "per", "che",  "di",   "gli",
          "nel", "der", "die", "das",   "und", "mit",  "fur",  "von",
          "zu",  "ist", "den", "dem",   "ein", "eine", "os",   "da",
          "dos", "das", "em",  "com",   "nao", "het",  "een",  "van",
          "och", "att", "och", "w",     "z",   "na",   "nie"}) {
      m->emplace(w, Guess::kOther);
    }
    return m;
  }();
  return *kMarkers;
}

text::Stemmer& StemmerFor(Lang lang) {
  thread_local text::Stemmer fr("french");
  thread_local text::Stemmer en("english");
  return lang == Lang::kFrench ? fr : en;
}

struct Word {
  std::string stem;
  std::size_t begin = 0, end = 0;
};

// Folded, stopword-free, stemmed words of `utf8`.
std::vector<Word> Words(std::string_view utf8, Lang lang) {
  std::vector<Word> words;
  const auto& stop = Stopwords(lang);
  text::Stemmer& stemmer = StemmerFor(lang);
  text::ForEachToken(utf8, [&](const text::Token& t) {
    if (stop.count(t.folded) == 0) {
      words.push_back({std::string(stemmer.Stem(t.folded)), t.begin, t.end});
    }
    return true;
  });
  return words;
}

// "6" -> 6, "6.1" -> 6, "17.a" -> 17; 0 when malformed.
int GoalOfCode(std::string_view code) {
  int goal = 0;
  std::size_t i = 0;
  for (; i < code.size() && code[i] >= '0' && code[i] <= '9'; ++i) {
    goal = goal * 10 + (code[i] - '0');
    if (goal > 99) return 0;
  }
  if (i == 0 || (i < code.size() && code[i] != '.')) return 0;
  return goal;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

}  // namespace

struct Tagger::Impl {
  TaggerOptions options;
  std::array<LangLexicon, 2> lex;
  std::set<std::string> codes;  // valid goal and target codes
  std::map<int, std::array<std::string, 2>> goal_names;

  LangLexicon& Of(Lang lang) { return lex[lang == Lang::kFrench ? 0 : 1]; }
  const LangLexicon& Of(Lang lang) const {
    return lex[lang == Lang::kFrench ? 0 : 1];
  }

  // Adds a phrase; returns an error message, or "" (also for a duplicate,
  // which is skipped: the first source wins).
  std::string Add(Lang lang, std::string_view words, const std::string& code,
                  double weight, Source source) {
    if (codes.count(code) == 0) {
      return "unknown goal or target code '" + code + "'";
    }
    Phrase p;
    for (Word& w : Words(words, lang)) p.stems.push_back(std::move(w.stem));
    if (p.stems.empty()) {
      return "phrase '" + std::string(words) + "' has no word once " +
             "stopwords are removed";
    }
    LangLexicon& l = Of(lang);
    if (!l.seen.insert({p.stems, GoalOfCode(code)}).second) return "";
    p.code = code;
    p.goal = GoalOfCode(code);
    p.base_weight = weight;
    p.source = source;
    l.by_first[p.stems.front()].push_back(
        static_cast<std::uint32_t>(l.phrases.size()));
    l.phrases.push_back(std::move(p));
    return "";
  }

  double Weight(const Phrase& p) const {
    switch (p.source) {
      case Source::kTargetKeyword:
        return options.target_keyword_weight;
      case Source::kCmu:
        return std::min(options.cmu_weight_cap,
                        p.base_weight * options.cmu_weight_scale);
      case Source::kTargetText:
        return options.target_text_weight;
      case Source::kLexicon:
      case Source::kTheme:
        break;
    }
    return p.base_weight;
  }

  // Both read third_party/sdg/sdg_fr_en.csv, parsed once by Load.
  Status LoadCodes(const core::CsvTable& table);
  Status LoadTsv(const std::string& path, const std::string& shown, Lang lang);
  Status LoadThirdParty(const std::string& root);
  Status LoadThemes(const std::string& root);
  Status LoadTargetTexts(const core::CsvTable& table);
  Suggestions Run(std::string_view text, Lang lang) const;
};

namespace {

// The CSV file `shown` (a path under `root`), parsed.
Result<core::CsvTable> ReadCsv(const std::string& root,
                               const std::string& shown) {
  COOPATLAS_ASSIGN_OR_RETURN(std::string content,
                             core::ReadFile(root + "/" + shown));
  return core::ParseCsvTable(content, shown);
}

// The indices of `names` in `table`. Errors: kCorruption "<shown>: missing
// column a, b or c" when one is absent.
Result<std::vector<int>> Columns(const core::CsvTable& table,
                                 const std::string& shown,
                                 std::initializer_list<const char*> names) {
  std::vector<int> out;
  std::string listed;
  std::size_t i = 0;
  for (const char* name : names) {
    if (i > 0) listed += i + 1 == names.size() ? " or " : ", ";
    listed += name;
    ++i;
    out.push_back(table.Column(name));
  }
  if (std::find(out.begin(), out.end(), -1) != out.end()) {
    return Status::Corruption(shown + ": missing column " + listed);
  }
  return out;
}

// Add's error for a row of a third-party list, unless there is none or the
// phrase is only unusable (too short, all stopwords): those rows are
// skipped.
Status RowAdded(const std::string& err, const std::string& shown, int line,
                const char* field) {
  if (err.empty() || err.rfind("phrase", 0) == 0) return Status::Ok();
  return Status::Corruption(shown + ":" + std::to_string(line) + ": field " +
                            field + ": " + err);
}

constexpr const char* kSdgTexts = "third_party/sdg/sdg_fr_en.csv";

}  // namespace

Status Tagger::Impl::LoadCodes(const core::CsvTable& table) {
  const std::string shown = kSdgTexts;
  COOPATLAS_ASSIGN_OR_RETURN(
      const std::vector<int> at,
      Columns(table, shown, {"level", "code", "fr_short", "en_short"}));
  const int level = at[0], code = at[1], fr = at[2], en = at[3];
  for (const auto& row : table.rows) {
    const std::string& lv = row.fields[static_cast<std::size_t>(level)];
    const std::string& c = row.fields[static_cast<std::size_t>(code)];
    if (lv == "goal" || lv == "target") codes.insert(c);
    if (lv == "goal") {
      goal_names[GoalOfCode(c)] = {row.fields[static_cast<std::size_t>(fr)],
                                   row.fields[static_cast<std::size_t>(en)]};
    }
  }
  if (goal_names.size() != 17) {
    return Status::Corruption(shown + ": expected 17 goals, found " +
                              std::to_string(goal_names.size()));
  }
  return Status::Ok();
}

Status Tagger::Impl::LoadTsv(const std::string& path, const std::string& shown,
                             Lang lang) {
  COOPATLAS_ASSIGN_OR_RETURN(std::string content, core::ReadFile(path));
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string_view line(content.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = shown + ":" + std::to_string(line_no);
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 =
        t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos ||
        line.find('\t', t2 + 1) != std::string_view::npos) {
      return Status::Corruption(where +
                                ": expected CODE<TAB>WEIGHT<TAB>PHRASE");
    }
    const std::string code = Trim(line.substr(0, t1));
    const std::string weight_text = Trim(line.substr(t1 + 1, t2 - t1 - 1));
    double weight = 0;
    try {
      std::size_t used = 0;
      weight = std::stod(weight_text, &used);
      if (used != weight_text.size() || !std::isfinite(weight)) {
        throw std::invalid_argument("trailing");
      }
    } catch (const std::exception&) {
      return Status::Corruption(where + ": field WEIGHT: '" + weight_text +
                                "' is not a number");
    }
    const std::string err =
        Add(lang, line.substr(t2 + 1), code, weight, Source::kLexicon);
    if (!err.empty()) {
      return Status::Corruption(
          where + ": field " +
          (err.rfind("unknown", 0) == 0 ? "CODE" : "PHRASE") + ": " + err);
    }
  }
  return Status::Ok();
}

Status Tagger::Impl::LoadThirdParty(const std::string& root) {
  {
    const std::string shown =
        "third_party/sdg-lexicons/sdg_targets_cleaned.csv";
    COOPATLAS_ASSIGN_OR_RETURN(const core::CsvTable table,
                               ReadCsv(root, shown));
    COOPATLAS_ASSIGN_OR_RETURN(const std::vector<int> at,
                               Columns(table, shown, {"Target", "Keywords"}));
    const int target = at[0], keywords = at[1];
    for (const auto& row : table.rows) {
      // Lettered targets are written "5.9 (5.c)": the official code is the
      // one in brackets.
      std::string code = row.fields[static_cast<std::size_t>(target)];
      const std::size_t open = code.find('(');
      if (open != std::string::npos && code.back() == ')') {
        code = code.substr(open + 1, code.size() - open - 2);
      }
      std::string_view list = row.fields[static_cast<std::size_t>(keywords)];
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string kw = Trim(list.substr(0, comma));
        list.remove_prefix(comma == std::string_view::npos ? list.size()
                                                           : comma + 1);
        if (kw.empty()) continue;
        COOPATLAS_RETURN_IF_ERROR(
            RowAdded(Add(Lang::kEnglish, kw, code, 1.0, Source::kTargetKeyword),
                     shown, row.line, "Target"));
      }
    }
  }
  const std::string shown =
      "third_party/sdg-lexicons/cmu250_keywords_cleaned.csv";
  COOPATLAS_ASSIGN_OR_RETURN(const core::CsvTable table, ReadCsv(root, shown));
  COOPATLAS_ASSIGN_OR_RETURN(
      const std::vector<int> at,
      Columns(table, shown, {"goal", "keyword", "weight"}));
  const int goal = at[0], keyword = at[1], weight = at[2];
  for (const auto& row : table.rows) {
    std::string kw = row.fields[static_cast<std::size_t>(keyword)];
    if (kw.find('#') != std::string::npos) continue;  // digit patterns
    if (kw.size() >= 2 && kw.compare(kw.size() - 2, 2, ".*") == 0) {
      kw.resize(kw.size() - 2);
    }
    const std::string& w = row.fields[static_cast<std::size_t>(weight)];
    double value = 0;
    try {
      value = std::stod(w);
    } catch (const std::exception&) {
      return Status::Corruption(shown + ":" + std::to_string(row.line) +
                                ": field weight: '" + w + "' is not a number");
    }
    COOPATLAS_RETURN_IF_ERROR(RowAdded(
        Add(Lang::kEnglish, kw, row.fields[static_cast<std::size_t>(goal)],
            value, Source::kCmu),
        shown, row.line, "goal"));
  }
  return Status::Ok();
}

Status Tagger::Impl::LoadThemes(const std::string& root) {
  const std::string shown = "data/themes/themes.csv";
  COOPATLAS_ASSIGN_OR_RETURN(const core::CsvTable table, ReadCsv(root, shown));
  COOPATLAS_ASSIGN_OR_RETURN(
      const std::vector<int> at,
      Columns(table, shown, {"label_fr", "label_en", "sdg_goals"}));
  const int fr = at[0], en = at[1], goals = at[2];
  for (const auto& row : table.rows) {
    const std::string& list = row.fields[static_cast<std::size_t>(goals)];
    const std::string first = list.substr(0, list.find(' '));
    if (first.empty()) continue;  // a theme with no goal
    for (const auto& [col, lang] :
         {std::pair{fr, Lang::kFrench}, std::pair{en, Lang::kEnglish}}) {
      COOPATLAS_RETURN_IF_ERROR(
          RowAdded(Add(lang, row.fields[static_cast<std::size_t>(col)], first,
                       1.0, Source::kTheme),
                   shown, row.line, "sdg_goals"));
    }
  }
  return Status::Ok();
}

// Words of the official target texts that belong to one goal only (they
// appear in the targets of no other goal): weak cues for that goal's
// target where they first appear. Loaded last, so any lexicon entry with
// the same stem and goal wins.
Status Tagger::Impl::LoadTargetTexts(const core::CsvTable& table) {
  for (const auto& [column, lang] :
       {std::pair{"fr", Lang::kFrench}, std::pair{"en", Lang::kEnglish}}) {
    COOPATLAS_ASSIGN_OR_RETURN(
        const std::vector<int> at,
        Columns(table, kSdgTexts, {"level", "code", column}));
    const int level = at[0], code = at[1], text = at[2];
    struct Seen {
      std::set<int> goals;
      std::string target, word;
    };
    std::map<std::string, Seen> stems;
    const auto& stop = Stopwords(lang);
    text::Stemmer& stemmer = StemmerFor(lang);
    for (const auto& row : table.rows) {
      if (row.fields[static_cast<std::size_t>(level)] != "target") continue;
      const std::string& target = row.fields[static_cast<std::size_t>(code)];
      const int goal = GoalOfCode(target);
      text::ForEachToken(
          row.fields[static_cast<std::size_t>(text)],
          [&](const text::Token& t) {
            if (t.folded.size() < 5 || stop.count(t.folded) ||
                (t.folded[0] >= '0' && t.folded[0] <= '9')) {
              return true;
            }
            Seen& seen = stems[std::string(stemmer.Stem(t.folded))];
            if (seen.goals.insert(goal).second && seen.target.empty()) {
              seen.target = target;
              seen.word = std::string(t.folded);
            }
            return true;
          });
    }
    for (const auto& [stem, seen] : stems) {
      if (seen.goals.size() != 1) continue;
      (void)Add(lang, seen.word, seen.target, 1.0, Source::kTargetText);
    }
  }
  return Status::Ok();
}

namespace {

struct Match {
  std::uint32_t phrase = 0;
  std::size_t first = 0, last = 0;  // word range [first, last)
};

// Guesses the language from function words; nullopt when the text is in
// another language; French when there is no clue at all.
std::optional<Lang> Detect(std::string_view text, bool* clueless) {
  std::array<int, static_cast<std::size_t>(Guess::kCount)> hits{};
  int words = 0;
  const auto& markers = Markers();
  text::ForEachToken(text, [&](const text::Token& t) {
    ++words;
    auto it = markers.find(t.folded);
    if (it != markers.end()) ++hits[static_cast<std::size_t>(it->second)];
    return words < 2000;  // the opening is enough
  });
  const int fr = hits[0], en = hits[1], other = hits[2];
  *clueless = fr == 0 && en == 0 && other == 0;
  if (*clueless) return Lang::kFrench;
  if (other > fr && other > en) return std::nullopt;
  return en > fr ? Lang::kEnglish : Lang::kFrench;
}

}  // namespace

Suggestions Tagger::Impl::Run(std::string_view text, Lang lang) const {
  Suggestions out;
  out.language = std::string(LangCode(lang));
  const LangLexicon& l = Of(lang);
  const std::vector<Word> words = Words(text, lang);

  // All phrase occurrences.
  std::vector<Match> matches;
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto it = l.by_first.find(words[i].stem);
    if (it == l.by_first.end()) continue;
    for (std::uint32_t idx : it->second) {
      const Phrase& p = l.phrases[idx];
      if (i + p.stems.size() > words.size()) continue;
      bool ok = true;
      for (std::size_t k = 1; k < p.stems.size() && ok; ++k) {
        ok = words[i + k].stem == p.stems[k];
      }
      if (ok) matches.push_back({idx, i, i + p.stems.size()});
    }
  }
  // Longest match wins: drop a match inside a longer one.
  std::vector<std::size_t> longest_end(words.size() + 1, 0);
  for (const Match& m : matches) {
    longest_end[m.first] = std::max(longest_end[m.first], m.last);
  }
  std::vector<bool> covered(matches.size(), false);
  {
    std::size_t reach = 0;  // furthest end of a match starting before
    std::size_t mi = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (; mi < matches.size() && matches[mi].first == i; ++mi) {
        const Match& m = matches[mi];
        covered[mi] = reach >= m.last || longest_end[i] > m.last;
      }
      reach = std::max(reach, longest_end[i]);
    }
  }

  // Per phrase: occurrences and first place.
  std::unordered_map<std::uint32_t, Evidence> by_phrase;
  for (std::size_t mi = 0; mi < matches.size(); ++mi) {
    if (covered[mi]) continue;
    const Match& m = matches[mi];
    Evidence& e = by_phrase[m.phrase];
    if (e.count++ == 0) {
      const Phrase& p = l.phrases[m.phrase];
      e.code = p.code;
      e.weight = Weight(p);
      e.begin = words[m.first].begin;
      e.end = words[m.last - 1].end;
      e.words = std::string(text.substr(e.begin, e.end - e.begin));
    }
  }

  std::map<int, GoalSuggestion> goals;
  std::map<std::string, TargetSuggestion> targets;
  for (auto& [idx, e] : by_phrase) {
    const Phrase& p = l.phrases[idx];
    if (e.weight == 0) continue;
    const double score =
        e.weight * (1.0 + options.repeat_bonus * std::min(e.count - 1, 3));
    GoalSuggestion& g = goals[p.goal];
    g.goal = p.goal;
    g.score += score;
    g.evidence.push_back(e);
    if (p.code.find('.') != std::string::npos) {
      TargetSuggestion& t = targets[p.code];
      t.target = p.code;
      t.goal = p.goal;
      t.score += score;
      t.evidence.push_back(e);
    }
  }

  const double length_factor =
      std::clamp(std::sqrt(static_cast<double>(words.size()) /
                           std::max(1.0, options.length_norm_words)),
                 1.0, std::max(1.0, options.max_length_factor));
  const double threshold = options.min_goal_score * length_factor;
  std::vector<GoalSuggestion> ranked;
  ranked.reserve(goals.size());
  for (auto& [goal, g] : goals) ranked.push_back(std::move(g));
  std::sort(ranked.begin(), ranked.end(),
            [](const GoalSuggestion& a, const GoalSuggestion& b) {
              return a.score != b.score ? a.score > b.score : a.goal < b.goal;
            });
  const double best = ranked.empty() ? 0 : ranked.front().score;
  for (GoalSuggestion& g : ranked) {
    if (static_cast<int>(out.goals.size()) >= options.max_goals) break;
    if (g.score < threshold || g.score < options.relative_cut * best) break;
    int positive = 0;
    bool strong = false;
    for (const Evidence& e : g.evidence) {
      if (e.weight > 0) ++positive;
      if (e.weight >= options.min_strong_weight) strong = true;
    }
    if (!strong && positive < options.min_phrases) continue;
    std::sort(g.evidence.begin(), g.evidence.end(),
              [](const Evidence& a, const Evidence& b) {
                return a.weight != b.weight ? a.weight > b.weight
                                            : a.begin < b.begin;
              });
    out.goals.push_back(std::move(g));
  }
  for (auto& [code, t] : targets) {
    const int goal = t.goal;
    const bool goal_kept =
        std::any_of(out.goals.begin(), out.goals.end(),
                    [goal](const GoalSuggestion& g) { return g.goal == goal; });
    if (!goal_kept || t.score < options.min_target_score) continue;
    std::sort(t.evidence.begin(), t.evidence.end(),
              [](const Evidence& a, const Evidence& b) {
                return a.weight != b.weight ? a.weight > b.weight
                                            : a.begin < b.begin;
              });
    out.targets.push_back(std::move(t));
  }
  std::sort(out.targets.begin(), out.targets.end(),
            [](const TargetSuggestion& a, const TargetSuggestion& b) {
              return a.score != b.score ? a.score > b.score
                                        : a.target < b.target;
            });
  if (words.empty()) {
    out.note = "no words to analyse";
  } else if (out.goals.empty()) {
    out.note = "no goal reaches the evidence threshold";
  }
  return out;
}

std::string_view LangCode(Lang lang) {
  return lang == Lang::kFrench ? "fr" : "en";
}

std::optional<Lang> ParseLang(std::string_view code) {
  if (code == "fr" || code == "french") return Lang::kFrench;
  if (code == "en" || code == "english") return Lang::kEnglish;
  return std::nullopt;
}

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Result<Tagger> Tagger::Load(const std::string& root, TaggerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  COOPATLAS_ASSIGN_OR_RETURN(const core::CsvTable sdg_texts,
                             ReadCsv(root, kSdgTexts));
  COOPATLAS_RETURN_IF_ERROR(impl->LoadCodes(sdg_texts));
  COOPATLAS_RETURN_IF_ERROR(impl->LoadTsv(root + "/data/sdg-lexicon/fr.tsv",
                                          "data/sdg-lexicon/fr.tsv",
                                          Lang::kFrench));
  COOPATLAS_RETURN_IF_ERROR(impl->LoadTsv(root + "/data/sdg-lexicon/en.tsv",
                                          "data/sdg-lexicon/en.tsv",
                                          Lang::kEnglish));
  COOPATLAS_RETURN_IF_ERROR(impl->LoadThirdParty(root));
  COOPATLAS_RETURN_IF_ERROR(impl->LoadThemes(root));
  COOPATLAS_RETURN_IF_ERROR(impl->LoadTargetTexts(sdg_texts));
  return Tagger(std::move(impl));
}

Suggestions Tagger::Suggest(std::string_view text,
                            std::optional<Lang> lang) const {
  if (!lang) {
    bool clueless = false;
    lang = Detect(text, &clueless);
    if (!lang) {
      Suggestions out;
      out.note =
          "language not recognised: only French and English texts "
          "are analysed (give --lang to force one)";
      return out;
    }
    if (clueless) {
      // No function word at all (a title, a list of words): keep the
      // language whose lexicon finds more.
      Suggestions fr = impl_->Run(text, Lang::kFrench);
      Suggestions en = impl_->Run(text, Lang::kEnglish);
      const double fs = fr.goals.empty() ? 0 : fr.goals.front().score;
      const double es = en.goals.empty() ? 0 : en.goals.front().score;
      return es > fs ? en : fr;
    }
  }
  return impl_->Run(text, *lang);
}

const TaggerOptions& Tagger::Options() const { return impl_->options; }
void Tagger::SetOptions(const TaggerOptions& options) {
  impl_->options = options;
}

std::size_t Tagger::PhraseCount(Lang lang) const {
  return impl_->Of(lang).phrases.size();
}

std::string Tagger::GoalName(int goal, Lang lang) const {
  auto it = impl_->goal_names.find(goal);
  if (it == impl_->goal_names.end()) return "";
  return it->second[lang == Lang::kFrench ? 0 : 1];
}

}  // namespace coopatlas::sdg
