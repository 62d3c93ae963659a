// Renderers of a report (include/coopatlas/report.h): codecs only, no SQL.
#pragma once

#include <string>

#include "coopatlas/report.h"
#include "coopatlas/status.h"
#include "core/strings.h"

namespace coopatlas::report {

using core::HtmlEscape;

// One self-contained HTML file: inline CSS (with a print stylesheet) and
// inline SVG charts; no script, no external resource.
std::string RenderHtml(const ReportData& data);

// An XLSX workbook with the same tables. Errors: kIo naming the path.
Status WriteXlsx(const ReportData& data, const std::string& path);

// A PDF drawn with cairo and pango (text is real text). Errors: kIo.
Status WritePdf(const ReportData& data, const std::string& path);

// "1 234 567,89 €" (French style, narrow no-break spaces avoided: plain
// spaces, so that text tools find the figures).
std::string Euros(std::int64_t cents);

// French label of a funder type name ("french_authority" -> "Collectivités
// françaises").
std::string FunderTypeLabel(const std::string& type);

// `text` cut to at most `max_chars` code points, with "…" when cut.
std::string Truncate(const std::string& text, std::size_t max_chars);

// The key figures as (label, value) pairs, in display order.
std::vector<std::pair<std::string, std::string>> KeyFigures(
    const ReportData& data);

}  // namespace coopatlas::report
