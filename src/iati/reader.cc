#include "iati/reader.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string_view>
#include <utility>

namespace coopatlas::iati {
namespace {

// Messages kept in one summary; further ones are counted, not kept.
constexpr std::size_t kMaxMessages = 10000;

// An activity's tree is kept in memory while it is checked: past this
// size (text and attributes) reading stops, so memory stays bounded.
constexpr std::size_t kMaxActivityBytes = std::size_t{32} << 20;

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
constexpr int kCappedLine = 65535;  // USHRT_MAX: an element's line from here

// The directories libxml2 may read schema files from; everything else the
// external entity loader refuses (no DTD, entity or schema outside them).
std::mutex& LoaderMutex() {
  static std::mutex m;
  return m;
}
std::set<std::string>& AllowedDirs() {
  static std::set<std::string> dirs;
  return dirs;
}

xmlParserInputPtr RefusingLoader(const char* url, const char* id,
                                 xmlParserCtxtPtr ctxt) {
  std::string path = url != nullptr ? url : "";
  if (path.rfind("file://", 0) == 0) path = path.substr(7);
  bool allowed = false;
  {
    std::lock_guard<std::mutex> lock(LoaderMutex());
    for (const auto& dir : AllowedDirs()) {
      if (path.rfind(dir + "/", 0) == 0 &&
          path.find("..") == std::string::npos) {
        allowed = true;
      }
    }
  }
  if (!allowed) return nullptr;
  (void)id;
  return xmlNewInputFromFile(ctxt, path.c_str());
}

void InstallLoader() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(RefusingLoader);
  });
}

// Compiled schemas, one per file, parsed once per process and shared
// (a compiled xmlSchema is read-only; each reader has its own context).
struct SchemaDeleter {
  void operator()(xmlSchemaPtr s) const { xmlSchemaFree(s); }
};
Result<xmlSchemaPtr> LoadSchema(const std::string& xsd) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<xmlSchema, SchemaDeleter>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(xsd);
  if (it != cache.end()) return it->second.get();
  {
    std::lock_guard<std::mutex> allow(LoaderMutex());
    AllowedDirs().insert(std::filesystem::path(xsd).parent_path().string());
  }
  xmlSchemaParserCtxtPtr ctxt = xmlSchemaNewParserCtxt(xsd.c_str());
  if (ctxt == nullptr) return Status::Internal("cannot read schema " + xsd);
  xmlSchemaSetParserStructuredErrors(
      ctxt, [](void*, xmlErrorPtr) {}, nullptr);
  xmlSchemaPtr schema = xmlSchemaParse(ctxt);
  xmlSchemaFreeParserCtxt(ctxt);
  if (schema == nullptr) {
    return Status::Internal("cannot compile schema " + xsd +
                            " (run from the source tree or set "
                            "COOPATLAS_HOME)");
  }
  cache[xsd].reset(schema);
  return schema;
}

std::string Trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string Chars(const xmlChar* s) {
  return s == nullptr ? std::string()
                      : std::string(reinterpret_cast<const char*>(s));
}

struct ReaderDeleter {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

// The state of one pass, shared with libxml2's error callback.
class Pass {
 public:
  Pass(ReadSummary* summary, const ActivityFn& fn, std::string unit)
      : summary_(summary), fn_(fn), unit_(std::move(unit)) {}

  static void OnError(void* self, xmlErrorPtr error) {
    static_cast<Pass*>(self)->Error(error);
  }

  void Error(xmlErrorPtr error) {
    if (error == nullptr || error->level == XML_ERR_WARNING) return;
    Message m;
    const bool schema = error->domain == XML_FROM_SCHEMASV ||
                        error->domain == XML_FROM_SCHEMASP;
    m.rule = schema ? "0.3.1" : "0.1.1";
    m.severity = "error";
    m.line = error->line;
    if (m.line == kCappedLine) m.line = LineOf(error->node);
    m.text = Trim(error->message != nullptr ? error->message : "");
    if (schema) {
      m.text = "schema: " + m.text;
    } else {
      m.text = "not well-formed XML: " + m.text;
      summary_->fatal = true;
    }
    if (open_) {
      current_messages_.push_back(std::move(m));
      current_schema_ok_ = current_schema_ok_ && !schema;
    } else if (pending_ && m.line >= pending_->line) {
      pending_messages_.push_back(std::move(m));
      pending_schema_ok_ = pending_schema_ok_ && !schema;
    } else {
      Add(std::move(m));
    }
  }

  void Add(Message m) {
    if (summary_->messages.size() < kMaxMessages) {
      summary_->messages.push_back(std::move(m));
    } else {
      ++summary_->suppressed;
    }
  }

  // Hands the activity closed last to the callback.
  void Flush() {
    if (!pending_) return;
    const std::string id = ActivityIdentifier(*pending_);
    for (auto& m : pending_messages_) {
      m.activity = id;
      Add(std::move(m));
    }
    pending_messages_.clear();
    if (!summary_->fatal) fn_(*pending_, pending_schema_ok_);
    pending_.reset();
  }

  Status Run(xmlTextReaderPtr reader) {
    std::vector<Element*> stack;
    int ret = 0;
    while ((ret = xmlTextReaderRead(reader)) == 1) {
      // A text node's type from the node itself: xmlTextReaderNodeType
      // looks up xml:space up to the root for each blank one, and both
      // kinds of whitespace are skipped here anyway.
      const xmlNode* node = xmlTextReaderCurrentNode(reader);
      const int type =
          node != nullptr && node->type == XML_TEXT_NODE
              ? (xmlIsBlankNode(node) != 0 ? XML_READER_TYPE_WHITESPACE
                                           : XML_READER_TYPE_TEXT)
              : xmlTextReaderNodeType(reader);
      const int depth = xmlTextReaderDepth(reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
        Add({"0.1.1", "error", "",
             static_cast<int>(xmlTextReaderGetParserLineNumber(reader)),
             "a DOCTYPE is not allowed in an IATI file (no DTD, no "
             "entities)"});
        summary_->fatal = true;
        return Status::Ok();
      }
      if (type == XML_READER_TYPE_ELEMENT) {
        std::string name = Chars(xmlTextReaderConstName(reader));
        // The element's own line field, not xmlGetLineNo, which for a
        // capped one borrows a neighbour text's line (the next one's).
        const long node_line = node != nullptr ? node->line : 0;
        const int line =
            node_line > 0
                ? ElementLine(node, node_line)
                : static_cast<int>(xmlTextReaderGetParserLineNumber(reader));
        const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
        if (depth == 0) {
          summary_->root = name;
          if (name != "iati-activities" && name != "iati-organisations") {
            Add({"0.2.1", "error", "", line,
                 "the root element is <" + name +
                     ">, not <iati-activities> or <iati-organisations>"});
            summary_->fatal = true;
            return Status::Ok();
          }
          const xmlChar* v = xmlTextReaderGetAttribute(
              reader, reinterpret_cast<const xmlChar*>("version"));
          summary_->version = Chars(v);
          xmlFree(const_cast<xmlChar*>(v));
          continue;
        }
        Element* e = nullptr;
        if (depth == 1 && name == unit_) {
          Flush();
          open_ = true;
          current_ = Element{};
          current_.children.reserve(32);  // an activity's usual breadth
          current_messages_.clear();
          current_schema_ok_ = true;
          current_bytes_ = 0;
          e = &current_;
          ++summary_->activities;
        } else if (open_ && !stack.empty()) {
          stack.back()->children.emplace_back();
          e = &stack.back()->children.back();
        }
        if (e == nullptr) continue;
        e->name = std::move(name);
        e->line = line;
        e->attrs.reserve(
            static_cast<std::size_t>(xmlTextReaderAttributeCount(reader)));
        while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
          e->attrs.emplace_back(Chars(xmlTextReaderConstName(reader)),
                                Chars(xmlTextReaderConstValue(reader)));
          current_bytes_ += e->attrs.back().second.size() + 32;
        }
        current_bytes_ += 64;
        if (current_bytes_ > kMaxActivityBytes) TooLarge(line);
        xmlTextReaderMoveToElement(reader);
        if (empty) {
          if (e == &current_) CloseActivity();
        } else {
          stack.push_back(e);
          open_elements_.push_back(last_element_);
        }
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        if (!stack.empty() && depth >= 1) {
          Element* e = stack.back();
          stack.pop_back();
          if (!open_elements_.empty()) open_elements_.pop_back();
          if (e == &current_) CloseActivity();
        }
      } else if (type == XML_READER_TYPE_WHITESPACE) {
        TextRead(node);
      } else if (type == XML_READER_TYPE_TEXT ||
                 type == XML_READER_TYPE_CDATA) {
        if (node != nullptr) TextRead(node);
        if (!stack.empty()) {
          const xmlChar* value = xmlTextReaderConstValue(reader);
          const std::size_t before = stack.back()->text.size();
          if (value != nullptr) {
            stack.back()->text += reinterpret_cast<const char*>(value);
          }
          current_bytes_ += stack.back()->text.size() - before;
          if (current_bytes_ > kMaxActivityBytes) {
            TooLarge(
                static_cast<int>(xmlTextReaderGetParserLineNumber(reader)));
          }
        }
      }
      if (summary_->fatal) break;
    }
    if (ret < 0) summary_->fatal = true;
    if (summary_->fatal) {
      // Messages of the activity being read when reading stopped.
      for (auto& m : current_messages_) Add(std::move(m));
      current_messages_.clear();
      pending_.reset();
      for (auto& m : pending_messages_) Add(std::move(m));
      pending_messages_.clear();
      if (ret < 0 && summary_->messages.empty()) {
        Add({"0.1.1", "error", "", 0, "not well-formed XML"});
      }
      return Status::Ok();
    }
    Flush();
    if (summary_->root.empty()) {
      Add({"0.1.1", "error", "", 0, "no root element: not an XML file"});
      summary_->fatal = true;
    }
    return Status::Ok();
  }

 private:
  void TooLarge(int line) {
    Add({"0.1.1", "error", ActivityIdentifier(current_), line,
         "an activity larger than 32 MB: reading stopped (memory bound)"});
    summary_->fatal = true;
  }

  void CloseActivity() {
    open_ = false;
    pending_ = std::make_unique<Element>(std::move(current_));
    pending_messages_ = std::move(current_messages_);
    current_messages_.clear();
    pending_schema_ok_ = current_schema_ok_;
  }

  // libxml2 keeps an element's line in 16 bits: from line 65,535 on, every
  // element says 65535 (kCappedLine). Text nodes keep their true line
  // (XML_PARSE_BIG_LINES): the line the parser had reached when the text
  // ended, which is where the next element starts when only whitespace
  // lies between (an indented file), and the line of the text before it
  // otherwise.
  void TextRead(const xmlNode* node) {
    if (node->line != kCappedLine) return;  // exact: elements are too
    line_after_ = std::max(line_after_, static_cast<int>(xmlGetLineNo(node)));
  }
  int ElementLine(const xmlNode* node, long node_line) {
    const int line = node_line != kCappedLine
                         ? static_cast<int>(node_line)
                         : std::max(kCappedLine, line_after_);
    last_element_ = {node, line};
    return line;
  }
  // An error's node's line, when libxml2 gives the capped one: errors name
  // the element just read or one still open.
  int LineOf(const void* node) const {
    if (node == last_element_.first) return last_element_.second;
    for (auto it = open_elements_.rbegin(); it != open_elements_.rend(); ++it) {
      if (node == it->first) return it->second;
    }
    return std::max(kCappedLine, line_after_);
  }

  ReadSummary* summary_;
  const ActivityFn& fn_;
  std::string unit_;
  bool open_ = false;
  Element current_;
  std::vector<Message> current_messages_;
  bool current_schema_ok_ = true;
  std::size_t current_bytes_ = 0;
  std::unique_ptr<Element> pending_;
  std::vector<Message> pending_messages_;
  bool pending_schema_ok_ = true;
  int line_after_ = 0;
  // The lines of the element read last and of the open ones, for errors.
  std::pair<const xmlNode*, int> last_element_{nullptr, 0};
  std::vector<std::pair<const xmlNode*, int>> open_elements_;
};

// The root element's name, read without a schema (first pass, stops at the
// root's start tag). "" with a fatal message when there is none.
Result<std::string> PeekRoot(const std::string& path, ReadSummary* summary) {
  ReaderPtr reader(xmlReaderForFile(path.c_str(), nullptr, kParseOptions));
  if (!reader) return Status::Io("cannot open " + path);
  ActivityFn none = [](const Element&, bool) {};
  Pass pass(summary, none, "");
  xmlTextReaderSetStructuredErrorHandler(reader.get(), &Pass::OnError, &pass);
  int ret = 0;
  while ((ret = xmlTextReaderRead(reader.get())) == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      pass.Add(
          {"0.1.1", "error", "",
           static_cast<int>(xmlTextReaderGetParserLineNumber(reader.get())),
           "a DOCTYPE is not allowed in an IATI file (no DTD, no "
           "entities)"});
      summary->fatal = true;
      return std::string();
    }
    if (type == XML_READER_TYPE_ELEMENT) {
      return Chars(xmlTextReaderConstName(reader.get()));
    }
  }
  summary->fatal = true;
  if (summary->messages.empty()) {
    pass.Add({"0.1.1", "error", "", 0, "no root element: not an XML file"});
  }
  return std::string();
}

}  // namespace

std::string ActivityIdentifier(const Element& activity) {
  const Element* id = activity.Child("iati-identifier");
  if (id == nullptr) id = activity.Child("organisation-identifier");
  return id == nullptr ? std::string() : Trim(id->text);
}

Result<ReadSummary> ReadFile(const std::string& path,
                             const ReadOptions& options,
                             const ActivityFn& on_activity) {
  InstallLoader();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound("cannot read " + path + ": " + ec.message());
  ReadSummary summary;
  summary.bytes = static_cast<std::int64_t>(size);
  COOPATLAS_ASSIGN_OR_RETURN(const std::string root, PeekRoot(path, &summary));
  if (summary.fatal) return summary;
  const bool organisations = root == "iati-organisations";
  xmlSchemaPtr schema = nullptr;
  if (!options.schema_dir.empty() &&
      (organisations || root == "iati-activities")) {
    COOPATLAS_ASSIGN_OR_RETURN(
        schema, LoadSchema(options.schema_dir + "/" +
                           (organisations ? "iati-organisations-schema.xsd"
                                          : "iati-activities-schema.xsd")));
  }
  ReaderPtr reader(xmlReaderForFile(path.c_str(), nullptr, kParseOptions));
  if (!reader) return Status::Io("cannot open " + path);
  Pass pass(&summary, on_activity,
            organisations ? "iati-organisation" : "iati-activity");
  xmlTextReaderSetStructuredErrorHandler(reader.get(), &Pass::OnError, &pass);
  if (schema != nullptr && xmlTextReaderSetSchema(reader.get(), schema) != 0) {
    return Status::Internal("cannot attach the schema to the reader");
  }
  COOPATLAS_RETURN_IF_ERROR(pass.Run(reader.get()));
  return summary;
}

}  // namespace coopatlas::iati
