// galley::Budget: the cooperative limits a reader asks as it goes.
#include <stop_token>
#include <thread>

#include <gtest/gtest.h>

#include <galley/format.hpp>

namespace galley {
namespace {

TEST(Budget, WithoutLimitsIsNeverSpent) {
  const Budget budget(ReadOptions{}, "a.pdf");
  EXPECT_FALSE(budget.spent());
  EXPECT_NO_THROW(budget.check({3, 0, 0}));
}

TEST(Budget, ACancelledStopTokenSpendsItAndCheckSaysWhere) {
  std::stop_source stop;
  ReadOptions options;
  options.stop = stop.get_token();
  const Budget budget(options, "a.pdf");
  EXPECT_FALSE(budget.spent());
  stop.request_stop();
  EXPECT_TRUE(budget.spent());
  try {
    budget.check({3, 0, 0});
    FAIL() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
    EXPECT_EQ(e.input(), "a.pdf");
    EXPECT_EQ(e.pos().page, 3);
  }
}

TEST(Budget, IsSpentOnceItsTimeHasRunOut) {
  ReadOptions options;
  options.time_budget = std::chrono::milliseconds(1);
  const Budget budget(options, "a.html");
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_TRUE(budget.spent());
  try {
    budget.check();
    FAIL() << "not over time";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
    EXPECT_NE(std::string(e.what()).find("raise ReadOptions::time_budget"), std::string::npos);
  }
}

}  // namespace
}  // namespace galley
