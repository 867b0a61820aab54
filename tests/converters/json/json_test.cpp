#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <galley/galley.hpp>

#include "support/golden.hpp"
#include "support/model_builders.hpp"

namespace galley::test {
namespace {

using nlohmann::ordered_json;

Article rich_article() {
  Article a;
  a.metadata.title = "Title with \"quotes\"";
  a.metadata.authors = {{"Jane Doe"}, {"John Roe"}};
  a.metadata.byline = "Jane Doe and John Roe";
  a.metadata.date = std::chrono::year{2022} / 1 / 30;
  a.metadata.lang = "en";
  a.metadata.source_format = "text";
  a.body =
      blocks(heading(2, text("Intro")),
             para(text("a "), emph(text("b")), strong(text("c")), code("d"), line_break(),
                  link("https://x.org/", text("e")), image("i.png", "alt"), note_ref("1")),
             list(true, {blocks(para(text("one"))), blocks(para(text("two")), list(false, {}))}),
             quote(para(text("q"))), code_block("int x;\n  y\n", "cpp"), rule(),
             Block{Figure{Image{"f.png", "fig"}, {text("Caption")}}},
             Block{Table{{{blocks(para(text("h")))}, {blocks(para(text("c")))}}, 1}});
  a.notes = {Note{"1", blocks(para(text("note")))}};
  a.footer = blocks(para(text("Contact us")));
  a.furniture = {Furniture{3, "Page 3"}};
  return a;
}

Article scholarly_article() {
  Article a;
  a.metadata.title = "Patient Experiences";
  a.metadata.affiliations = {"Royal College of Surgeons in Ireland", "University of Galway"};
  a.metadata.authors = {Person{"Nuala E. Tully", {0, 1}, "nt@example.org", "0000-0002-1825-0097"},
                        Person{"Jane M. Doe", {1}}};
  a.metadata.keywords = {"heart failure", "rehabilitation"};
  a.metadata.identifiers = {Identifier{"doi", "10.1155/2010/157939"}};
  a.metadata.container = Container{"Rehabilitation Research and Practice", "2010", {}, "157939"};
  a.metadata.license = License{"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"};
  a.abstract = blocks(para(text("Objectives. We asked.")));
  a.body = blocks(para(text("Body [1].")));
  Reference ref;
  ref.id = "ref-1";
  ref.label = "1";
  ref.text = "Yang Z. PAML 4. Mol Biol Evol. 2007;24:1586-91.";
  ref.authors = {"Yang Z"};
  ref.year = "2007";
  ref.container = "Mol Biol Evol";
  ref.volume = "24";
  ref.pages = "1586-91";
  a.references = {ref, Reference{"ref-2", "", "Unparsed.", {}, {}, {}, {}, {}, {}, {}, {}, {}}};
  return a;
}

Error read_error(std::string_view json) {
  try {
    read_json(json, "in.json");
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << json;
  return Error(ErrorCode::Io, "", {}, "");
}

TEST(JsonModel, RoundTripsEveryNodeType) {
  const Article a = rich_article();
  EXPECT_EQ(read_json(write_json(a)), a);
}

TEST(JsonModel, RoundTripsScholarlyFields) {
  const Article a = scholarly_article();
  EXPECT_EQ(read_json(write_json(a)), a);
}

TEST(JsonWriter, WritesScholarlyFieldsAsTheContractSays) {
  const auto doc = ordered_json::parse(write_json(scholarly_article()));
  const auto& meta = doc["metadata"];
  EXPECT_EQ(meta["authors"][0].dump(),
            R"({"name":"Nuala E. Tully","affiliations":[0,1],"email":"nt@example.org",)"
            R"("orcid":"0000-0002-1825-0097"})");
  EXPECT_EQ(meta["authors"][1]["email"], nullptr);
  EXPECT_EQ(meta["identifiers"].dump(), R"([{"type":"doi","value":"10.1155/2010/157939"}])");
  EXPECT_EQ(meta["container"]["issue"], nullptr);
  EXPECT_EQ(meta["license"]["url"], "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(doc["abstract"][0]["text"], "Objectives. We asked.");
  const auto& ref = doc["references"][0];
  EXPECT_EQ(ref["label"], "1");
  EXPECT_EQ(ref["authors"].dump(), R"(["Yang Z"])");
  EXPECT_EQ(ref["title"], nullptr);
  EXPECT_EQ(doc["references"][1]["year"], nullptr);
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "metadata", "abstract", "body", "notes",
                                            "references", "footer", "furniture", "resources"}));
}

TEST(JsonReader, RefusesAnAffiliationIndexOutOfRange) {
  EXPECT_STREQ(read_error(R"({"schema": "galley-article/1", "metadata": {"affiliations": ["A"],
                 "authors": [{"name": "X", "affiliations": [1]}]}})")
                   .what(),
               "in.json: metadata.authors: affiliation 1 is not in metadata.affiliations");
  EXPECT_STREQ(read_error(R"({"schema": "galley-article/1", "metadata": {
                 "authors": [{"name": "X", "affiliations": [-1]}]}})")
                   .what(),
               "in.json: metadata.authors[0].affiliations[0]: expected an index into "
               "metadata.affiliations");
}

TEST(JsonModel, RoundTripsAnEmptyArticle) {
  const Article a;
  EXPECT_EQ(read_json(write_json(a)), a);
}

TEST(JsonWriter, WritesEveryContractKeyEvenWhenUnknown) {
  const auto doc = ordered_json::parse(write_json(Article{}));
  EXPECT_EQ(doc["schema"], "galley-article/1");
  for (const char* key : {"title", "subtitle", "byline", "date", "datetime", "site_name",
                          "publisher", "lang", "url", "description"}) {
    ASSERT_TRUE(doc["metadata"].contains(key)) << key;
    EXPECT_TRUE(doc["metadata"][key].is_null()) << key;
  }
  EXPECT_EQ(doc["metadata"]["authors"], ordered_json::array());
  EXPECT_EQ(doc["metadata"]["source_format"], "");
  for (const char* key : {"keywords", "affiliations", "identifiers"}) {
    EXPECT_EQ(doc["metadata"][key], ordered_json::array()) << key;
  }
  EXPECT_TRUE(doc["metadata"]["container"].is_null());
  EXPECT_TRUE(doc["metadata"]["license"].is_null());
  for (const char* key : {"abstract", "body", "notes", "references", "footer", "furniture"}) {
    EXPECT_EQ(doc[key], ordered_json::array()) << key;
  }
}

TEST(JsonWriter, WritesBlocksAsTheContractSays) {
  const auto doc = ordered_json::parse(write_json(rich_article()));
  const auto& body = doc["body"];
  EXPECT_EQ(body[0]["type"], "heading");
  EXPECT_EQ(body[0]["level"], 2);
  EXPECT_EQ(body[1]["text"], "a bcd e");
  EXPECT_EQ(body[1]["inlines"][1], ordered_json::parse(R"({"type":"emphasis","children":[
      {"type":"text","text":"b"}]})"));
  EXPECT_EQ(body[1]["inlines"][4], ordered_json::parse(R"({"type":"line_break"})"));
  EXPECT_EQ(body[1]["inlines"][7], ordered_json::parse(R"({"type":"note_ref","id":"1"})"));
  EXPECT_EQ(body[2]["ordered"], true);
  EXPECT_EQ(body[2]["items"][1][0]["text"], "two");
  EXPECT_EQ(body[2]["text"], "one two");
  EXPECT_EQ(body[3]["blocks"][0]["type"], "paragraph");
  EXPECT_EQ(body[4]["text"], "int x;\n  y\n");
  EXPECT_EQ(body[4]["language"], "cpp");
  EXPECT_EQ(body[5], ordered_json::parse(R"({"type":"rule","text":""})"));
  EXPECT_EQ(body[6]["image"], ordered_json::parse(R"({"src":"f.png","alt":"fig"})"));
  EXPECT_EQ(body[7]["header_rows"], 1);
  EXPECT_EQ(body[7]["rows"][1][0][0]["text"], "c");
  EXPECT_EQ(doc["metadata"]["date"], "2022-01-30");
  EXPECT_EQ(doc["furniture"][0], ordered_json::parse(R"({"page":3,"text":"Page 3"})"));
}

TEST(JsonWriter, PrettyPrintsWithStableKeyOrderAndTrailingNewline) {
  const std::string out = write_json(Article{});
  EXPECT_EQ(out.substr(0, 34), "{\n  \"schema\": \"galley-article/1\",\n");
  EXPECT_LT(out.find("\"metadata\""), out.find("\"body\""));
  EXPECT_LT(out.find("\"body\""), out.find("\"footer\""));
  EXPECT_EQ(out.back(), '\n');
}

TEST(JsonWriter, SanitizesInvalidUtf8InsteadOfThrowing) {
  Article a;
  a.metadata.title = std::string("bad \xff byte\x01");
  const auto doc = ordered_json::parse(write_json(a));
  EXPECT_EQ(doc["metadata"]["title"], "bad \xEF\xBF\xBD byte");
}

TEST(JsonReader, ReportsSyntaxErrorsWithLineAndColumn) {
  const Error e = read_error("{\n  \"schema\": \"galley-article/1\",\n  \"body\": [,]\n}");
  EXPECT_EQ(e.code(), ErrorCode::Malformed);
  EXPECT_EQ(e.input(), "in.json");
  EXPECT_EQ(e.pos().line, 3);
  EXPECT_EQ(e.pos().column, 12);
  EXPECT_NE(std::string(e.what()).find("in.json:3:12: not valid JSON: syntax error"),
            std::string::npos)
      << e.what();
}

TEST(JsonReader, RefusesOtherSchemas) {
  const Error e = read_error(R"({"schema": "other/2"})");
  EXPECT_EQ(e.code(), ErrorCode::Malformed);
  EXPECT_STREQ(e.what(),
               "in.json: document: not a galley article: \"schema\" must be \"galley-article/1\"");
  EXPECT_EQ(read_error("[1, 2]").code(), ErrorCode::Malformed);
}

TEST(JsonReader, NamesThePathOfAValueThatDoesNotFit) {
  EXPECT_STREQ(read_error(R"({"schema": "galley-article/1", "body": [{"type": "paragraph"},
                 {"type": "paragraph", "inlines": [{"type": "bold"}]}]})")
                   .what(),
               "in.json: body[1].inlines[0]: unknown inline type 'bold'");
  EXPECT_STREQ(read_error(R"({"schema": "galley-article/1", "body": [{"type": "heading",
                 "level": 9}]})")
                   .what(),
               "in.json: body[0].level: expected an integer from 1 to 6");
  EXPECT_STREQ(
      read_error(R"({"schema": "galley-article/1", "metadata": {"date": "2022-02-30"}})").what(),
      "in.json: metadata.date: expected a date as YYYY-MM-DD, got \"2022-02-30\"");
  EXPECT_STREQ(read_error(R"({"schema": "galley-article/1", "metadata": {"title": 5}})").what(),
               "in.json: metadata.title: expected a string");
}

TEST(JsonReader, RefusesDeepNestingWithoutOverflowingTheStack) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(read_error(deep).code(), ErrorCode::LimitExceeded);
  Article a;
  Blocks inner = blocks(para(text("x")));
  for (int i = 0; i < 200; ++i) inner = blocks(quote(inner[0]));
  a.body = inner;
  EXPECT_EQ(read_json(write_json(a)), a) << "200 nested quotes stay under the limit";
}

TEST(JsonReader, RefusesInvalidUtf8) {
  EXPECT_EQ(read_error("{\"schema\": \"galley-article/1\", \"x\": \"\xff\"}").code(),
            ErrorCode::Malformed);
}

TEST(JsonFormat, IsDetectedByExtensionAndContent) {
  const std::string bytes = write_json(Article{});
  const auto& registry = Registry::builtin();
  EXPECT_EQ(registry.detect_reader(Input{"a.json", bytes, {}}).info.name, "json");
  EXPECT_EQ(registry.detect_reader(Input{"noext", bytes, {}}).info.name, "json");
  EXPECT_EQ(registry.detect_reader(Input{"x", bytes, "application/json"}).info.name, "json");
  EXPECT_EQ(registry.writer_for_path("out.json").info.name, "json");
}

}  // namespace
}  // namespace galley::test
