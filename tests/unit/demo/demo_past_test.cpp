// The demo's past edition, last year's regional IGF: the same seed gives the same sessions,
// reports and ratings; most reports on time, a few late and missing, each filed one
// within the 2015 template's limits with a gender report card spread over its answers;
// the organisers of late and missing reports propose nothing this year but one, whose
// proposal is the one screening declines.
#include "core/demo/demo_past.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/demo/demo_forum.hpp"
#include "core/reports/report.hpp"

using namespace convene;

namespace {

std::set<int> organisers_of(const DemoProposal& p) {
    std::set<int> out;
    for (const auto& r : p.people)
        if (r.role == "organiser") out.insert(r.person);
    return out;
}

}  // namespace

TEST(DemoPastEdition, SameSeedSamePastEdition) {
    auto a = generate_demo_forum(7), b = generate_demo_forum(7);
    ASSERT_EQ(a.past_sessions.size(), b.past_sessions.size());
    EXPECT_EQ(a.declined_proposal, b.declined_proposal);
    for (std::size_t i = 0; i < a.past_sessions.size(); ++i) {
        const auto &x = a.past_sessions[i], &y = b.past_sessions[i];
        EXPECT_EQ(x.outcome, y.outcome);
        EXPECT_EQ(x.key_messages, y.key_messages);
        EXPECT_EQ(x.fields, y.fields);
        EXPECT_EQ(x.women_present, y.women_present);
        EXPECT_EQ(x.ratings.size(), y.ratings.size());
        EXPECT_EQ(organisers_of(a.past_proposals[i]), organisers_of(b.past_proposals[i]));
    }
}

TEST(DemoPastEdition, LastYearsRegionalIgfWithReportsLateAndMissingOnes) {
    auto f = generate_demo_forum(7);
    EXPECT_EQ(f.past_edition.name, "Regional IGF demo 2026");
    EXPECT_EQ(f.past_edition.year, "2026");
    EXPECT_TRUE(validate_edition(f.past_edition).empty());
    EXPECT_LT(f.past_edition.end_date, f.programme_edition.start_date);
    EXPECT_LT(f.past_edition.end_date, f.past_messages_at);
    ASSERT_EQ(f.past_proposals.size(), 60u);
    ASSERT_EQ(f.past_sessions.size(), f.past_proposals.size());

    std::map<std::string, int> outcomes;
    std::set<std::string> women, discussed;
    int rated = 0, short_late = 0;
    const auto settings = reports::default_settings();
    for (const auto& s : f.past_sessions) {
        ++outcomes[s.outcome];
        short_late += s.short_late;
        if (!s.ratings.empty()) ++rated;
        for (const auto& r : s.ratings) {
            EXPECT_GE(r.rating, 1);
            EXPECT_LE(r.rating, 5);
        }
        EXPECT_TRUE(reports::check_short({s.key_messages}, settings, true).empty());
        EXPECT_GE(s.key_messages.size(), 2u);
        reports::FullReport full{s.fields, s.speakers, s.women_present, s.gender_discussed};
        auto errors = reports::check_full(full, settings, true);
        for (const auto& e : errors) ADD_FAILURE() << e.field << ": " << e.message;
        for (const char* key : {"key_issues", "presentations", "discussions", "way_forward"})
            EXPECT_FALSE(s.fields.at(key).empty()) << key;
        women.insert(s.women_present);
        discussed.insert(s.gender_discussed);
        if (s.outcome == "full_late") {
            EXPECT_GT(s.full_after_hours, 24 * 14);
        }
        if (s.outcome == "on_time") {
            EXPECT_LT(s.full_after_hours, 24 * 14);
        }
        if (!s.short_late) {
            EXPECT_LT(s.short_after_hours, 12);
        }
    }
    EXPECT_EQ(outcomes["full_late"], 4);
    EXPECT_EQ(outcomes["full_missing"], 3);
    EXPECT_EQ(outcomes["none"], 2);
    EXPECT_EQ(outcomes["on_time"], 51);
    EXPECT_GT(short_late, 0);
    EXPECT_GE(women.size(), 4u) << "the card's estimates are spread";
    EXPECT_EQ(discussed.size(), 3u);
    EXPECT_GE(rated, 10);
    EXPECT_EQ(f.past_sessions[0].outcome, "on_time");
    EXPECT_FALSE(f.past_sessions[0].ratings.empty()) << "the first session shows both";
}

TEST(DemoPastEdition, OnlyTheDeclinedProposalsOrganiserOwesAReport) {
    auto f = generate_demo_forum(7);
    ASSERT_GE(f.declined_proposal, 4);
    const auto& declined = f.proposals[static_cast<std::size_t>(f.declined_proposal)];
    int declined_organiser = -1;
    for (const auto& r : declined.people)
        if (r.role == "organiser") {
            declined_organiser = r.person;
            break;
        }
    // Institutions organising a proposal this year, and how many proposals each.
    std::map<int, int> proposing;
    for (const auto* list : {&f.proposals, &f.evaluating_proposals, &f.programme_proposals})
        for (const auto& p : *list)
            for (int o : organisers_of(p)) ++proposing[f.people[o].organisation];
    int owing = 0;
    bool declined_owes = false;
    for (std::size_t i = 0; i < f.past_sessions.size(); ++i) {
        if (f.past_sessions[i].outcome == "on_time") continue;
        for (int o : organisers_of(f.past_proposals[i])) {
            if (o == declined_organiser) {
                declined_owes = true;
                EXPECT_EQ(f.past_sessions[i].outcome, "full_missing");
                EXPECT_EQ(proposing[f.people[o].organisation], 1)
                    << "no other proposal of this year shares the institution";
                continue;
            }
            owing += proposing.count(f.people[o].organisation);
        }
    }
    EXPECT_TRUE(declined_owes);
    EXPECT_EQ(owing, 0) << "the other late and missing reports' institutions propose nothing";
    // Its speakers list names the organiser who now owes the report.
    bool listed = false;
    for (std::size_t i = 0; i < f.past_sessions.size(); ++i)
        if (organisers_of(f.past_proposals[i]).count(declined_organiser))
            listed |= f.past_sessions[i].speakers.find(f.people[declined_organiser].details.name) !=
                      std::string::npos;
    EXPECT_TRUE(listed);
}

TEST(DemoPastEdition, ASmallForumStillHasOne) {
    DemoSize size;
    size.proposals = 3;
    size.mag_members = 4;
    auto f = generate_demo_forum(5, size);
    ASSERT_EQ(f.past_sessions.size(), 3u);
    std::set<std::string> outcomes;
    for (const auto& s : f.past_sessions) outcomes.insert(s.outcome);
    EXPECT_TRUE(outcomes.count("on_time"));
    EXPECT_TRUE(outcomes.count("full_missing"));
}
