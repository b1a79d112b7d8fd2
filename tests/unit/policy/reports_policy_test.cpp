// Session reports in the policy, as a table: who files and reads drafts (the session's
// rapporteur and organisers, the Secretariat of its edition), who sets the template.
#include <gtest/gtest.h>

#include "core/policy/policy.hpp"

namespace convene::policy {
namespace {

const Actor nobody{};
const Actor someone{AccountId{10}, {}};
const Actor blocked{AccountId{11}, {}, true};
const Actor member{AccountId{20}, {{Role::evaluator, EditionId{1}}}};
const Actor secretariat{AccountId{30}, {{Role::admin, EditionId{1}}}};
const Actor secretariat_elsewhere{AccountId{31}, {{Role::admin, EditionId{2}}}};
const Actor secretariat_of_all{AccountId{32}, {{Role::admin, std::nullopt}}};

TEST(ReportsPolicy, WhoFilesAndReadsDrafts) {
    const ReportFacts none{EditionId{1}}, rapporteur{EditionId{1}, true, false},
        organiser{EditionId{1}, false, true};
    struct Row {
        const Actor* actor;
        const ReportFacts* facts;
        bool allowed;
    };
    for (const auto& [actor, facts, allowed] : std::vector<Row>{
             {&nobody, &none, false},
             {&nobody, &rapporteur, false},
             {&someone, &none, false},
             {&someone, &rapporteur, true},
             {&someone, &organiser, true},
             {&blocked, &rapporteur, false},
             {&member, &none, false},
             {&secretariat, &none, true},
             {&secretariat_elsewhere, &none, false},
             {&secretariat_of_all, &none, true},
         }) {
        EXPECT_EQ(may_file_report(*actor, *facts), allowed);
        EXPECT_EQ(may_read_report_drafts(*actor, *facts), allowed);
    }
}

TEST(ReportsPolicy, TheTemplateIsTheSecretariats) {
    EXPECT_TRUE(may_set_report_template(secretariat, EditionId{1}));
    EXPECT_TRUE(may_set_report_template(secretariat_of_all, EditionId{1}));
    EXPECT_FALSE(may_set_report_template(secretariat_elsewhere, EditionId{1}));
    EXPECT_FALSE(may_set_report_template(member, EditionId{1}));
    EXPECT_FALSE(may_set_report_template(someone, EditionId{1}));
}

}  // namespace
}  // namespace convene::policy
