// What keeps a draft from being stored at all: only text no database takes and sizes
// far past any call's limits; format problems are warnings (check_proposal_draft).
#include "core/proposals/proposal_form.hpp"

#include <gtest/gtest.h>

namespace convene {
namespace {

bool names(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field) return true;
    return false;
}

TEST(ProposalStorable, FormatProblemsAreStorable) {
    Proposal p;
    p.title = std::string(500, 'x');
    p.description = "bell \a and all";
    ProposalPerson speaker;
    speaker.email = "not-an-address";
    speaker.country = "Atlantis";
    speaker.stakeholder_group = "aliens";
    p.speakers = {speaker};
    EXPECT_TRUE(check_proposal_storable(p).empty());
}

TEST(ProposalStorable, RefusesNulInvalidUtf8AndHugeSizes) {
    Proposal p;
    p.title = std::string("nul\0here", 8);
    p.agenda = "\xff\xfe";
    p.description = std::string(100001, 'x');
    p.tags = std::vector<std::string>(101, "tag");
    p.speakers = std::vector<ProposalPerson>(41);
    ProposalPerson bad;
    bad.email = std::string("a\0b", 3);
    p.organisers = {bad};
    auto errors = check_proposal_storable(p);
    for (const char* field :
         {"title", "agenda", "description", "tags", "speakers", "organisers[0].email"})
        EXPECT_TRUE(names(errors, field)) << field;
    for (const auto& e : errors) EXPECT_NE(e.message.find("nothing was saved"), std::string::npos);
}

}  // namespace
}  // namespace convene
