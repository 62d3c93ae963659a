#include <fmt/core.h>

#include <cmath>

#include "iati/activity.h"

namespace coopatlas::iati {
namespace {

void Escape(std::string* out, const std::string& s) {
  // Plain runs are appended whole; only the characters replaced one by one.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char* replacement = nullptr;
    switch (c) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      default:
        // Control characters other than tab and newlines are not XML.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
            c != '\r') {
          replacement = " ";
        }
    }
    if (replacement != nullptr) {
      out->append(s, run, i - run);
      *out += replacement;
      run = i + 1;
    }
  }
  out->append(s, run, s.size() - run);
}

class Out {
 public:
  explicit Out(std::string* s) : s_(s) {}
  Out& Raw(const char* text) {
    *s_ += text;
    return *this;
  }
  Out& Text(const std::string& text) {
    Escape(s_, text);
    return *this;
  }
  // ` name="value"` when value is not empty.
  Out& Attr(const char* name, const std::string& value) {
    if (value.empty()) return *this;
    *s_ += ' ';
    *s_ += name;
    *s_ += "=\"";
    Escape(s_, value);
    *s_ += '"';
    return *this;
  }
  void Narratives(const std::vector<Narrative>& list, const char* indent) {
    for (const auto& n : list) {
      Raw(indent).Raw("<narrative").Attr("xml:lang", n.lang).Raw(">");
      Text(n.text).Raw("</narrative>\n");
    }
  }
  void OrgElement(const char* name, const Org& org, const char* indent,
                  const char* inner) {
    Raw(indent).Raw("<").Raw(name).Attr("ref", org.ref).Attr("type", org.type);
    if (std::string(name) == "participating-org") {
      Attr("role", org.role).Attr("crs-channel-code", org.crs_channel);
    }
    if (org.names.empty()) {
      Raw("/>\n");
      return;
    }
    Raw(">\n");
    Narratives(org.names, inner);
    Raw(indent).Raw("</").Raw(name).Raw(">\n");
  }

 private:
  std::string* s_;
};

void WriteActivity(Out& o, const FileHeader& h, const Activity& a) {
  o.Raw(" <iati-activity")
      .Attr("xml:lang", h.lang)
      .Attr("default-currency", h.currency)
      .Raw(">\n");
  o.Raw("  <iati-identifier>").Text(a.identifier).Raw("</iati-identifier>\n");
  o.OrgElement("reporting-org", a.reporting, "  ", "   ");
  o.Raw("  <title>\n");
  o.Narratives(a.title, "   ");
  o.Raw("  </title>\n");
  // The 2.03 schema requires a description: without one, the title.
  o.Raw("  <description type=\"1\">\n");
  o.Narratives(a.description.empty() ? a.title : a.description, "   ");
  o.Raw("  </description>\n");
  for (const auto& p : a.participants) {
    o.OrgElement("participating-org", p, "  ", "   ");
  }
  o.Raw("  <activity-status").Attr("code", a.status).Raw("/>\n");
  for (const auto& [type, date] : a.dates) {
    o.Raw("  <activity-date")
        .Attr("type", type)
        .Attr("iso-date", date)
        .Raw("/>\n");
  }
  for (const auto& c : a.countries) {
    o.Raw("  <recipient-country")
        .Attr("code", c.code)
        .Attr("percentage", c.percentage)
        .Raw("/>\n");
  }
  for (const auto& l : a.locations) {
    o.Raw("  <location>\n");
    if (!l.name.empty()) {
      o.Raw("   <name>\n    <narrative>").Text(l.name);
      o.Raw("</narrative>\n   </name>\n");
    }
    if (l.point) {
      o.Raw(
           "   <point srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\">"
           "\n    <pos>")
          .Text(fmt::format("{:.6f} {:.6f}", l.point->first, l.point->second))
          .Raw("</pos>\n   </point>\n");
    }
    o.Raw("  </location>\n");
  }
  for (const auto& s : a.sectors) {
    o.Raw("  <sector")
        .Attr("vocabulary", s.vocabulary)
        .Attr("code", s.code)
        .Attr("percentage", s.percentage)
        .Raw("/>\n");
  }
  for (const auto& b : a.budgets) {
    o.Raw("  <budget").Attr("type", b.type).Attr("status", b.status);
    o.Raw(">\n   <period-start").Attr("iso-date", b.start).Raw("/>\n");
    o.Raw("   <period-end").Attr("iso-date", b.end).Raw("/>\n");
    o.Raw("   <value").Attr("value-date", b.start).Raw(">").Text(b.value);
    o.Raw("</value>\n  </budget>\n");
  }
  for (const auto& t : a.transactions) {
    o.Raw("  <transaction").Attr("ref", t.ref).Raw(">\n");
    o.Raw("   <transaction-type").Attr("code", t.type).Raw("/>\n");
    o.Raw("   <transaction-date").Attr("iso-date", t.date).Raw("/>\n");
    o.Raw("   <value").Attr("value-date", t.date).Raw(">").Text(t.value);
    o.Raw("</value>\n");
    if (!t.description.empty()) {
      o.Raw("   <description>\n    <narrative>").Text(t.description);
      o.Raw("</narrative>\n   </description>\n");
    }
    if (!t.provider.ref.empty() || !t.provider.names.empty()) {
      o.OrgElement("provider-org", t.provider, "   ", "    ");
    }
    if (!t.receiver.ref.empty() || !t.receiver.names.empty()) {
      o.OrgElement("receiver-org", t.receiver, "   ", "    ");
    }
    o.Raw("  </transaction>\n");
  }
  o.Raw(" </iati-activity>\n");
}

}  // namespace

void AppendDocumentStart(std::string* out) {
  Out(out)
      .Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
      .Raw("<iati-activities version=\"2.03\">\n");
}

void AppendActivity(const FileHeader& header, const Activity& activity,
                    std::string* out) {
  Out o(out);
  WriteActivity(o, header, activity);
}

void AppendDocumentEnd(std::string* out) {
  Out(out).Raw("</iati-activities>\n");
}

std::string WriteActivities(const FileHeader& header,
                            const std::vector<Activity>& activities) {
  std::string s;
  s.reserve(activities.size() * 2500 + 200);
  AppendDocumentStart(&s);
  for (const auto& a : activities) AppendActivity(header, a, &s);
  AppendDocumentEnd(&s);
  return s;
}

std::string Decimal(double v) {
  std::string s = fmt::format("{:.2f}", std::round(v * 100) / 100);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::vector<std::string> EqualShares(std::size_t n) {
  std::vector<std::string> out;
  if (n == 0) return out;
  const long total = 10000;  // hundredths of a percent
  const long each = total / static_cast<long>(n);
  for (std::size_t i = 0; i + 1 < n; ++i)
    out.push_back(Decimal(static_cast<double>(each) / 100.0));
  out.push_back(Decimal(
      static_cast<double>(total - each * static_cast<long>(n - 1)) / 100.0));
  return out;
}

}  // namespace coopatlas::iati
