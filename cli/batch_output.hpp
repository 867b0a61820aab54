// Where `galley batch` puts its outputs: a folder, a zip archive assembled at the end
// from a staging folder beside it, or a JSON Lines file written in input order as the
// lines come (those that come early wait in a staging file), so memory stays flat
// however many outputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <galley/inputs.hpp>

namespace galley::cli {

class OutputTarget {
 public:
  virtual ~OutputTarget() = default;
  /// Writes one output of the `input`-th input (counted from 0 in input order)
  /// atomically at a safe relative path ('/'-separated).
  virtual void write(std::size_t input, const std::string& relative, std::string_view bytes) = 0;
  /// Says that the `input`-th input has no outputs (it failed, or holds no document),
  /// for a target that keeps the inputs' order.
  virtual void pass(std::size_t /*input*/) {}
  /// Takes back an output written by this run (a document whose next output failed).
  virtual void remove(const std::string& relative) = 0;
  /// True when an earlier run left this output complete (for --resume).
  virtual bool has(const std::string& relative) const = 0;
  /// How many files a killed run left where this one writes (temporary files, staging)
  /// the target removed: when it opened, or (a folder) as it first wrote into each
  /// folder.
  virtual std::size_t leftovers_removed() = 0;
  /// Completes the target (packs the archive); outputs written so far are kept.
  virtual void finish() = 0;
};

/// True for a JSON Lines output: a name ending in ".jsonl" or ".jsonl.gz", or "-"
/// (standard output, where the lines stream as they come).
bool is_json_lines_path(const std::filesystem::path& path);

/// A folder target, an archive target when `path` ends in ".zip", or one JSON Lines
/// file (is_json_lines_path) holding a line per input in input order. With `resume`,
/// an archive that exists is read, and its entries not written again are kept; a JSON
/// Lines file is always written whole. `extensions`: of the outputs written, so that
/// a folder's temporaries left by a killed run are told from others.
std::unique_ptr<OutputTarget> open_output(const std::filesystem::path& path, bool resume,
                                          const std::vector<std::string>& extensions);

/// A warning about an output name changed to avoid a collision.
struct Renamed {
  std::string input;
  std::string wanted;
  std::string given;
};

/// The output names given so far, each as a 64-bit hash in an open-addressed table:
/// 8 to 16 bytes a name where a set of the names took some 100, so a batch of millions
/// of documents keeps its memory. Two names of one hash (about one chance in 37
/// million among a million names) would only rename the second output, with the
/// warning that says so.
class TakenNames {
 public:
  bool contains(std::string_view name) const;
  void insert(std::string_view name);

 private:
  static std::uint64_t key(std::string_view name);
  std::size_t slot_of(std::uint64_t key) const;
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024);  ///< 0: empty
  std::size_t size_ = 0;
};

/// Output paths for inputs in input order: "a/story.html" with ".md" gives
/// "a/story.md". When an input would take a name an earlier one has, it keeps its own
/// extension ("a/story.pdf.md"), then gains a counter, so names are deterministic. It
/// holds the names given (as TakenNames), not the inputs.
class OutputNamer {
 public:
  explicit OutputNamer(std::vector<std::string> extensions) : extensions_(std::move(extensions)) {}
  /// The outputs of the next input, one per extension (none for an item with no
  /// document); a changed name is added to `renamed`.
  std::vector<std::string> name(const InputItem& item, std::vector<Renamed>& renamed);

 private:
  std::vector<std::string> extensions_;
  TakenNames taken_;
};

}  // namespace galley::cli
