#include "pipeline/segment/segment_stage.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pipeline/load.h"
#include "pipeline/segment/sections.h"

namespace vnplan {
namespace {

Document Segment(const std::string& text) {
  Document doc = FromText("test.txt", text);
  doc.text = doc.original_text;
  static const auto stage = MakeSegmentStage({VNPLAN_MODELS_DIR});
  stage->Run(doc);
  return doc;
}

std::string SpanText(const Document& doc, const SourceSpan& span) {
  return doc.text.substr(span.begin, span.end - span.begin);
}

bool Warned(const Document& doc, const std::string& part) {
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.message.find(part) != std::string::npos) return true;
  }
  return false;
}

const char kPlan[] =
    "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HUYỆN AN PHÚ                         Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 12/KH-UBND                     An Phú, ngày 3 tháng 5 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Trồng cây xanh trên địa bàn huyện\n"
    "năm 2024\n"
    "\n"
    "Căn cứ Nghị quyết số 10/NQ-HĐND ngày 05/01/2024 của Hội đồng nhân dân huyện;\n"
    "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "- Phủ xanh đất trống.\n"
    "2. Yêu cầu\n"
    "I1. NHIỆM VỤ VÀ GIẢI PHÁP\n"
    "1. Trồng mới 2.000 cây xanh dọc các tuyến đường, hoàn thành trước\n"
    "ngày 30/6/2024.\n"
    "a) Chọn giống cây bản địa;\n"
    "b) Tổ chức ra quân;\n"
    "đ) dòng lạc thứ tự\n"
    "2025. Năm sau tiếp tục chăm sóc.\n"
    "12. Mười hai cây.\n"
    "2. Chăm sóc cây\n"
    "2.1. Tưới nước\n"
    "2.2. Bón phân\n"
    "III. KINH PHI\n"
    "Ngân sách huyện.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "Phòng Tài nguyên chủ trì.\n"
    "\n"
    "Nơi nhận:                              KT. CHỦ TỊCH\n"
    "- UBND tỉnh (b/c);                     PHÓ CHỦ TỊCH\n"
    "- Các phòng, ban;\n"
    "- Lưu: VT.\n"
    "\n"
    "                                       Trần Văn Bình\n";

TEST(SegmentStage, FindsZones) {
  Document doc = Segment(kPlan);
  EXPECT_TRUE(SpanText(doc, doc.layout.header).starts_with("ỦY BAN"));
  EXPECT_TRUE(SpanText(doc, doc.layout.header).ends_with("năm 2024"));
  EXPECT_TRUE(SpanText(doc, doc.layout.body).starts_with("Căn cứ"));
  EXPECT_TRUE(SpanText(doc, doc.layout.body).ends_with("Phòng Tài nguyên chủ trì."));
  EXPECT_TRUE(SpanText(doc, doc.layout.recipients).starts_with("Nơi nhận:"));
  EXPECT_TRUE(SpanText(doc, doc.layout.recipients).ends_with("- Lưu: VT."));
  EXPECT_TRUE(SpanText(doc, doc.layout.signature).starts_with("KT. CHỦ TỊCH"));
  EXPECT_TRUE(SpanText(doc, doc.layout.signature).ends_with("Trần Văn Bình"));
}

TEST(SegmentStage, BuildsTreeThroughOcrDamageAndStrayNumbers) {
  Document doc = Segment(kPlan);
  std::vector<std::string> got;
  for (const Section& s : doc.sections) {
    got.push_back(s.id + " " + s.number + " " + std::to_string(s.level) + " " + s.kind);
  }
  std::vector<std::string> want = {
      "1 I 1 purpose", "1.1 1 2 ",        "1.1.1 - 3 ",         "1.2 2 2 ", "2 II 1 tasks",
      "2.1 1 2 ",      "2.1.a a 3 ",      "2.1.b b 3 ",         "2.2 2 2 ", "2.2.1 2.1 3 ",
      "2.2.2 2.2 3 ",  "3 III 1 funding", "4 IV 1 organisation"};
  EXPECT_EQ(got, want);
  EXPECT_TRUE(Warned(doc, "levels: 2"));
  // The wrapped line joins the heading; the span runs to the next sibling.
  const Section& plant = doc.sections[5];
  EXPECT_EQ(plant.heading.value,
            "Trồng mới 2.000 cây xanh dọc các tuyến đường, hoàn thành trước ngày 30/6/2024.");
  EXPECT_TRUE(SpanText(doc, plant.span).ends_with("12. Mười hai cây."));
  EXPECT_EQ(doc.sections[4].parent, -1);
  EXPECT_EQ(doc.sections[6].parent, 5);
  EXPECT_EQ(SpanText(doc, doc.sections[0].heading.span), "MỤC ĐÍCH, YÊU CẦU");
}

TEST(SegmentStage, ListLettersOcrPrintedAsLookAlikes) {
  // OCR without Vietnamese prints "c)" as "¢)" and loses the stroke of "đ)";
  // each is read as the letter that continues the list, and said so.
  Document doc = Segment(
      "KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\na) Một.\nb) Hai.\n\xC2\xA2) Ba.\nd) Bốn.\nd) Năm.\ne) Sáu.\n"
      "d) dòng lạc.\n");
  std::vector<std::string> got;
  for (const Section& s : doc.sections) got.push_back(s.number + " " + s.heading.value);
  std::vector<std::string> want = {"I NHIỆM VỤ", "a Một.", "b Hai.", "c Ba.",
                                   "d Bốn.",     "đ Năm.", "e Sáu."};
  EXPECT_EQ(got, want);
  EXPECT_TRUE(Warned(doc, "read damaged part number ¢ as c"));
  EXPECT_TRUE(Warned(doc, "read damaged part number d as đ"));
}

TEST(SegmentStage, CapitalLettersRunInVietnameseOrder) {
  Document doc = Segment(
      "KẾ HOẠCH\nThử\n\nA. MỤC ĐÍCH\nB. MỤC TIÊU\nC. NHIỆM VỤ\nD. KINH PHÍ\n"
      "\xC4\x90. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế chủ trì.\nE. BÁO CÁO\n");
  std::vector<std::string> got;
  for (const Section& s : doc.sections) {
    got.push_back(s.number + " " + std::to_string(s.level) + " " + s.kind);
  }
  std::vector<std::string> want = {"A 1 purpose",  "B 1 objectives",   "C 1 tasks",
                                   "D 1 funding",  "Đ 1 organisation", "1 2 ",
                                   "E 1 reporting"};
  EXPECT_EQ(got, want);
}

TEST(SegmentStage, DivisionsAboveTheNumberedParts) {
  // "PHẦN I" alone on its line over its heading; "Phần thứ hai:" over parts
  // that carry the kinds; a sentence opening with "Phần" is text.
  Document doc = Segment(
      "KẾ HOẠCH\nThử\n\nPHẦN I\nĐÁNH GIÁ KẾT QUẢ NĂM 2024\nPhần lớn chỉ tiêu đạt.\n"
      "Phần thứ hai: KẾ HOẠCH NĂM 2025\nI. MỤC TIÊU\nII. NHIỆM VỤ\n1. Trồng cây.\n"
      "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Y tế\n");
  std::vector<std::string> got;
  for (const Section& s : doc.sections) {
    got.push_back(s.id + " " + s.number + " " + std::to_string(s.level) + " " + s.kind + " " +
                  s.heading.value);
  }
  std::vector<std::string> want = {"1 I 1 other ĐÁNH GIÁ KẾT QUẢ NĂM 2024",
                                   "2 II 1 other KẾ HOẠCH NĂM 2025",
                                   "2.1 I 2 objectives MỤC TIÊU",
                                   "2.2 II 2 tasks NHIỆM VỤ",
                                   "2.2.1 1 3  Trồng cây.",
                                   "2.3 III 2 organisation TỔ CHỨC THỰC HIỆN",
                                   "2.3.1 1 3  Phòng Y tế"};
  EXPECT_EQ(got, want);
}

TEST(SegmentStage, KeepsAPartAfterASkippedRomanNumeral) {
  Document doc = Segment(
      "KẾ HOẠCH\nThử\n\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\nIV. TỔ CHỨC THỰC HIỆN\n1. Phòng Tư "
      "pháp\xC2\xA0\n");
  ASSERT_EQ(doc.sections.size(), 4u);
  EXPECT_EQ(doc.sections[2].number, "IV");
  EXPECT_EQ(doc.sections[2].kind, "organisation");
  EXPECT_EQ(doc.sections[3].parent, 2);
  EXPECT_EQ(doc.sections[3].heading.value, "Phòng Tư pháp");
  EXPECT_TRUE(Warned(doc, "skips from II to IV"));
}

TEST(SegmentStage, EmptyAndUnstructuredTextWarnsWithoutParts) {
  Document empty = Segment("");
  EXPECT_TRUE(empty.sections.empty());
  EXPECT_TRUE(Warned(empty, "no text"));

  Document novel = Segment(
      "Chương một\nTrời hôm ấy mưa to. Cô bé đứng nép bên hiên nhà,\nnhìn dòng người qua lại.\n");
  EXPECT_TRUE(novel.sections.empty());
  EXPECT_TRUE(Warned(novel, "no numbered parts"));
  EXPECT_TRUE(Warned(novel, "no header"));
  EXPECT_TRUE(Warned(novel, "no signature"));
}

TEST(SegmentStage, KindsSurviveLostDiacriticsAndOcrDamage) {
  Document doc = Segment(
      "I. MUC DICH, YEU CAU\nNội dung.\nIL. NHIỆM VU\nI11. KINH PHl THUC HIEN\n"
      "IV. TO CHUC THUC HIEN\nV. Chế độ thông tin báo cáo\n");
  std::vector<std::string> got;
  for (const Section& s : doc.sections) got.push_back(s.number + " " + s.kind);
  EXPECT_EQ(got, (std::vector<std::string>{"I purpose", "II tasks", "III funding",
                                           "IV organisation", "V reporting"}));
}

TEST(SegmentStage, WrappedCapitalHeading) {
  Document doc = Segment("I. MỤC ĐÍCH\nII. NHIỆM VỤ VÀ GIẢI PHÁP THỰC\nHIỆN\nNội dung.\n");
  ASSERT_EQ(doc.sections.size(), 2u);
  EXPECT_EQ(doc.sections[1].heading.value, "NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN");
  EXPECT_EQ(doc.sections[0].heading.value, "MỤC ĐÍCH");
}

TEST(SegmentStage, RomanNumeralThatLostAStroke) {
  Document doc = Segment(
      "I. MỤC ĐÍCH\n1. Mục đích\nI. NHIỆM VỤ\n1. Tuyên truyền\nI. Lại một dòng\n"
      "Il. KINH PHÍ\n");
  std::vector<std::string> got;
  for (const Section& s : doc.sections) got.push_back(s.id + " " + s.number);
  EXPECT_EQ(got, (std::vector<std::string>{"1 I", "1.1 1", "2 II", "2.1 1", "3 III"}));
  EXPECT_TRUE(Warned(doc, "read damaged part number I as II"));
  EXPECT_TRUE(Warned(doc, "read damaged part number II as III"));
}

TEST(SegmentStage, RecipientsListWithBlankLinesBetweenEntries) {
  Document doc =
      Segment("1. Nội dung\nLàm tốt.\nNơi nhận:\n\n- Sở Y tế;\n\n- Lưu: VT.\n\nNguyễn Văn An\n");
  EXPECT_TRUE(SpanText(doc, doc.layout.recipients).ends_with("- Lưu: VT."));
  EXPECT_EQ(SpanText(doc, doc.layout.signature), "Nguyễn Văn An");
}

TEST(SegmentStage, NumbersThatAHardWrapPutAtALineStartStayText) {
  Document doc = Segment(
      "1. Tập huấn\nMở các lớp tập huấn, trong đó tổ chức\n2. lớp cho cán bộ xã.\n"
      "2. Kiểm tra\na) kiểm tra định kỳ;\nb) kiểm tra đột xuất.\n");
  std::vector<std::string> got;
  for (const Section& s : doc.sections) got.push_back(s.id);
  EXPECT_EQ(got, (std::vector<std::string>{"1", "2", "2.a", "2.b"}));
}

TEST(SegmentStage, DeepNestingIsCapped) {
  std::string text = "I. A\n1. B\n1.1. C\n1.1.1. D\n1.1.1.1. E\na) F\n- G\n+ H\n* I\n• J\n· K\n";
  Document doc = Segment(text);
  ASSERT_EQ(doc.sections.size(), kMaxSectionDepth);
  EXPECT_EQ(doc.sections.back().level, static_cast<int>(kMaxSectionDepth));
  EXPECT_EQ(doc.sections.back().id, "1.1.1.1.1.a.1.1");
  EXPECT_TRUE(Warned(doc, "levels: 3"));
}

TEST(SegmentStage, LoopingNumberingStaysFlat) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "1. Một\n2. Hai\n";
  Document doc = Segment(text);
  ASSERT_EQ(doc.sections.size(), 2u);
  EXPECT_EQ(doc.sections[1].span.end, text.size() - 1);
  EXPECT_TRUE(Warned(doc, "levels: 1998"));
}

TEST(SegmentStage, VeryLongLinesAndJunk) {
  std::string line(3 << 20, 'x');
  Document one = Segment("I. " + line);
  ASSERT_EQ(one.sections.size(), 1u);
  EXPECT_LE(one.sections[0].heading.value.size(), 1024u);
  EXPECT_EQ(one.sections[0].span.end, line.size() + 3);

  Document table = Segment("1 | 2 | 3\n4,5,6\n\xff\xfe\x01 I.\n-\n- \n1.\n)\n");
  for (const Section& s : table.sections) EXPECT_LE(s.span.end, table.text.size());
}

}  // namespace
}  // namespace vnplan
