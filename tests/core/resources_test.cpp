// Images carried beside an input: recognised by their bytes, loaded once each, never
// from outside the input's folder.
#include "detail/resources.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/process.hpp"

namespace galley::detail {
namespace {

namespace fs = std::filesystem;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "rest";
const std::string kJpeg = "\xFF\xD8\xFF\xE0rest";

TEST(SniffImage, KnowsPngJpegAndGifByTheirBytes) {
  EXPECT_EQ(sniff_image(kPng)->media_type, "image/png");
  EXPECT_EQ(sniff_image(kJpeg)->extension, "jpg");
  EXPECT_EQ(sniff_image("GIF89a...")->media_type, "image/gif");
  EXPECT_EQ(sniff_image("<svg xmlns='http://www.w3.org/2000/svg'/>"), std::nullopt);
  EXPECT_EQ(sniff_image("root:x:0:0:root:/root:/bin/bash"), std::nullopt);
  EXPECT_EQ(sniff_image(""), std::nullopt);
}

class Collector : public ::testing::Test {
 protected:
  ResourceCollector collector(std::size_t max_bytes = 1 << 20) {
    options_.max_input_bytes = max_bytes;
    options_.load_resource = [this](const std::string& path) -> std::optional<std::string> {
      asked_.push_back(path);
      if (path == "a.png") return kPng;
      if (path == "b.jpg") return kJpeg;
      if (path == "notes.txt") return std::string("plain words");
      if (path == "huge.png") throw Error(ErrorCode::LimitExceeded, "huge.png", {}, "too large");
      return std::nullopt;
    };
    return ResourceCollector(options_, "page.html", diag_);
  }
  ReadOptions options_;
  Diagnostics diag_;
  std::vector<std::string> asked_;
};

TEST_F(Collector, LoadsEachImageOnceUnderItsNormalisedPath) {
  ResourceCollector images = collector();
  EXPECT_EQ(images.image("./a.png"), "a.png");
  EXPECT_EQ(images.image("a.png?v=1"), "a.png");
  EXPECT_EQ(images.image("b.jpg"), "b.jpg");
  EXPECT_EQ(asked_, (std::vector<std::string>{"a.png", "b.jpg"}));
  const std::vector<Resource> resources = std::move(images).take();
  ASSERT_EQ(resources.size(), 2u);
  EXPECT_EQ(resources[0], (Resource{"a.png", "image/png", kPng}));
  EXPECT_EQ(resources[1].media_type, "image/jpeg");
  EXPECT_TRUE(diag_.empty());
}

TEST_F(Collector, LeavesUrlsMissingFilesAndNonImagesAlone) {
  ResourceCollector images = collector();
  EXPECT_EQ(images.image("https://x.org/a.png"), std::nullopt);
  EXPECT_EQ(images.image("../a.png"), std::nullopt);
  EXPECT_EQ(images.image("missing.png"), std::nullopt);
  EXPECT_EQ(images.image("notes.txt"), std::nullopt);
  EXPECT_EQ(images.image("huge.png"), std::nullopt);
  EXPECT_EQ(asked_, (std::vector<std::string>{"missing.png", "notes.txt", "huge.png"}));
  EXPECT_TRUE(std::move(images).take().empty());
  ASSERT_EQ(diag_.all().size(), 2u);  // the text file and the loader's error; not the missing one
  EXPECT_NE(diag_.all()[0].message.find("not a PNG, JPEG or GIF"), std::string::npos);
  EXPECT_NE(diag_.all()[1].message.find("too large"), std::string::npos);
}

TEST_F(Collector, StopsAtTheInputSizeLimit) {
  ResourceCollector images = collector(kPng.size() + 2);
  EXPECT_EQ(images.image("a.png"), "a.png");
  EXPECT_EQ(images.image("b.jpg"), std::nullopt);
  EXPECT_EQ(std::move(images).take().size(), 1u);
  ASSERT_EQ(diag_.all().size(), 1u);
  EXPECT_NE(diag_.all()[0].message.find("size limit"), std::string::npos);
}

TEST(ResourceCollector, ReadsNothingWithoutALoader) {
  Diagnostics diag;
  ResourceCollector images(ReadOptions{}, "page.html", diag);
  EXPECT_EQ(images.image("a.png"), std::nullopt);
}

TEST(FolderResources, ReadsFilesInsideTheFolderOnly) {
  testing::TempDir dir;
  fs::create_directories(dir.path() / "page" / "img");
  dir.write("page/img/a.png", kPng);
  dir.write("secret.png", kPng);
  fs::create_symlink(dir.path() / "secret.png", dir.path() / "page" / "img" / "link.png");
  fs::create_directory_symlink(dir.path(), dir.path() / "page" / "up");
  const ResourceLoader load = folder_resources(dir.path() / "page", 64);
  EXPECT_EQ(load("img/a.png"), kPng);
  EXPECT_EQ(load("img/missing.png"), std::nullopt);
  EXPECT_EQ(load("img"), std::nullopt);            // a folder
  EXPECT_EQ(load("../secret.png"), std::nullopt);  // outside, by name
  EXPECT_EQ(load("img/link.png"), std::nullopt);   // outside, through a file link
  EXPECT_EQ(load("up/secret.png"), std::nullopt);  // outside, through a folder link
  EXPECT_THROW(folder_resources(dir.path() / "page", 4)("img/a.png"), Error);  // too large
}

}  // namespace
}  // namespace galley::detail
