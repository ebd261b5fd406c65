#include "pipeline/repair/restorer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/error.h"
#include "pipeline/repair/syllable.h"

namespace vnplan {
namespace {

// Plan-like text written for these tests.
constexpr char kPlan[] =
    "KẾ HOẠCH\n"
    "Thực hiện chương trình chuyển đổi số năm 2024 trên địa bàn tỉnh\n"
    "\n"
    "Thực hiện Quyết định số 23/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ, Ủy ban\n"
    "nhân dân tỉnh ban hành kế hoạch thực hiện với các nội dung như sau:\n"
    "1. Mục tiêu chung\n"
    "Nâng cao chất lượng chăm sóc sức khỏe cho người cao tuổi và trẻ em tại cộng đồng;\n"
    "tăng cường công tác tuyên truyền, phổ biến giáo dục pháp luật cho người dân.\n"
    "2. Tổ chức thực hiện\n"
    "Các sở, ban, ngành và Ủy ban nhân dân các huyện căn cứ chức năng, nhiệm vụ được\n"
    "giao tổ chức triển khai thực hiện có hiệu quả các nội dung của kế hoạch này.\n"
    "Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí\n"
    "thực hiện theo quy định. Định kỳ hằng năm báo cáo kết quả thực hiện về Ủy ban nhân\n"
    "dân tỉnh trước ngày 15 tháng 12, đạt 95% số xã.\n";

// Every letter without its marks, as typing without marks gives.
std::string StripMarks(std::string_view text) {
  std::u32string s = ToUtf32(text);
  for (char32_t& c : s) {
    if (char32_t base = BaseLetter(c)) c = IsUpperChar(c) ? UpperChar(base) : base;
  }
  return ToUtf8(s);
}

// Damage like Tesseract's English model does: marks dropped or swapped for
// Latin-1 ones, ô/ơ read as 6 or o, Đ as D, ư as w or u.
std::string OcrDamage(std::string_view text) {
  std::u32string out;
  int n = 0;
  for (char32_t c : ToUtf32(text)) {
    ++n;
    switch (c) {
      case U'ế':
      case U'ề':
      case U'ệ':
      case U'ể':
      case U'ễ':
        out += U'é';
        break;
      case U'ố':
      case U'ộ':
        out += (n % 3 == 0) ? U'6' : U'ó';
        break;
      case U'ơ':
      case U'ờ':
      case U'ớ':
      case U'ợ':
        out += U'o';
        break;
      case U'ư':
        out += (n % 2 == 0) ? U'w' : U'u';
        break;
      case U'Đ':
        out += U'D';
        break;
      default: {
        char32_t base = BaseLetter(c);
        out += base && c != U'á' && c != U'é' ? (IsUpperChar(c) ? UpperChar(base) : base) : c;
      }
    }
  }
  return ToUtf8(out);
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Share of the reference's white-space words restored exactly; restoring
// never splits or joins words, so positions correspond.
double WordAccuracy(const std::string& reference, const std::string& restored) {
  std::vector<std::string> a = Words(reference), b = Words(restored);
  EXPECT_EQ(a.size(), b.size());
  size_t right = 0;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) right += a[i] == b[i];
  return static_cast<double>(right) / static_cast<double>(a.size());
}

class RestorerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { restorer_ = Restorer::Load(VNPLAN_MODELS_DIR).release(); }
  static void TearDownTestSuite() { delete restorer_; }
  static Restorer* restorer_;
};
Restorer* RestorerTest::restorer_ = nullptr;

TEST_F(RestorerTest, CleanTextIsLeftAlone) {
  Rewrite r = restorer_->Restore(kPlan);
  EXPECT_EQ(r.text, kPlan);
  EXPECT_TRUE(r.edits.empty());
}

TEST_F(RestorerTest, RestoresStrippedMarks) {
  std::string damaged = StripMarks(kPlan);
  Rewrite r = restorer_->Restore(damaged);
  EXPECT_GE(WordAccuracy(kPlan, r.text), 0.9) << r.text;
  EXPECT_LT(WordAccuracy(kPlan, damaged), 0.4);
}

TEST_F(RestorerTest, RestoresOcrConfusions) {
  std::string damaged = OcrDamage(kPlan);
  Rewrite r = restorer_->Restore(damaged);
  EXPECT_GE(WordAccuracy(kPlan, r.text), 0.85) << r.text;
  // Case shapes survive: the heading stays in capitals.
  EXPECT_EQ(r.text.substr(0, r.text.find('\n')), "KẾ HOẠCH");
}

TEST_F(RestorerTest, LearnsTheConfusionsOfTheDocumentsEngine) {
  // This engine prints Đ as 'P', which the training rendering never did;
  // the words it repairs with confidence teach the rest.
  const char kDamaged[] =
      "Ph6ng Gido duc va Pao tao huyén chu tri, phéi hop véi Poan Thanh nién va Hoi Lién hiép\n"
      "Phu ni té chic cac hoat déng vui choi cho tré em. Poan Thanh nién huyén phét déng phong\n"
      "trao tinh nguyén, Pai Truyén thanh huyén tang thoi luong tuyén truyén. Phong Y té huyén\n"
      "huéng dan cac tram y té x& so ctru ban dau; Pai Truyén thanh bao céo két qua vé Phong Van\n"
      "hoa va Thong tin truéc ngay 30/9 hang nim. Poan Thanh nién va Phong Gido duc va Pao tao\n"
      "phéi hop kiém tra cac diém sinh hoat.\n";
  std::string text = restorer_->Restore(kDamaged).text;
  for (const char* want : {"Giáo dục và Đào tạo", "Đoàn Thanh niên", "Đài Truyền thanh"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << " in " << text;
  }
}

TEST_F(RestorerTest, KeepsLinesDigitsAndSymbols) {
  std::string damaged = StripMarks(kPlan);
  Rewrite r = restorer_->Restore(damaged);
  EXPECT_EQ(std::count(r.text.begin(), r.text.end(), '\n'),
            std::count(damaged.begin(), damaged.end(), '\n'));
  for (const char* kept : {"23/", "07/01/2021", "2024", "15", "95%"}) {
    EXPECT_NE(r.text.find(kept), std::string::npos) << kept;
  }
  for (const RepairEdit& e : r.edits) {
    std::string_view before = e.before(damaged);
    EXPECT_EQ(std::count_if(before.begin(), before.end(), ::isdigit), 0) << before;
    EXPECT_TRUE(e.kind == "diacritics" || e.kind == "letters") << e.kind;
    EXPECT_GE(e.confidence, 0.0);
    EXPECT_LE(e.confidence, 1.0);
    EXPECT_NE(before, e.after(r.text));
  }
}

TEST_F(RestorerTest, MarksOnlyEditsAreDiacritics) {
  Rewrite r = restorer_->Restore("Ke hoach thuc hien");
  EXPECT_EQ(r.text, "Kế hoạch thực hiện");
  ASSERT_FALSE(r.edits.empty());
  for (const RepairEdit& e : r.edits) EXPECT_EQ(e.kind, "diacritics");
}

// A line longer than the restorer's pieces (64 KB) is read piece by piece;
// the cuts fall between words, so every repetition of the same sentence is
// repaired alike and no word is split.
TEST_F(RestorerTest, RepairsAHugeLineThroughout) {
  std::string sentence = StripMarks(kPlan);
  std::replace(sentence.begin(), sentence.end(), '\n', ' ');
  std::string line;
  while (line.size() < 300000) line += sentence;
  Rewrite r = restorer_->Restore(line);
  EXPECT_EQ(r.text.find('\n'), std::string::npos);
  const size_t first_end = r.text.find("KE HOACH", 1) != std::string::npos
                               ? r.text.find("KE HOACH", 1)
                               : r.text.find("KẾ HOẠCH", 1);
  ASSERT_NE(first_end, std::string::npos);
  std::string first = r.text.substr(0, first_end);
  EXPECT_NE(first.find("Thực hiện"), std::string::npos) << first;
  size_t repeats = 0;
  for (size_t at = 0; (at = r.text.find(first, at)) != std::string::npos; at += first.size()) {
    ++repeats;
  }
  EXPECT_GE(repeats, line.size() / sentence.size() - 2);  // All but the two ends.

  // Without a single space the pieces are cut between characters.
  std::string debris(200000, 'x');
  debris.replace(1000, 3, "ệ");
  EXPECT_EQ(restorer_->Restore(debris).text, debris);
}

TEST_F(RestorerTest, EmptyAndPunctuationOnlyInput) {
  EXPECT_EQ(restorer_->Restore("").text, "");
  EXPECT_EQ(restorer_->Restore("\n\n- ... ;\n").text, "\n\n- ... ;\n");
}

TEST(RestorerLoadTest, MissingModelsNameTheFile) {
  try {
    Restorer::Load("/nonexistent/models");
    FAIL() << "loaded from a missing folder";
  } catch (const Error& e) {
    EXPECT_NE(e.file().find("/nonexistent/models/repair/"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace vnplan
