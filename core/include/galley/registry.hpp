// The format registry: readers and writers by name, extension, media type and content.
//
// Registry::builtin() holds every format compiled into galley, in the order listed in
// converters/CMakeLists.txt. Programs may build their own Registry, or copy the builtin
// one and add formats to it; a registry is read-only once conversions start.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <galley/format.hpp>

// The public API: exported from a shared libgalley, which hides everything else.
#pragma GCC visibility push(default)
namespace galley {

class Registry {
 public:
  struct ReaderEntry {
    FormatInfo info;
    std::shared_ptr<const Reader> reader;
  };
  struct WriterEntry {
    FormatInfo info;
    std::shared_ptr<const Writer> writer;
  };

  /// The formats built into galley. Thread-safe; built on first use.
  static const Registry& builtin();

  /// Adds a reader; a later entry with the same name replaces the earlier one.
  void add_reader(FormatInfo info, std::shared_ptr<const Reader> reader);
  /// Adds a writer; a later entry with the same name replaces the earlier one.
  void add_writer(FormatInfo info, std::shared_ptr<const Writer> writer);

  const std::vector<ReaderEntry>& readers() const noexcept { return readers_; }
  const std::vector<WriterEntry>& writers() const noexcept { return writers_; }

  /// The reader called `name`, else the one claiming the extension `name` ("htm"), or
  /// nullptr.
  const ReaderEntry* find_reader(std::string_view name) const;
  /// The writer called `name`, else the one claiming the extension `name` ("md"), or
  /// nullptr.
  const WriterEntry* find_writer(std::string_view name) const;

  /// Chooses the reader for `input`: its media type, then the extension of its name,
  /// then the highest sniff() score over the first 4 KiB. Throws
  /// Error{UnknownFormat} naming what was tried.
  const ReaderEntry& detect_reader(const Input& input) const;

  /// The writer claiming an output path's extension, or nullptr.
  const WriterEntry* find_writer_for_path(std::string_view path) const;
  /// The writer for an output path's extension. Throws Error{UnknownFormat}.
  const WriterEntry& writer_for_path(std::string_view path) const;

  /// The writer `format` names (see find_writer), or the one for `path`'s extension
  /// when `format` is empty; `path` names the output in errors. Throws
  /// Error{UnknownFormat}.
  const WriterEntry& choose_writer(std::string_view format, std::string_view path) const;

 private:
  std::vector<ReaderEntry> readers_;
  std::vector<WriterEntry> writers_;
};

}  // namespace galley
#pragma GCC visibility pop
