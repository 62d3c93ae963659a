// The small string helpers: joining, splitting, HTML escaping.
#include "core/strings.h"

#include <gtest/gtest.h>

namespace coopatlas::core {
namespace {

TEST(StringsTest, JoinAndSplit) {
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join({}, ", "), "");
  EXPECT_EQ(SplitSpaces(" SN  BF "), (std::vector<std::string>{"SN", "BF"}));
}

TEST(StringsTest, GroupThousandsWithSpaces) {
  EXPECT_EQ(GroupThousands(0), "0");
  EXPECT_EQ(GroupThousands(999), "999");
  EXPECT_EQ(GroupThousands(1000), "1 000");
  EXPECT_EQ(GroupThousands(1234567), "1 234 567");
}

TEST(StringsTest, HtmlEscapeEveryMarkupCharacter) {
  EXPECT_EQ(HtmlEscape(R"(<a href="x">l'État & co</a>)"),
            "&lt;a href=&quot;x&quot;&gt;l&#39;État &amp; co&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape(""), "");
  std::string out = "<b>";
  AppendHtmlEscaped(out, "1 < 2");
  EXPECT_EQ(out, "<b>1 &lt; 2");
}

}  // namespace
}  // namespace coopatlas::core
