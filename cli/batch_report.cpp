#include "batch_report.hpp"

#include <fstream>

#include <galley/error.hpp>
#include <nlohmann/json.hpp>

namespace galley::cli {
namespace {

using Json = nlohmann::ordered_json;

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::optional<std::string> string_or_null(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return std::nullopt;
}

}  // namespace

std::string to_json_line(const ReportRecord& r) {
  Json line = {{"input", r.input},
               {"status", r.status},
               {"outputs", r.outputs},
               {"error", r.error.empty() ? Json(nullptr) : Json(r.error)},
               {"reason", r.reason.empty() ? Json(nullptr) : Json(r.reason)},
               {"warnings", r.warnings},
               {"title", optional_string(r.title)},
               {"byline", optional_string(r.byline)},
               {"date", optional_string(r.date)},
               {"seconds", r.seconds}};
  // Inputs and messages may carry bytes that are not UTF-8 (file names); replace them.
  return line.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<ReportRecord> read_report(const std::filesystem::path& path) {
  std::vector<ReportRecord> records;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const Json j = Json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("input") || !j["input"].is_string()) continue;
    ReportRecord r;
    r.input = j["input"].get<std::string>();
    r.status = j.value("status", "");
    if (const auto reason = string_or_null(j.value("reason", Json()))) r.reason = *reason;
    if (j.contains("outputs") && j["outputs"].is_array()) {
      for (const Json& o : j["outputs"]) {
        if (o.is_string()) r.outputs.push_back(o.get<std::string>());
      }
    }
    if (j.contains("warnings") && j["warnings"].is_array()) {
      for (const Json& w : j["warnings"]) {
        if (w.is_string()) r.warnings.push_back(w.get<std::string>());
      }
    }
    r.title = string_or_null(j.value("title", Json()));
    r.byline = string_or_null(j.value("byline", Json()));
    r.date = string_or_null(j.value("date", Json()));
    r.seconds = j.value("seconds", 0.0);
    records.push_back(std::move(r));
  }
  return records;
}

ReportWriter::ReportWriter(const std::filesystem::path& path) {
  if (!path.empty()) out_.emplace(path);
}

void ReportWriter::write_line(const std::string& line) {
  std::lock_guard lock(mutex_);
  if (!out_ || error_) return;
  try {
    out_->write(line + '\n');
    ++lines_;
  } catch (const Error& e) {
    error_ =
        std::string(e.what()) + " (the report stops after " + std::to_string(lines_) + " lines)";
  }
}

void ReportWriter::add(const ReportRecord& record) { write_line(to_json_line(record)); }

void ReportWriter::publish() {
  std::lock_guard lock(mutex_);
  if (!out_ || error_) return;
  try {
    out_->publish();
  } catch (const Error& e) {
    error_ = e.what();
  }
}

std::optional<std::string> ReportWriter::finish(const BatchSummary& s) {
  const double rate = s.wall_seconds > 0 ? static_cast<double>(s.ok) / s.wall_seconds : 0.0;
  Json summary = {
      {"summary",
       {{"total", s.total},
        {"ok", s.ok},
        {"failed", s.failed},
        {"skipped", s.skipped},
        {"ignored", s.ignored},
        {"not_started", s.not_started},
        {"wall_seconds", s.wall_seconds},
        {"docs_per_second", rate},
        {"interrupted", s.interrupted},
        {"stopped_before", s.next_input.empty() ? Json(nullptr) : Json(s.next_input)}}}};
  write_line(summary.dump(-1, ' ', false, Json::error_handler_t::replace));
  std::lock_guard lock(mutex_);
  if (out_ && !error_) {
    try {
      out_->close();
    } catch (const Error& e) {
      error_ = e.what();
    }
  }
  return error_;
}

}  // namespace galley::cli
