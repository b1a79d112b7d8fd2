// Session reports in the store, on both engines: the template and deadlines per edition,
// drafts and filings with versions, a stale save kept as a conflict, a late filing, the
// sessions with where their reports stand, and the screening rule of the next edition
// reading these reports.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "core/demo/demo_forum.hpp"
#include "database/database.hpp"
#include "database/migrations.hpp"
#include "engine_database.hpp"
#include "security/secrets.hpp"
#include "store/demo/demo.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/proposals.hpp"
#include "store/reports/reports.hpp"

using namespace convene;

namespace {

class ReportsStore : public convene::testing::EngineDatabase {};

store::ReportSave save_of(store::ReportPart part, nlohmann::json content, std::int64_t version,
                          bool file, const std::string& now, const std::string& due) {
    store::ReportSave s;
    s.part = part;
    s.content = std::move(content);
    s.expected_version = version;
    s.file = file;
    s.author = "Rita Rapporteur";
    s.now = now;
    s.due = due;
    return s;
}

}  // namespace

TEST_P(ReportsStore, SettingsDraftsFilingsConflictsAndTheScreeningRule) {
    store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{
        db::scalar(c->run("SELECT id FROM editions WHERE name = 'Regional IGF demo 2027'"))};

    // The template: the 2015 one until the Secretariat sets another.
    EXPECT_EQ(store::report_settings(*c, edition).fields.size(), 4u);
    auto settings = reports::default_settings();
    settings.full_days = 10;
    store::set_report_settings(*c, edition, settings);
    EXPECT_EQ(store::report_settings(*c, edition).full_days, 10);

    auto sessions = store::reported_sessions(*c, edition);
    ASSERT_GE(sessions.size(), 2u);
    const auto& first = sessions[0];
    const auto& second = sessions[1];
    EXPECT_EQ(first.end_utc.size(), 20u) << first.end_utc;
    auto due = reports::deadlines(first.end_utc, settings);

    // A draft, then a stale save (kept as a conflict), then a late filing.
    auto short_part = store::ReportPart::short_report;
    auto one = store::save_report(*c, edition, first.id,
                                  save_of(short_part, {{"key_messages", {"One"}}}, 0, false,
                                          "2027-04-20T10:00:00Z", due.short_due));
    EXPECT_TRUE(one.saved);
    EXPECT_EQ(one.version, 1);
    auto stale = store::save_report(*c, edition, first.id,
                                    save_of(short_part, {{"key_messages", {"Other"}}}, 0, false,
                                            "2027-04-20T10:01:00Z", due.short_due));
    EXPECT_FALSE(stale.saved);
    EXPECT_EQ(stale.version, 1);
    EXPECT_EQ(store::session_report(*c, first.id)->short_report.key_messages,
              std::vector<std::string>{"One"})
        << "the stale save changed nothing";
    auto late = store::save_report(*c, edition, first.id,
                                   save_of(short_part, {{"key_messages", {"One", "Two"}}}, 1, true,
                                           "2099-01-01T00:00:00Z", due.short_due));
    EXPECT_TRUE(late.saved);
    EXPECT_TRUE(late.late);
    EXPECT_TRUE(late.first_filing);
    auto report = store::session_report(*c, first.id);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->short_late);
    EXPECT_EQ(report->short_filed_at.value_or(""), "2099-01-01T00:00:00Z");
    EXPECT_EQ(report->short_version, 2);
    auto versions = store::report_versions(*c, first.id);
    ASSERT_EQ(versions.size(), 3u);
    EXPECT_EQ(versions[0].action, "file");
    EXPECT_TRUE(versions[0].late);
    EXPECT_EQ(versions[1].action, "conflict");
    EXPECT_EQ(versions[1].content["key_messages"][0], "Other") << "both versions are kept";
    EXPECT_EQ(versions[2].author, "Rita Rapporteur");

    // The full report of the second session, on time; the first has none.
    reports::FullReport full;
    full.fields["key_issues"] = "Issues";
    full.women_present = "about_half";
    full.gender_discussed = "mentioned";
    auto due2 = reports::deadlines(second.end_utc, settings);
    auto filed = store::save_report(*c, edition, second.id,
                                    save_of(store::ReportPart::full_report, reports::to_json(full),
                                            0, true, second.end_utc, due2.full_due));
    EXPECT_TRUE(filed.saved);
    EXPECT_FALSE(filed.late);
    EXPECT_EQ(store::session_report(*c, second.id)->full_report, full);
    for (const auto& s : store::reported_sessions(*c, edition)) {
        if (s.id == second.id) {
            EXPECT_TRUE(s.full_filed_at.has_value());
        }
        if (s.id == first.id) {
            EXPECT_FALSE(s.full_filed_at.has_value());
        }
    }

    // The next edition's screening reads them: the second on time, the first missing.
    EditionDraft next{"Regional IGF demo 2028", "2028", "2028-04-20", "2028-04-22",
                      "America/Sao_Paulo",      "Demo"};
    auto next_id = store::create_edition(*c, next, "2027-12-01T00:00:00Z");
    auto context = store::screening_context(*c, next_id, "2027-12-01T00:00:00Z");
    bool saw_first = false, saw_second = false;
    for (const auto& past : context.past_sessions) {
        if (past.editions_ago != 1) continue;  // the demo's 2026 edition has titles too
        if (past.title == first.title) {
            saw_first = true;
            EXPECT_FALSE(past.report_filed);
        }
        if (past.title == second.title && second.title != first.title) {
            saw_second = true;
            EXPECT_TRUE(past.report_filed);
        }
    }
    EXPECT_TRUE(saw_first);
    EXPECT_TRUE(saw_second);
    // Before the deadline a report not filed yet is still due, not missing.
    auto early = store::screening_context(*c, next_id, first.end_utc);
    for (const auto& past : early.past_sessions)
        if (past.editions_ago == 1 && past.title == first.title) {
            EXPECT_TRUE(past.report_filed);
        }
}

TEST_P(ReportsStore, TheLiveRoomsSpeakersAndTheirGender) {
    store::load_demo_forum(*database_, generate_demo_forum(3));
    auto c = database_->acquire();
    auto edition = EditionId{
        db::scalar(c->run("SELECT id FROM editions WHERE name = 'Regional IGF demo 2027'"))};
    auto sessions = store::reported_sessions(*c, edition);
    ASSERT_FALSE(sessions.empty());
    EXPECT_FALSE(store::session_room_speech(*c, sessions[0].id).had_queue);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportsStore, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });
