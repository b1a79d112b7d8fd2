// Session reports, pure: the template and deadlines the Secretariat sets, the limits of
// the short and full report, late and missing, the prefilled speakers and the queue's
// measured figures beside the gender report card.
#include "core/reports/report.hpp"

#include <gtest/gtest.h>

using namespace convene;
using namespace convene::reports;

namespace {

bool names(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field) return true;
    return false;
}

std::string words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += "word ";
    return out;
}

}  // namespace

TEST(Reports, TheDefaultIsThe2015Template) {
    auto s = default_settings();
    ASSERT_EQ(s.fields.size(), 4u);
    EXPECT_EQ(s.fields[0].key, "key_issues");
    EXPECT_EQ(s.fields[3].key, "way_forward");
    EXPECT_EQ(s.short_hours, 12);
    EXPECT_EQ(s.full_days, 14);
    EXPECT_EQ(settings_from_json(nlohmann::json::object()).fields, s.fields);
    auto back = settings_from_json(to_json(s));
    EXPECT_EQ(back.fields, s.fields);
}

TEST(Reports, SettingsNameTheMemberAtFault) {
    auto field_of = [](const nlohmann::json& j) {
        try {
            settings_from_json(j);
        } catch (const InputError& e) {
            return e.field();
        }
        return std::string("none");
    };
    EXPECT_EQ(field_of({{"short_hours", 0}}), "short_hours");
    EXPECT_EQ(field_of({{"full_days", "two weeks"}}), "full_days");
    EXPECT_EQ(field_of({{"full_days", 100000}}), "full_days");
    EXPECT_EQ(field_of({{"fields", nlohmann::json::array()}}), "fields");
    EXPECT_EQ(field_of({{"fields", {{{"label", "A"}, {"word_limit", -1}}}}}),
              "fields[0].word_limit");
    EXPECT_EQ(field_of({{"fields", {{{"label", ""}}}}}), "fields[0].label");
    EXPECT_EQ(field_of({{"fields", {{{"label", "A"}, {"key", "Bad Key"}}}}}), "fields[0].key");
    EXPECT_EQ(
        field_of({{"fields", {{{"label", "A"}, {"key", "a"}}, {{"label", "B"}, {"key", "a"}}}}}),
        "fields[1].key");
    EXPECT_EQ(field_of({{"colour", 1}}), "colour");
    auto s = settings_from_json({{"short_hours", 6},
                                 {"full_days", 10},
                                 {"fields", {{{"label", "Summary"}, {"word_limit", 50}}}}});
    EXPECT_EQ(s.short_hours, 6);
    ASSERT_EQ(s.fields.size(), 1u);
    EXPECT_EQ(s.fields[0].key, "field_1");
}

TEST(Reports, AtMostThreeKeyMessagesWithinTheirWords) {
    auto s = default_settings();
    s.key_message_words = 10;
    EXPECT_TRUE(check_short({{"one", "two", "three"}}, s, true).empty());
    EXPECT_TRUE(names(check_short({{"1", "2", "3", "4"}}, s, false), "key_messages"));
    EXPECT_TRUE(names(check_short({{"fine", words(11)}}, s, false), "key_messages[1]"));
    EXPECT_TRUE(names(check_short({}, s, true), "key_messages"));
    EXPECT_TRUE(check_short({}, s, false).empty()) << "an empty draft is a draft";
}

TEST(Reports, TheFullReportsLimitsAndCard) {
    auto s = default_settings();
    s.fields[2].word_limit = 5;
    FullReport r;
    r.fields["discussions"] = words(6);
    r.women_present = "about_half";
    r.gender_discussed = "mentioned";
    auto errors = check_full(r, s, false);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "fields.discussions");
    r.fields["discussions"] = words(5);
    EXPECT_TRUE(check_full(r, s, true).empty());
    r.fields["colour"] = "blue";
    EXPECT_TRUE(names(check_full(r, s, false), "fields.colour"));
    r.fields.erase("colour");
    r.women_present = "lots";
    EXPECT_TRUE(names(check_full(r, s, false), "women_present"));
    FullReport empty;
    auto filing = check_full(empty, s, true);
    EXPECT_TRUE(names(filing, "women_present"));
    EXPECT_TRUE(names(filing, "gender_discussed"));
    EXPECT_TRUE(names(filing, "fields.key_issues"));
    EXPECT_TRUE(check_full(empty, s, false).empty());
}

TEST(Reports, DeadlinesLateAndMissing) {
    auto s = default_settings();
    auto d = deadlines("2031-06-02T10:00:00Z", s);
    EXPECT_EQ(d.short_due, "2031-06-02T22:00:00Z");
    EXPECT_EQ(d.full_due, "2031-06-16T10:00:00Z");
    EXPECT_EQ(deadlines("", s).full_due, "");
    EXPECT_EQ(filing_status(std::string("2031-06-03T09:00:00Z"), d.full_due, ""), "filed");
    EXPECT_EQ(filing_status(std::string("2031-06-16T10:00:01Z"), d.full_due, ""), "late");
    EXPECT_EQ(filing_status(std::nullopt, d.full_due, "2031-06-10T00:00:00Z"), "due");
    EXPECT_EQ(filing_status(std::nullopt, d.full_due, "2031-06-16T10:00:00Z"), "missing");
    EXPECT_EQ(filing_status(std::string("x"), true, d.full_due, ""), "late");
    EXPECT_TRUE(full_report_in_time(std::string("x"), false, d.full_due, ""));
    EXPECT_FALSE(full_report_in_time(std::string("x"), true, d.full_due, ""));
    EXPECT_FALSE(full_report_in_time(std::nullopt, false, d.full_due, ""));
    EXPECT_FALSE(full_report_in_time(std::nullopt, false, d.full_due, "2031-07-01T00:00:00Z"));
    EXPECT_TRUE(full_report_in_time(std::nullopt, false, d.full_due, "2031-06-05T00:00:00Z"));
}

TEST(Reports, SpeakersPrefilledFromTheSessionAndTheQueue) {
    auto text = prefilled_speakers({{"Ana Lima", "speaker"}, {"Ben Okafor", "moderator"}},
                                   {"ana lima", "Chen Wu", "Chen Wu"}, "from the floor");
    EXPECT_EQ(text, "Ana Lima (speaker)\nBen Okafor (moderator)\nChen Wu (from the floor)\n");
}

TEST(Reports, TheQueuesMeasuredFigures) {
    auto g =
        queue_gender({{"a", "woman"}, {"b", "man"}, {"a", "woman"}, {"c", ""}, {"d", "woman"}});
    EXPECT_EQ(g.turns, 5);
    EXPECT_EQ(g.women_turns, 3);
    EXPECT_EQ(g.unknown_turns, 1);
    EXPECT_EQ(g.speakers, 4);
    EXPECT_EQ(g.women_speakers, 2);
    EXPECT_EQ(g.women_turns_percent(), 75);
    EXPECT_EQ(g.women_speakers_percent(), 67);
    EXPECT_EQ(queue_gender({}).women_turns_percent(), -1);
}

TEST(Reports, ReportsFromJsonNameTheirMembers) {
    auto field_of = [](auto f) {
        try {
            f();
        } catch (const InputError& e) {
            return e.field();
        }
        return std::string("none");
    };
    EXPECT_EQ(field_of([] { short_from_json({{"key_messages", "one"}}); }), "key_messages");
    EXPECT_EQ(field_of([] { short_from_json({{"key_messages", {"a", 2}}}); }), "key_messages[1]");
    EXPECT_EQ(field_of([] {
                  full_from_json({{"fields", {{"key_issues", 3}}}});
              }),
              "fields.key_issues");
    EXPECT_EQ(field_of([] { full_from_json({{"women_present", 1}}); }), "women_present");
    auto r = short_from_json({{"key_messages", {" a ", "", "b"}}});
    EXPECT_EQ(r.key_messages, (std::vector<std::string>{"a", "b"}));
}

TEST(Reports, TheComplianceTally) {
    Tally t;
    for (auto s : {"filed", "late", "late", "missing", "due"}) t.add(s);
    EXPECT_EQ(t.filed, 1);
    EXPECT_EQ(t.late, 2);
    EXPECT_EQ(t.missing, 1);
    EXPECT_EQ(t.due, 1);
    EXPECT_EQ(t.total(), 5);
}
