#include "pipeline/repair/rewrite.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace vnplan {
namespace {

// Checks the Rewrite contract: the edits and the unchanged text between them
// rebuild `out.text` from `in`, and each edit changes what its ranges hold.
void ExpectConsistent(std::string_view in, const Rewrite& out) {
  std::string rebuilt;
  size_t at = 0;
  for (size_t k = 0; k < out.edits.size(); ++k) {
    const RepairEdit& e = out.edits[k];
    if (k > 0) {
      EXPECT_LT(out.edits[k - 1].original_end, e.original_begin) << "edits touch or overlap";
      EXPECT_LT(out.edits[k - 1].end, e.begin);
    }
    ASSERT_LE(e.original_end, in.size());
    ASSERT_LE(e.end, out.text.size());
    EXPECT_NE(e.before(in), e.after(out.text));
    EXPECT_EQ(rebuilt.size() + (e.original_begin - at), e.begin) << "output offset of edit " << k;
    rebuilt.append(in.substr(at, e.original_begin - at)).append(e.after(out.text));
    at = e.original_end;
  }
  rebuilt.append(in.substr(at));
  EXPECT_EQ(rebuilt, out.text);
}

TEST(RewriteBuilder, CopyOnlyIsIdentity) {
  std::string in = "Kế hoạch số 15/KH-UBND";
  RewriteBuilder b(in);
  b.Copy(3);
  b.CopyTo(10);
  b.Replace(2, in.substr(10, 2), "encoding");  // Same bytes: not an edit.
  Rewrite r = b.Finish();
  EXPECT_EQ(r.text, in);
  EXPECT_TRUE(r.edits.empty());
}

TEST(RewriteBuilder, RecordsOffsetsBothSides) {
  std::string in = "Vie^.t Nam va\xcc\x80 Lao";
  RewriteBuilder b(in);
  b.Copy(2);
  b.Replace(3, "ệ", "encoding", 0.9);  // "e^." -> "ệ"
  b.CopyTo(12);
  b.Replace(3, "à", "normalization");
  Rewrite r = b.Finish();
  EXPECT_EQ(r.text, "Việt Nam và Lao");
  ASSERT_EQ(r.edits.size(), 2u);
  EXPECT_EQ(r.edits[0].original_begin, 2u);
  EXPECT_EQ(r.edits[0].original_end, 5u);
  EXPECT_EQ(r.edits[0].begin, 2u);
  EXPECT_EQ(r.edits[0].end, 5u);
  EXPECT_EQ(r.edits[0].kind, "encoding");
  EXPECT_DOUBLE_EQ(r.edits[0].confidence, 0.9);
  EXPECT_EQ(r.edits[1].before(in), "a\xcc\x80");
  EXPECT_EQ(r.edits[1].after(r.text), "à");
  ExpectConsistent(in, r);
}

TEST(RewriteBuilder, TouchingReplacementsMerge) {
  std::string in = "ab\r\ncd";
  RewriteBuilder b(in);
  b.Copy(1);
  b.Replace(1, "B", "ocr-confusion", 0.5);
  b.Replace(1, "", "encoding");  // Drops '\r', touching the previous edit.
  Rewrite r = b.Finish();
  EXPECT_EQ(r.text, "aB\ncd");
  ASSERT_EQ(r.edits.size(), 1u);
  EXPECT_EQ(r.edits[0].before(in), "b\r");
  EXPECT_EQ(r.edits[0].after(r.text), "B");
  EXPECT_EQ(r.edits[0].kind, "ocr-confusion+encoding");
  EXPECT_DOUBLE_EQ(r.edits[0].confidence, 0.5);
  ExpectConsistent(in, r);
}

TEST(RewriteBuilder, FoldsEditsPastTheLimit) {
  std::string in = "a.b.c.d.e";
  RewriteBuilder b(in, /*max_edits=*/2);
  while (b.remaining() > 0) {
    if (in[b.position()] == '.') {
      b.Replace(1, ",", "normalization");
    } else {
      b.Copy(1);
    }
  }
  Rewrite r = b.Finish();
  EXPECT_EQ(r.text, "a,b,c,d,e");
  ASSERT_EQ(r.edits.size(), 2u);
  EXPECT_EQ(r.edits[1].before(in), ".c.d.");
  ExpectConsistent(in, r);
}

TEST(Compose, DisjointEditsMapThrough) {
  std::string a = "xx AB yy CD zz";
  RewriteBuilder b1(a);
  b1.CopyTo(3);
  b1.Replace(2, "alpha-beta", "encoding");  // B grows by 8 bytes.
  Rewrite first = b1.Finish();
  RewriteBuilder b2(first.text);
  b2.CopyTo(first.text.find("CD"));
  b2.Replace(2, "c", "diacritics", 0.7);
  Rewrite second = b2.Finish();

  Rewrite c = Compose(a, first, second);
  EXPECT_EQ(c.text, "xx alpha-beta yy c zz");
  ASSERT_EQ(c.edits.size(), 2u);
  EXPECT_EQ(c.edits[1].original_begin, a.find("CD"));
  EXPECT_EQ(c.edits[1].before(a), "CD");
  EXPECT_EQ(c.edits[1].kind, "diacritics");
  ExpectConsistent(a, c);
}

TEST(Compose, TouchingEditsMerge) {
  std::string a = "Vieät Nam";  // VNI-looking bytes.
  RewriteBuilder b1(a);
  b1.Copy(2);
  b1.Replace(3, "e\xcc\xa3\xcc\x82", "encoding");  // Decomposed ệ.
  Rewrite first = b1.Finish();
  RewriteBuilder b2(first.text);
  b2.Copy(2);
  b2.Replace(5, "ệ", "normalization");
  Rewrite second = b2.Finish();

  Rewrite c = Compose(a, first, second);
  EXPECT_EQ(c.text, "Việt Nam");
  ASSERT_EQ(c.edits.size(), 1u);
  EXPECT_EQ(c.edits[0].before(a), "eä");
  EXPECT_EQ(c.edits[0].after(c.text), "ệ");
  EXPECT_EQ(c.edits[0].kind, "encoding+normalization");
  ExpectConsistent(a, c);
}

TEST(Compose, UndoneChangeDisappears) {
  std::string a = "hoà bình";
  RewriteBuilder b1(a);
  b1.Replace(4, "hòa", "normalization");
  Rewrite first = b1.Finish();
  RewriteBuilder b2(first.text);
  b2.Replace(4, "hoà", "normalization");
  Rewrite second = b2.Finish();
  Rewrite c = Compose(a, first, second);
  EXPECT_EQ(c.text, a);
  EXPECT_TRUE(c.edits.empty());
}

// Random passes of replacements, insertions and deletions: the composition
// of any two must satisfy the contract against the first pass's input.
TEST(Compose, RandomPassesStayConsistent) {
  std::mt19937 rng(7);
  const std::string alphabet = "ab cd\n";
  auto random_pass = [&](std::string_view in) {
    RewriteBuilder b(in);
    while (b.remaining() > 0) {
      size_t n = std::min<size_t>(rng() % 3, b.remaining());
      switch (rng() % 4) {
        case 0: {
          std::string rep(rng() % 3, alphabet[rng() % alphabet.size()]);
          b.Replace(n, rep, rng() % 2 ? "x" : "y", (rng() % 10) / 10.0);
          break;
        }
        default:
          b.Copy(std::max<size_t>(n, 1));
      }
    }
    return b.Finish();
  };
  for (int round = 0; round < 300; ++round) {
    std::string a;
    for (size_t k = rng() % 40; k > 0; --k) a += alphabet[rng() % alphabet.size()];
    Rewrite first = random_pass(a);
    ExpectConsistent(a, first);
    Rewrite second = random_pass(first.text);
    ExpectConsistent(first.text, second);
    Rewrite c = Compose(a, first, second);
    ASSERT_EQ(c.text, second.text);
    ExpectConsistent(a, c);
    if (HasFailure()) {
      ADD_FAILURE() << "input: \"" << a << "\"";
      break;
    }
  }
}

}  // namespace
}  // namespace vnplan
