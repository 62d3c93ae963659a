// Evaluates the SDG tagger (src/sdg) on the two gold sets and measures its
// throughput beside a baseline (tokenising and stemming only).
//
//   build/ci/bench/sdg_eval [--root DIR] [--errors fr|oro] [--set k=v ...]
//                           [--no-speed]
//
// Gold sets: data/sdg-eval/fr_projects.csv (French, split column) and
// third_party/oro-gold/oro_gold_dataset.txt (English; dev = even id, test =
// odd id). Prints Markdown tables: micro/macro precision, recall, F1 and
// exact-match rate per set and split. --errors prints the DEV rows the
// tagger gets wrong (never the test rows: tuning looks at dev only).
#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/csv.h"
#include "core/file.h"
#include "sdg/tagger.h"
#include "text/tokens.h"

namespace {

using coopatlas::sdg::Lang;
using coopatlas::sdg::Tagger;

struct Row {
  std::string id;
  std::string text;
  std::set<int> goals;
  std::set<std::string> targets;
  bool dev = false;
};

std::set<int> ParseGoalsFr(const std::string& s) {
  std::set<int> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    if (sp > pos) out.insert(std::stoi(s.substr(pos, sp - pos)));
    pos = sp + 1;
  }
  return out;
}

std::set<std::string> Split(const std::string& s) {
  std::set<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    if (sp > pos) out.insert(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

bool LoadFr(const std::string& root, std::vector<Row>* rows) {
  auto content =
      coopatlas::core::ReadFile(root + "/data/sdg-eval/fr_projects.csv");
  if (!content.ok()) {
    std::fprintf(stderr, "%s\n", content.status().ToString().c_str());
    return false;
  }
  auto table =
      coopatlas::core::ParseCsvTable(content.value(), "fr_projects.csv");
  if (!table.ok()) {
    std::fprintf(stderr, "%s\n", table.status().ToString().c_str());
    return false;
  }
  for (const auto& r : table.value().rows) {
    rows->push_back({r.fields[0], r.fields[1], ParseGoalsFr(r.fields[2]),
                     Split(r.fields[3]), r.fields[4] == "dev"});
  }
  return true;
}

bool LoadOro(const std::string& root, std::vector<Row>* rows) {
  auto content = coopatlas::core::ReadFile(
      root + "/third_party/oro-gold/oro_gold_dataset.txt");
  if (!content.ok()) {
    std::fprintf(stderr, "%s\n", content.status().ToString().c_str());
    return false;
  }
  coopatlas::core::CsvOptions opt;
  opt.delimiter = '\t';
  auto table = coopatlas::core::ParseCsvTable(content.value(),
                                              "oro_gold_dataset.txt", opt);
  if (!table.ok()) {
    std::fprintf(stderr, "%s\n", table.status().ToString().c_str());
    return false;
  }
  for (const auto& r : table.value().rows) {
    Row row;
    row.id = r.fields[0];
    row.text = r.fields[1] + ". " + r.fields[2];
    const std::string& labels = r.fields[3];
    for (std::size_t p = labels.find("SDG"); p != std::string::npos;
         p = labels.find("SDG", p + 3)) {
      row.goals.insert(std::stoi(labels.substr(p + 3, 2)));
    }
    row.dev = (std::stoll(row.id) % 2) == 0;
    rows->push_back(std::move(row));
  }
  return true;
}

struct Scores {
  int rows = 0;
  double micro_p = 0, micro_r = 0, micro_f = 0;
  double macro_p = 0, macro_r = 0, macro_f = 0;
  double exact = 0;
  double target_recall = -1;
  double goals_per_row = 0;
};

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

Scores Score(const std::vector<Row>& rows,
             const std::vector<std::set<int>>& predicted,
             const std::vector<std::set<std::string>>& predicted_targets,
             bool dev) {
  Scores s;
  int tp = 0, fp = 0, fn = 0, exact = 0, npred = 0;
  int t_gold = 0, t_hit = 0;
  std::map<int, std::array<int, 3>> per_goal;  // tp, fp, fn
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].dev != dev) continue;
    ++s.rows;
    const auto& g = rows[i].goals;
    const auto& p = predicted[i];
    npred += static_cast<int>(p.size());
    if (g == p) ++exact;
    for (int x : p) {
      if (g.count(x)) {
        ++tp;
        ++per_goal[x][0];
      } else {
        ++fp;
        ++per_goal[x][1];
      }
    }
    for (int x : g) {
      if (!p.count(x)) {
        ++fn;
        ++per_goal[x][2];
      }
    }
    for (const auto& t : rows[i].targets) {
      ++t_gold;
      if (predicted_targets[i].count(t)) ++t_hit;
    }
  }
  s.micro_p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  s.micro_r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  s.micro_f = F1(s.micro_p, s.micro_r);
  int goals_seen = 0;
  for (int goal = 1; goal <= 17; ++goal) {
    auto it = per_goal.find(goal);
    if (it == per_goal.end()) continue;
    const auto [gtp, gfp, gfn] = it->second;
    if (gtp + gfn == 0) continue;  // goal absent from gold: not averaged
    ++goals_seen;
    const double p = gtp + gfp ? static_cast<double>(gtp) / (gtp + gfp) : 0;
    const double r = static_cast<double>(gtp) / (gtp + gfn);
    s.macro_p += p;
    s.macro_r += r;
    s.macro_f += F1(p, r);
  }
  if (goals_seen > 0) {
    s.macro_p /= goals_seen;
    s.macro_r /= goals_seen;
    s.macro_f /= goals_seen;
  }
  s.exact = s.rows ? static_cast<double>(exact) / s.rows : 0;
  s.goals_per_row = s.rows ? static_cast<double>(npred) / s.rows : 0;
  if (t_gold > 0) s.target_recall = static_cast<double>(t_hit) / t_gold;
  return s;
}

std::string Goals(const std::set<int>& g) {
  std::string out;
  for (int x : g) out += (out.empty() ? "" : " ") + std::to_string(x);
  return out.empty() ? "-" : out;
}

bool SetOption(coopatlas::sdg::TaggerOptions* o, const std::string& kv) {
  const std::size_t eq = kv.find('=');
  if (eq == std::string::npos) return false;
  const std::string k = kv.substr(0, eq);
  const double v = std::stod(kv.substr(eq + 1));
  if (k == "min_goal_score")
    o->min_goal_score = v;
  else if (k == "relative_cut")
    o->relative_cut = v;
  else if (k == "max_goals")
    o->max_goals = static_cast<int>(v);
  else if (k == "min_strong_weight")
    o->min_strong_weight = v;
  else if (k == "min_phrases")
    o->min_phrases = static_cast<int>(v);
  else if (k == "min_target_score")
    o->min_target_score = v;
  else if (k == "repeat_bonus")
    o->repeat_bonus = v;
  else if (k == "target_keyword_weight")
    o->target_keyword_weight = v;
  else if (k == "cmu_weight_scale")
    o->cmu_weight_scale = v;
  else if (k == "cmu_weight_cap")
    o->cmu_weight_cap = v;
  else if (k == "length_norm_words")
    o->length_norm_words = v;
  else if (k == "max_length_factor")
    o->max_length_factor = v;
  else if (k == "target_text_weight")
    o->target_text_weight = v;
  else
    return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = COOPATLAS_SOURCE_DIR;
  std::string errors;
  bool speed = true;
  bool per_goal = false;
  coopatlas::sdg::TaggerOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--root" && i + 1 < argc) {
      root = argv[++i];
    } else if (a == "--errors" && i + 1 < argc) {
      errors = argv[++i];
    } else if (a == "--set" && i + 1 < argc) {
      if (!SetOption(&options, argv[++i])) {
        std::fprintf(stderr, "sdg_eval: bad --set %s\n", argv[i]);
        return 2;
      }
    } else if (a == "--no-speed") {
      speed = false;
    } else if (a == "--per-goal") {
      per_goal = true;
    } else {
      std::fprintf(stderr,
                   "usage: sdg_eval [--root DIR] [--errors fr|oro] "
                   "[--set key=value]... [--no-speed] [--per-goal]\n");
      return 2;
    }
  }
  auto tagger = Tagger::Load(root, options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "sdg_eval: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  std::vector<Row> fr, oro;
  if (!LoadFr(root, &fr) || !LoadOro(root, &oro)) return 1;

  std::printf(
      "| set | split | rows | micro P | micro R | micro F1 | macro P "
      "| macro R | macro F1 | exact match | goals/row | target recall |\n"
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& [name, rows, lang] :
       {std::tuple{"French (fr_projects.csv)", &fr, Lang::kFrench},
        std::tuple{"ORO gold (English)", &oro, Lang::kEnglish}}) {
    std::vector<std::set<int>> pred(rows->size());
    std::vector<std::set<std::string>> pred_t(rows->size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const auto s = tagger.value().Suggest((*rows)[i].text);
      for (const auto& g : s.goals) pred[i].insert(g.goal);
      for (const auto& t : s.targets) pred_t[i].insert(t.target);
    }
    for (bool dev : {true, false}) {
      const Scores s = Score(*rows, pred, pred_t, dev);
      std::string tr = "–";
      if (s.target_recall >= 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.3f", s.target_recall);
        tr = buf;
      }
      std::printf(
          "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f "
          "| %.3f | %.2f | %s |\n",
          name, dev ? "dev" : "test", s.rows, s.micro_p, s.micro_r, s.micro_f,
          s.macro_p, s.macro_r, s.macro_f, s.exact, s.goals_per_row,
          tr.c_str());
    }
    if (per_goal) {
      std::printf(
          "\n%s, per goal (gold rows / predicted / correct):\n\n"
          "| goal | dev gold | dev pred | dev ok | test gold | test "
          "pred | test ok |\n|---:|---:|---:|---:|---:|---:|---:|\n",
          name);
      for (int goal = 1; goal <= 17; ++goal) {
        std::array<int, 6> c{};
        for (std::size_t i = 0; i < rows->size(); ++i) {
          const std::size_t base = (*rows)[i].dev ? 0 : 3;
          const bool gold = (*rows)[i].goals.count(goal) > 0;
          const bool got = pred[i].count(goal) > 0;
          c[base] += gold ? 1 : 0;
          c[base + 1] += got ? 1 : 0;
          c[base + 2] += gold && got ? 1 : 0;
        }
        std::printf("| %d | %d | %d | %d | %d | %d | %d |\n", goal, c[0], c[1],
                    c[2], c[3], c[4], c[5]);
      }
      std::printf("\n");
    }
    const bool show = (errors == "fr" && lang == Lang::kFrench) ||
                      (errors == "oro" && lang == Lang::kEnglish);
    if (show) {
      for (std::size_t i = 0; i < rows->size(); ++i) {
        const Row& r = (*rows)[i];
        if (!r.dev || pred[i] == r.goals) continue;  // dev rows only
        std::printf("\n%s gold=%s pred=%s\n  %s\n", r.id.c_str(),
                    Goals(r.goals).c_str(), Goals(pred[i]).c_str(),
                    r.text.substr(0, 400).c_str());
        const auto s = tagger.value().Suggest(r.text);
        for (const auto& g : s.goals) {
          std::printf("  -> %d (%.1f):", g.goal, g.score);
          for (const auto& e : g.evidence) {
            std::printf(" [%s %s %.1f]", e.words.c_str(), e.code.c_str(),
                        e.weight);
          }
          std::printf("\n");
        }
      }
    }
  }
  if (!speed) return 0;

  // Throughput on one thread: every text of both sets, several passes.
  std::vector<const std::string*> texts;
  std::size_t bytes = 0;
  for (const auto* rows : {&fr, &oro}) {
    for (const auto& r : *rows) {
      texts.push_back(&r.text);
      bytes += r.text.size();
    }
  }
  constexpr int kPasses = 5;
  using Clock = std::chrono::steady_clock;
  // Baseline: tokenise and stem every word (French stemmer), nothing else.
  std::size_t sink = 0;
  coopatlas::text::Stemmer stemmer("french");
  auto t0 = Clock::now();
  for (int p = 0; p < kPasses; ++p) {
    for (const auto* t : texts) {
      coopatlas::text::ForEachToken(*t, [&](const coopatlas::text::Token& tok) {
        sink += stemmer.Stem(tok.folded).size();
        return true;
      });
    }
  }
  const double base_s =
      std::chrono::duration<double>(Clock::now() - t0).count();
  t0 = Clock::now();
  for (int p = 0; p < kPasses; ++p) {
    for (const auto* t : texts) {
      sink += tagger.value().Suggest(*t).goals.size();
    }
  }
  const double tag_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double n = static_cast<double>(texts.size()) * kPasses;
  std::printf(
      "\n| run (one thread, %zu texts x %d passes, %.0f bytes/text) "
      "| seconds | texts/s |\n|---|---:|---:|\n",
      texts.size(), kPasses,
      static_cast<double>(bytes) / static_cast<double>(texts.size()));
  std::printf("| baseline: tokenise + stem only | %.3f | %.0f |\n", base_s,
              n / base_s);
  std::printf(
      "| tagger: Suggest() (detect language, match, score) | %.3f | "
      "%.0f |\n",
      tag_s, n / tag_s);
  std::fprintf(stderr, "(sink %zu)\n", sink);
  return 0;
}
