// Format detection and the pipeline, on a registry of formats defined here.
#include <galley/galley.hpp>

#include <map>
#include <thread>

#include <gtest/gtest.h>

namespace galley {
namespace {

// A reader that records its name as the title, so tests see which one ran.
class NamedReader final : public Reader {
 public:
  explicit NamedReader(std::string name) : name_(std::move(name)) {}
  Article read(const Input&, const ReadOptions&, Diagnostics&) const override {
    Article a;
    a.metadata.title = name_;
    return a;
  }

 private:
  std::string name_;
};

// A reader that takes a while and checks its budget as a real one does between pages.
class SlowReader final : public Reader {
 public:
  Article read(const Input& input, const ReadOptions& options, Diagnostics&) const override {
    const Budget budget(options, input.name);
    for (int page = 0; page < 100; ++page) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      budget.check();
    }
    return {};
  }
};

class TitleWriter final : public Writer {
 public:
  void write(const Article& a, const WriteOptions&, Sink& out, Diagnostics&) const override {
    out.write(a.metadata.title.value_or("?"));
  }
};

Registry test_registry() {
  Registry r;
  r.add_reader({"alpha",
                "",
                {".a"},
                {"text/alpha"},
                [](std::string_view head) { return head.starts_with("A") ? 50 : 0; }},
               std::make_shared<NamedReader>("alpha"));
  r.add_reader({"beta",
                "",
                {".b"},
                {},
                [](std::string_view head) { return head.starts_with("A") ? 80 : 1; }},
               std::make_shared<NamedReader>("beta"));
  r.add_writer({"title", "", {".title"}, {}, nullptr}, std::make_shared<TitleWriter>());
  return r;
}

Article read_with(const Registry& r, Input input, std::string_view format = {}) {
  Diagnostics diag;
  ReadOptions options;
  options.recover = false;
  return read(input, options, diag, format, r);
}

TEST(Registry, PrefersNamedFormatThenMediaTypeThenExtensionThenContent) {
  const Registry r = test_registry();
  EXPECT_EQ(read_with(r, {"x.b", "A", ""}, "alpha").metadata.title, "alpha");
  EXPECT_EQ(read_with(r, {"x.b", "A", "text/alpha"}).metadata.title, "alpha");
  EXPECT_EQ(read_with(r, {"x.a", "A", ""}).metadata.title, "alpha");
  EXPECT_EQ(read_with(r, {"x.unknown", "A", ""}).metadata.title, "beta");  // bids 80 > 50
  EXPECT_EQ(read_with(r, {"noext", "zzz", ""}).metadata.title, "beta");    // the only bidder
}

TEST(Registry, FindsFormatsByNameOrExtension) {
  const Registry& registry = Registry::builtin();
  EXPECT_EQ(registry.find_writer("markdown")->info.name, "markdown");
  EXPECT_EQ(registry.find_writer("md")->info.name, "markdown");
  EXPECT_EQ(registry.find_writer("MD")->info.name, "markdown");
  EXPECT_EQ(registry.find_reader("htm")->info.name, "html");
  EXPECT_EQ(registry.find_writer("docx"), nullptr);
  EXPECT_EQ(registry.find_writer(""), nullptr);
}

TEST(Registry, RecordsTheReaderThatRan) {
  const Registry r = test_registry();
  EXPECT_EQ(read_with(r, {"x.a", "", ""}).metadata.source_format, "alpha");
}

TEST(Registry, UnknownFormatNamesWhatWasTried) {
  Registry r;
  r.add_reader({"alpha", "", {".a"}, {}, nullptr}, std::make_shared<NamedReader>("alpha"));
  try {
    read_with(r, {"story.xyz", "content", ""});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::UnknownFormat);
    EXPECT_STREQ(e.what(),
                 "story.xyz: cannot tell the input format (extension '.xyz', content not "
                 "recognised); name the input format");
  }
}

TEST(Registry, LaterRegistrationReplacesEarlier) {
  Registry r = test_registry();
  r.add_reader({"alpha", "", {".a"}, {}, nullptr}, std::make_shared<NamedReader>("replaced"));
  EXPECT_EQ(r.readers().size(), 2u);
  EXPECT_EQ(read_with(r, {"x.a", "", ""}).metadata.title, "replaced");
}

TEST(Registry, WritesThroughAnOutOfTreeWriter) {
  const Registry r = test_registry();
  Diagnostics diag;
  Article a;
  a.metadata.title = "Hello";
  EXPECT_EQ(write_string(a, "title", {}, diag, r), "Hello");
  EXPECT_THROW(write_string(a, "nosuch", {}, diag, r), Error);
  EXPECT_EQ(&r.writer_for_path("out/story.TITLE"), r.find_writer("title"));
  EXPECT_THROW(r.writer_for_path("story"), Error);
}

TEST(Registry, ConvertsThroughAWriterAddedToTheBuiltinFormats) {
  Registry r = Registry::builtin();  // the built-in readers, plus one format of our own
  r.add_writer({"title", "Just the title", {".title"}, {}, nullptr},
               std::make_shared<TitleWriter>());
  Diagnostics diag;
  std::string out;
  StringSink sink(out);
  convert({"story.txt", "# A headline\n\nFirst paragraph of the story.\n", ""}, {}, "title", sink,
          diag, {}, {}, r);
  EXPECT_EQ(out, "A headline");
}

TEST(Pipeline, RefusesInputOverTheLimit) {
  const Registry r = test_registry();
  Diagnostics diag;
  ReadOptions options;
  options.max_input_bytes = 3;
  try {
    read({"big.a", "ABCD", ""}, options, diag, {}, r);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
    EXPECT_EQ(e.input(), "big.a");
  }
}

TEST(Pipeline, HonoursCancellation) {
  const Registry r = test_registry();
  Diagnostics diag;
  std::stop_source stop;
  stop.request_stop();
  ReadOptions options;
  options.stop = stop.get_token();
  try {
    read({"x.a", "A", ""}, options, diag, {}, r);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
  }
}

// Every built-in reader asks ReadOptions::stop itself (called directly, not through
// galley::read, which asks before and after), so a conversion already under way stops.
TEST(Pipeline, EveryBuiltInReaderStopsWhenCancelled) {
  const std::map<std::string, std::string> fixtures = {{"html", "html/footer_split_off/input.html"},
                                                       {"json", "json/lenient_keys/input.json"},
                                                       {"pdf", "pdf/two_column/input.pdf"},
                                                       {"text", "text/seed/input.txt"}};
  std::stop_source stop;
  stop.request_stop();
  ReadOptions options;
  options.stop = stop.get_token();
  for (const auto& entry : Registry::builtin().readers()) {
    const auto fixture = fixtures.find(entry.info.name);
    ASSERT_NE(fixture, fixtures.end()) << "no fixture for the " << entry.info.name << " reader";
    const std::string bytes =
        read_file_bytes(std::string(GALLEY_SOURCE_DIR) + "/fixtures/" + fixture->second, 1 << 20);
    Diagnostics diag;
    try {
      entry.reader->read(Input{fixture->second, bytes, {}}, options, diag);
      ADD_FAILURE() << entry.info.name << " read on";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::Cancelled) << entry.info.name << ": " << e.what();
    }
  }
}

TEST(Pipeline, StopsAReaderPastItsTimeBudget) {
  Registry r;
  r.add_reader({"slow", "", {".slow"}, {}, nullptr}, std::make_shared<SlowReader>());
  Diagnostics diag;
  ReadOptions options;
  options.time_budget = std::chrono::milliseconds(20);
  try {
    read({"big.slow", "", ""}, options, diag, {}, r);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
    EXPECT_NE(std::string(e.what()).find("time budget of 20 ms"), std::string::npos) << e.what();
  }
}

TEST(Errors, ReadLikeCompilerMessages) {
  EXPECT_STREQ(Error(ErrorCode::Malformed, "a.html", {0, 12, 5}, "not well-formed").what(),
               "a.html:12:5: not well-formed");
  EXPECT_STREQ(Error(ErrorCode::Malformed, "b.pdf", {3, 0, 0}, "bad stream").what(),
               "b.pdf: page 3: bad stream");
  EXPECT_EQ(to_string(Diagnostic{"c.txt", {}, "guessed windows-1252"}),
            "c.txt: guessed windows-1252");
}

}  // namespace
}  // namespace galley
