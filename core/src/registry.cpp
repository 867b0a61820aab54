#include <galley/registry.hpp>

#include <algorithm>

#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley {

void register_builtin_formats(Registry& registry);  // generated: converters/builtin.cpp.in

namespace {

template <class Entry>
void add_entry(std::vector<Entry>& entries, Entry entry) {
  auto same_name = [&](const Entry& e) { return e.info.name == entry.info.name; };
  auto it = std::find_if(entries.begin(), entries.end(), same_name);
  if (it != entries.end()) {
    *it = std::move(entry);
  } else {
    entries.push_back(std::move(entry));
  }
}

template <class Entry>
const Entry* find_by_extension(const std::vector<Entry>& entries, const std::string& ext) {
  if (ext.empty()) return nullptr;
  for (const Entry& e : entries) {
    if (std::find(e.info.extensions.begin(), e.info.extensions.end(), ext) !=
        e.info.extensions.end()) {
      return &e;
    }
  }
  return nullptr;
}

template <class Entry>
const Entry* find_entry(const std::vector<Entry>& entries, std::string_view name) {
  for (const Entry& e : entries) {
    if (e.info.name == name) return &e;
  }
  return name.empty() ? nullptr : find_by_extension(entries, "." + detail::to_lower_ascii(name));
}

}  // namespace

const Registry& Registry::builtin() {
  static const Registry registry = [] {
    Registry r;
    register_builtin_formats(r);
    return r;
  }();
  return registry;
}

void Registry::add_reader(FormatInfo info, std::shared_ptr<const Reader> reader) {
  add_entry(readers_, ReaderEntry{std::move(info), std::move(reader)});
}

void Registry::add_writer(FormatInfo info, std::shared_ptr<const Writer> writer) {
  add_entry(writers_, WriterEntry{std::move(info), std::move(writer)});
}

const Registry::ReaderEntry* Registry::find_reader(std::string_view name) const {
  return find_entry(readers_, name);
}

const Registry::WriterEntry* Registry::find_writer(std::string_view name) const {
  return find_entry(writers_, name);
}

const Registry::ReaderEntry& Registry::detect_reader(const Input& input) const {
  if (const std::string type = detail::media_type_essence(input.media_type); !type.empty()) {
    for (const ReaderEntry& e : readers_) {
      const auto& types = e.info.media_types;
      if (std::find(types.begin(), types.end(), type) != types.end()) return e;
    }
  }
  const std::string ext = detail::extension_of(input.name);
  if (const ReaderEntry* e = find_by_extension(readers_, ext)) return *e;

  // Formats bid on the first 4 KiB, as libarchive's readers do; ties go to the
  // format registered first.
  const std::string_view head = input.bytes.substr(0, 4096);
  const ReaderEntry* best = nullptr;
  int best_score = 0;
  for (const ReaderEntry& e : readers_) {
    const int score = e.info.sniff ? e.info.sniff(head) : 0;
    if (score > best_score) {
      best = &e;
      best_score = score;
    }
  }
  if (best) return *best;
  std::string tried = ext.empty() ? "no extension" : "extension '" + ext + "'";
  throw Error(ErrorCode::UnknownFormat, input.name, {},
              "cannot tell the input format (" + tried +
                  ", content not recognised); name the input format");
}

const Registry::WriterEntry& Registry::choose_writer(std::string_view format,
                                                     std::string_view path) const {
  if (format.empty()) return writer_for_path(path);
  if (const WriterEntry* entry = find_writer(format)) return *entry;
  throw Error(ErrorCode::UnknownFormat, std::string(path), {},
              "unknown output format '" + std::string(format) + "' (see Registry::writers())");
}

const Registry::WriterEntry* Registry::find_writer_for_path(std::string_view path) const {
  return find_by_extension(writers_, detail::extension_of(path));
}

const Registry::WriterEntry& Registry::writer_for_path(std::string_view path) const {
  if (const WriterEntry* e = find_writer_for_path(path)) return *e;
  const std::string ext = detail::extension_of(path);
  throw Error(ErrorCode::UnknownFormat, std::string(path), {},
              ext.empty() ? "no extension to choose the output format from; name the output format"
                          : "no writer for extension '" + ext + "'; name the output format");
}

}  // namespace galley
