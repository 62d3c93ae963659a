#include "coopatlas/status.h"

#include <gtest/gtest.h>

namespace coopatlas {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument(std::to_string(n) + " is odd");
  return n / 2;
}

Result<int> Quarter(int n) {
  COOPATLAS_ASSIGN_OR_RETURN(int half, Half(n));
  return Half(half);
}

TEST(Status, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  const Status s = Status::NotFound("no such commune");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "not_found: no such commune");
  EXPECT_EQ(s.WithContext("line 3").message(), "line 3: no such commune");
}

TEST(Result, PropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status().message(), "3 is odd");
  EXPECT_EQ(Quarter(5).status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace coopatlas
