#include "pipeline/eval/extraction_score.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "pipeline/eval/run_json.h"
#include "pipeline/json_output.h"

namespace vnplan {
namespace {

using json = nlohmann::json;

// A small extracted plan, written by hand, independent of the extractors.
class ExtractionScoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    doc_.text =
        "UBND TỈNH HÀ NAM\n"                                 // line 1
        "Số: 15/KH-UBND\n"                                   // 2
        "Căn cứ Quyết định số 23/QĐ-TTg ngày 07/01/2021;\n"  // 3
        "1. Sở Y tế\n"                                       // 4
        "- Tổ chức khám sàng lọc cho người cao tuổi.\n"      // 5
        "- Phối hợp với Công an tỉnh rà soát số liệu.\n"     // 6
        "Nơi nhận: Bộ Y tế\n";                               // 7
    for (int i = 1; i <= 7; ++i) doc_.lines.push_back({1, i});
    doc_.layout.body = {Offset("Căn cứ"), Offset("Nơi nhận"), 1, 3};
    doc_.layout.recipients = {Offset("Nơi nhận"), doc_.text.size(), 1, 7};

    doc_.header.issuers = {{{"UBND TỈNH HÀ NAM", {}}, 0}};
    doc_.header.number = {"15", {}};
    doc_.header.symbol = {"KH-UBND", {}};
    doc_.header.date = {"2023-03-14", {}};
    doc_.header.type = {"Kế hoạch", {}};
    doc_.header.legal_basis = {"quyet-dinh-23-2021-qd-ttg"};

    Reference ref;
    ref.id = "quyet-dinh-23-2021-qd-ttg";
    ref.legal_basis = true;
    doc_.references.push_back(ref);

    AddAgency("so-yte", "Sở Y tế", {"Sở Y tế"}, "Sở Y tế");
    AddAgency("ca-tinh", "Công an tỉnh", {"Công an tỉnh"}, "Công an tỉnh");
    AddAgency("bo-yte", "Bộ Y tế", {"Bộ Y tế"}, "Nơi nhận: Bộ Y tế");

    AddTask("- Tổ chức khám sàng lọc", {{"so-yte", "lead"}}, {});
    AddTask("- Phối hợp với Công an", {{"so-yte", "lead"}, {"ca-tinh", "cooperate"}},
            {{"trước ngày 31/3/2023", "2023-03-31", "", {}}});

    Target target;
    target.number = "1";
    target.values = {{70, "%", 2024, ""}, {85, "%", 2025, ""}};
    doc_.targets.push_back(target);

    Section part;
    part.id = "1";
    part.number = "I";
    part.kind = "purpose";
    doc_.sections.push_back(part);
    Section child = part;
    child.id = "1.1";
    child.number = "1";
    child.kind = "";
    child.parent = 0;
    child.level = 2;
    doc_.sections.push_back(child);

    doc_.signature = {{"KT. CHỦ TỊCH", {}}, {"PHÓ CHỦ TỊCH", {}}, {"Nguyễn Văn A", {}}};
    doc_.recipients = {{"Bộ Y tế", {}}, {"Lưu: VT", {}}};
  }

  size_t Offset(const std::string& what) const { return doc_.text.find(what); }

  void AddAgency(const std::string& id, const std::string& name, std::vector<std::string> aliases,
                 const std::string& mention) {
    size_t at = Offset(mention);
    doc_.agencies.push_back(
        {id, name, "province", std::move(aliases), {{at, at + mention.size()}}});
  }

  void AddTask(const std::string& start, std::vector<AgencyRole> roles,
               std::vector<Deadline> deadlines) {
    size_t at = Offset(start);
    size_t end = doc_.text.find('\n', at);
    Task task;
    task.text = {doc_.text.substr(at, end - at), {at, end}};
    task.agencies = std::move(roles);
    task.deadlines = std::move(deadlines);
    doc_.tasks.push_back(task);
  }

  json Expected() const {
    return json::parse(R"({
      "header": {"issuers": ["UBND TỈNH HÀ NAM"], "number": "15", "symbol": "KH-UBND",
                 "place": null, "date": "2023-03-14", "type": "Kế hoạch"},
      "legal_basis": ["quyet-dinh-23-2021-qd-ttg"],
      "references": ["quyet-dinh-23-2021-qd-ttg"],
      "agencies": ["Sở Y tế", "Công an tỉnh"],
      "tasks": [
        {"starts": "Tổ chức khám sàng lọc", "lead": "Sở Y tế", "cooperate": [], "deadline": null},
        {"line": 6, "lead": "So Y te", "cooperate": ["Công an tỉnh"], "deadline": "2023-03-31"}
      ],
      "targets": [{"number": "1", "values": [{"value": 70, "unit": "%", "year": 2024},
                                             {"value": 85, "unit": "%", "year": 2025}]}],
      "sections": [{"number": "I", "kind": "purpose"}],
      "signature": {"authority": "KT.CHỦ TỊCH", "title": "Phó Chủ tịch", "name": "Nguyễn Văn A"},
      "recipients": 2
    })");
  }

  Document doc_;
};

TEST_F(ExtractionScoreTest, EverythingRightIsPerfect) {
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  for (const auto& [row, counts] : s.rows) {
    EXPECT_TRUE(counts.perfect()) << row << " fp " << counts.fp << " fn " << counts.fn;
  }
  EXPECT_TRUE(s.errors.empty()) << s.errors.front();
  EXPECT_EQ(s.rows["header"].tp, 5u);  // place is null and was not extracted: no item.
  EXPECT_EQ(s.rows["tasks"].tp, 2u);
  EXPECT_EQ(s.rows["target_values"].tp, 2u);
  EXPECT_EQ(s.rows["sections"].tp, 1u);  // Only the top level counts.
  EXPECT_DOUBLE_EQ(s.Total().f1(), 1.0);
}

TEST_F(ExtractionScoreTest, WrongHeaderFieldIsFalsePositiveAndNegative) {
  doc_.header.date.value = "2023-04-14";
  doc_.header.place.value = "Phủ Lý";  // Expected none.
  doc_.header.number.value.clear();
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  EXPECT_EQ(s.rows["header"].tp, 3u);
  EXPECT_EQ(s.rows["header"].fp, 2u);  // date, place.
  EXPECT_EQ(s.rows["header"].fn, 2u);  // date, number.
  ASSERT_EQ(s.errors.size(), 3u);
  EXPECT_EQ(std::count_if(s.errors.begin(), s.errors.end(),
                          [](const std::string& e) { return e.rfind("header.number", 0) == 0; }),
            1);
}

TEST_F(ExtractionScoreTest, IssuersMustMatchInOrder) {
  doc_.header.issuers.push_back({{"SỞ Y TẾ", {}}, 1});
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  EXPECT_EQ(s.rows["header"].fp, 1u);
  EXPECT_EQ(s.rows["header"].fn, 1u);
}

TEST_F(ExtractionScoreTest, ReferencesCountMissingExtraAndDuplicates) {
  Reference extra;
  extra.id = "luat-39-2009-qh12";
  doc_.references.push_back(extra);
  doc_.references.push_back(doc_.references.front());
  json expected = Expected();
  expected["references"].push_back("nghi-quyet-121-2020-qh14");
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_EQ(s.rows["references"].tp, 1u);
  EXPECT_EQ(s.rows["references"].fp, 2u);
  EXPECT_EQ(s.rows["references"].fn, 1u);
  EXPECT_NEAR(s.rows["references"].precision(), 1.0 / 3, 1e-9);
  EXPECT_NEAR(s.rows["references"].recall(), 0.5, 1e-9);
}

TEST_F(ExtractionScoreTest, LegalBasisReadsFlaggedReferencesToo) {
  doc_.header.legal_basis.clear();
  EXPECT_TRUE(ScoreExtraction(doc_, Expected()).rows["legal_basis"].perfect());
  doc_.references.front().legal_basis = false;
  EXPECT_EQ(ScoreExtraction(doc_, Expected()).rows["legal_basis"].fn, 1u);
}

TEST_F(ExtractionScoreTest, AgenciesMatchDiacriticBlindAndByTrailingWords) {
  json expected = Expected();
  expected["agencies"] = {"SO Y TE NGHE AN", "cong an tinh"};
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_TRUE(s.rows["agencies"].perfect());
  // Bộ Y tế is named only under Nơi nhận, which expected files leave out.
  EXPECT_EQ(s.rows["agencies"].tp, 2u);
}

TEST_F(ExtractionScoreTest, AgencyIsPairedOnceAndExactSpellingWins) {
  json expected = Expected();
  // "Sở Y tế tỉnh" extends "Sở Y tế", but the exact spelling takes that agency first.
  expected["agencies"] = {"Sở Y tế tỉnh", "Sở Y tế", "Công an tỉnh"};
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_EQ(s.rows["agencies"].tp, 2u);
  EXPECT_EQ(s.rows["agencies"].fn, 1u);
  EXPECT_EQ(s.rows["agencies"].fp, 0u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0], "agencies: missing Sở Y tế tỉnh");
}

TEST_F(ExtractionScoreTest, OneWordPrefixDoesNotMatch) {
  doc_.agencies[1].name = "Công";
  doc_.agencies[1].aliases_seen = {"Công"};
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  EXPECT_EQ(s.rows["agencies"].fn, 1u);
  EXPECT_EQ(s.rows["agencies"].fp, 1u);
}

TEST_F(ExtractionScoreTest, TaskWithWrongAttributeIsFoundButNotRight) {
  doc_.tasks[1].agencies = {{"ca-tinh", "lead"}};
  doc_.tasks[1].deadlines.clear();
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  EXPECT_EQ(s.rows["task_text"].tp, 2u);
  EXPECT_EQ(s.rows["tasks"].tp, 1u);
  EXPECT_EQ(s.rows["tasks"].fp, 1u);
  EXPECT_EQ(s.rows["tasks"].fn, 1u);
  EXPECT_EQ(s.rows["task_lead"].tp, 1u);  // The first task's.
  EXPECT_EQ(s.rows["task_lead"].fp, 1u);
  EXPECT_EQ(s.rows["task_lead"].fn, 1u);
  EXPECT_EQ(s.rows["task_cooperate"].fn, 1u);
  EXPECT_EQ(s.rows["task_deadline"].fn, 1u);
}

TEST_F(ExtractionScoreTest, UncheckedTaskAttributesAreNotScored) {
  doc_.tasks[1].agencies.clear();
  json expected = Expected();
  expected["tasks"][1].erase("lead");
  expected["tasks"][1].erase("cooperate");
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_TRUE(s.rows["tasks"].perfect());
  EXPECT_EQ(s.rows["task_lead"].tp, 1u);
}

TEST_F(ExtractionScoreTest, TasksMissingAndExtra) {
  AddTask("Nơi nhận", {}, {});
  json expected = Expected();
  expected["tasks"].push_back({{"starts", "Báo cáo kết quả"}});
  expected["tasks"][0]["starts"] =
      "Tổ chức khám sàng lọc cho";  // Marker-free, diacritics count not.
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_EQ(s.rows["task_text"].tp, 2u);
  EXPECT_EQ(s.rows["task_text"].fp, 1u);
  EXPECT_EQ(s.rows["task_text"].fn, 1u);
}

TEST_F(ExtractionScoreTest, StartsMatchWholeWordsOnly) {
  json expected = Expected();
  expected["tasks"][0]["starts"] = "Tổ chức khám sàng l";
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_EQ(s.rows["task_text"].fn, 1u);
}

TEST_F(ExtractionScoreTest, ListMarkersAreDroppedFromTaskText) {
  doc_.tasks[0].text.value = "a) Tổ chức khám sàng lọc cho người cao tuổi.";
  EXPECT_TRUE(ScoreExtraction(doc_, Expected()).rows["task_text"].perfect());
  doc_.tasks[0].text.value = "IV. Tổ chức khám sàng lọc cho người cao tuổi.";
  EXPECT_TRUE(ScoreExtraction(doc_, Expected()).rows["task_text"].perfect());
}

TEST_F(ExtractionScoreTest, TargetValuesNeedValueUnitAndYear) {
  doc_.targets[0].values[1].year = 2030;
  Target extra;
  extra.number = "2";
  extra.values = {{1, "lần", 2025, ""}};
  doc_.targets.push_back(extra);
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  EXPECT_EQ(s.rows["targets"].tp, 0u);
  EXPECT_EQ(s.rows["targets"].fp, 2u);
  EXPECT_EQ(s.rows["targets"].fn, 1u);
  EXPECT_EQ(s.rows["target_values"].tp, 1u);
  EXPECT_EQ(s.rows["target_values"].fp, 2u);
  EXPECT_EQ(s.rows["target_values"].fn, 1u);
}

TEST_F(ExtractionScoreTest, TargetNumbersIgnoreLeadingZeros) {
  doc_.targets[0].number = "01";
  EXPECT_TRUE(ScoreExtraction(doc_, Expected()).rows["targets"].perfect());
}

TEST_F(ExtractionScoreTest, EmptyExpectedListMeansNoneAllowed) {
  json expected = {{"targets", json::array()}, {"sections", json::array()}};
  ExtractionScore s = ScoreExtraction(doc_, expected);
  EXPECT_EQ(s.rows["targets"].fp, 1u);
  EXPECT_EQ(s.rows["sections"].fp, 1u);
  doc_.targets.clear();
  doc_.sections.clear();
  s = ScoreExtraction(doc_, expected);
  EXPECT_DOUBLE_EQ(s.rows["targets"].f1(), 1.0);
  EXPECT_DOUBLE_EQ(s.Total().f1(), 1.0);
}

TEST_F(ExtractionScoreTest, RecipientsCount) {
  doc_.recipients.pop_back();
  ExtractionScore s = ScoreExtraction(doc_, Expected());
  EXPECT_EQ(s.rows["recipients"].fp, 1u);
  EXPECT_EQ(s.rows["recipients"].fn, 1u);
}

TEST_F(ExtractionScoreTest, KeysLeftOutAreNotScored) {
  ExtractionScore s = ScoreExtraction(doc_, json::parse(R"({"references": []})"));
  EXPECT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows["references"].fp, 1u);
}

TEST_F(ExtractionScoreTest, MalformedExpectedFactsAreRejected) {
  EXPECT_THROW(ScoreExtraction(doc_, json::parse(R"({"taks": []})")), std::invalid_argument);
  EXPECT_THROW(ScoreExtraction(doc_, json::parse(R"({"tasks": [{"lead": null}]})")),
               std::invalid_argument);
  EXPECT_THROW(ScoreExtraction(doc_, json::parse(R"({"header": {"date": 2023}})")),
               std::invalid_argument);
  EXPECT_THROW(ScoreExtraction(doc_, json::parse(R"({"recipients": "6"})")), std::invalid_argument);
  EXPECT_THROW(ScoreExtraction(doc_, json::parse("[]")), std::invalid_argument);
}

TEST_F(ExtractionScoreTest, ScoresAddUp) {
  ExtractionScore total = ScoreExtraction(doc_, Expected());
  doc_.references.clear();
  total += ScoreExtraction(doc_, Expected());
  EXPECT_EQ(total.rows["references"].tp, 1u);
  EXPECT_EQ(total.rows["references"].fn, 1u);
  EXPECT_EQ(total.errors.size(), 1u);  // The missing reference.
}

TEST_F(ExtractionScoreTest, SavedRunJsonScoresLikeTheDocument) {
  ExtractionScore direct = ScoreExtraction(doc_, Expected());
  json saved = json::parse(Dump(ToJson(doc_)));
  Document back = DocumentFromRunJson(saved);
  ExtractionScore reread = ScoreExtraction(back, Expected());
  for (const auto& [row, counts] : direct.rows) {
    EXPECT_EQ(reread.rows[row].tp, counts.tp) << row;
    EXPECT_EQ(reread.rows[row].fp, counts.fp) << row;
    EXPECT_EQ(reread.rows[row].fn, counts.fn) << row;
  }
  EXPECT_EQ(back.tasks[1].text.span.begin, doc_.tasks[1].text.span.begin);
  EXPECT_EQ(back.sections[1].parent, 0);
}

TEST(RunJson, RejectsWhatVnplanDidNotWrite) {
  EXPECT_THROW(DocumentFromRunJson(json::parse(R"({"tasks": []})")), std::invalid_argument);
  EXPECT_THROW(DocumentFromRunJson(json::parse(R"({"schema_version": "1.0", "tasks": 3})")),
               std::invalid_argument);
}

}  // namespace
}  // namespace vnplan
