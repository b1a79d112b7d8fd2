// The call for proposals and the proposal form's checks: limits, durations of formats,
// the deadline instant, the comparison of revisions, and mail composition.
#include "core/call/call.hpp"

#include <gtest/gtest.h>

#include "core/proposals/proposal_form.hpp"
#include "mail/smtp.hpp"
#include "web/site/markdown.hpp"

using namespace convene;

namespace {

Call open_call() {
    auto call = standard_call();
    call.opens_at = "2027-02-01T00:00:00Z";
    call.closes_at = "2027-04-15T23:59:00Z";
    call.policy_questions = {"Who decides?"};
    return call;
}

bool has_field(const FieldErrors& errors, const std::string& field) {
    for (const auto& e : errors)
        if (e.field == field) return true;
    return false;
}

}  // namespace

TEST(Call, TheDeadlineIsAnInstantInUtc) {
    auto call = open_call();
    EXPECT_EQ(call_state(call, "2027-01-31T23:59:59Z"), CallState::not_yet_open);
    EXPECT_EQ(call_state(call, "2027-04-15T23:58:59Z"), CallState::open);
    EXPECT_EQ(call_state(call, "2027-04-15T23:59:00Z"), CallState::closed);
    EXPECT_EQ(call_state(standard_call(), "2027-04-15T23:59:00Z"), CallState::not_scheduled);
    EXPECT_EQ(call_state_sentence(call, CallState::closed, "UTC"),
              "The call for proposals closed on 15 April 2027, 23:59 UTC; proposals can no "
              "longer be changed.");
    // The same instant as the venue in Oslo reads it, with UTC beside it.
    EXPECT_EQ(call_state_sentence(call, CallState::closed, "Europe/Oslo"),
              "The call for proposals closed on 16 April 2027, 01:59 (Oslo time) · 15 April "
              "2027, 23:59 UTC; proposals can no longer be changed.");
}

TEST(Call, TimesAreReadInTheFormsPeopleType) {
    EXPECT_EQ(normalise_utc("2027-04-15 23:59"), "2027-04-15T23:59:00Z");
    EXPECT_EQ(normalise_utc(" 2027-04-15T23:59:30Z "), "2027-04-15T23:59:30Z");
    EXPECT_EQ(normalise_utc("2027-02-30 10:00"), "");
    EXPECT_EQ(normalise_utc("tomorrow"), "");
}

TEST(Call, FlashAndBirdsOfAFeatherLastHalfAnHourOthersAnHourOrNinetyMinutes) {
    auto call = standard_call();
    EXPECT_EQ(find_format(call, "flash")->durations, std::vector<int>{30});
    EXPECT_EQ(find_format(call, "birds_of_a_feather")->durations, std::vector<int>{30});
    EXPECT_EQ(find_format(call, "panel")->durations, (std::vector<int>{60, 90}));
    EXPECT_EQ(call.sdgs.size(), 17u);
}

TEST(Call, JsonRoundTripsAndNamesEveryBadSetting) {
    auto call = open_call();
    FieldErrors errors;
    auto again = call_from_json(to_json(call), errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(to_json(again), to_json(call));

    auto bad = call_from_json({{"opens_at", "soon"},
                               {"closes_at", 5},
                               {"formats", {{{"code", "x"}, {"durations", "sixty"}}}},
                               {"limits", {{"description_words", -1}}},
                               {"colour", "red"}},
                              errors);
    for (const char* field :
         {"opens_at", "closes_at", "formats[0].durations", "limits.description_words", "colour"})
        EXPECT_TRUE(has_field(errors, field)) << field;

    Call reversed = open_call();
    std::swap(reversed.opens_at, reversed.closes_at);
    EXPECT_TRUE(has_field(validate_call(reversed), "closes_at"));
    Call unknown_type = open_call();
    unknown_type.session_types.push_back("picnic");
    EXPECT_TRUE(has_field(validate_call(unknown_type), "session_types"));
}

TEST(ProposalForm, DraftsKeepAnythingWithinLimitsAndNameWhatIsOver) {
    auto call = open_call();
    ProposalChecks checks{call, {"Access"}, {}};
    Proposal draft;
    draft.id = "1";
    draft.title = "<script>alert(1)</script>";
    EXPECT_TRUE(check_proposal_draft(draft, checks).empty()) << "HTML is text, kept verbatim";

    draft.title = std::string(101, 'x');
    draft.description = std::string(250 * 2, ' ');
    for (int i = 0; i < 251; ++i) draft.description += "word ";
    draft.format = "flash";
    draft.duration = 90;
    draft.theme = "Elsewhere";
    draft.agenda = "tab\tand\nnewline are fine; bell \a is not";
    draft.sdgs = {"SDG 99"};
    ProposalPerson speaker;
    speaker.name = "Ana";
    speaker.email = "ana(at)example";
    speaker.stakeholder_group = "aliens";
    draft.speakers = {speaker};
    auto errors = check_proposal_draft(draft, checks);
    for (const char* field : {"title", "description", "duration", "theme", "agenda", "sdgs",
                              "speakers[0].email", "speakers[0].stakeholder_group"})
        EXPECT_TRUE(has_field(errors, field)) << field;
    auto message = [&](const std::string& field) {
        for (const auto& e : errors)
            if (e.field == field) return e.message;
        return std::string{};
    };
    EXPECT_EQ(message("title"), "Title is 101 characters long; the limit is 100.");
    EXPECT_EQ(message("description"), "Description has 251 words; the limit is 250.");
    EXPECT_EQ(message("duration"), "A Flash session lasts 30 minutes, not 90.");
}

TEST(ProposalForm, SubmittingNeedsTheFieldsOfTheSessionType) {
    auto call = open_call();
    ProposalChecks checks{call, {"Access"}, {}};
    Proposal p;
    p.id = "1";
    p.title = "Enough";
    auto errors = check_proposal_submission(p, checks);
    EXPECT_TRUE(has_field(errors, "description"));
    EXPECT_TRUE(has_field(errors, "speakers"));
    EXPECT_TRUE(has_field(errors, "online_moderators"));
    EXPECT_FALSE(has_field(errors, "title"));

    p.session_type = "town_hall";
    checks.required_fields = {"title"};
    EXPECT_TRUE(check_proposal_submission(p, checks).empty())
        << "the edition's own list of required fields wins";
}

TEST(ProposalForm, WordsAreCountedAsAReaderCountsThem) {
    EXPECT_EQ(count_words(""), 0u);
    EXPECT_EQ(count_words("  one\ttwo\nthree  "), 3u);
    EXPECT_EQ(count_words("l'accès à Internet"), 3u);
}

TEST(ProposalForm, RevisionsCompareFieldByField) {
    Proposal a;
    a.id = "1";
    a.title = "Old";
    ProposalPerson s;
    s.name = "Ana";
    s.organisation = "ISOC";
    a.speakers = {s};
    Proposal b = a;
    b.title = "New";
    b.speakers[0].confirmation = "confirmed";
    auto changes = compare_proposals(a, b);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].field, "title");
    EXPECT_EQ(changes[0].before, "Old");
    EXPECT_EQ(changes[1].field, "speakers");
    EXPECT_EQ(changes[1].after, "Ana, ISOC, Confirmed");
    EXPECT_TRUE(compare_proposals(a, a).empty());
}

TEST(Mail, MessagesAreCrlfUtf8AndHeadersCannotBeInjected) {
    mail::Message m{"convene@forum.test",
                    "ana@example.org\r\nBcc: victim@example.org",
                    "Résumé\nInjected: yes",
                    "line one\nline two",
                    "outbox-1@convene",
                    std::chrono::system_clock::time_point{std::chrono::seconds{1795000000}}};
    auto text = mail::compose(m);
    EXPECT_NE(text.find("Date: Wed, 18 Nov 2026 "), std::string::npos) << text;
    EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
    EXPECT_EQ(text.find("\r\nInjected:"), std::string::npos);
    EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(text.find("\r\n\r\nline one\r\nline two\r\n"), std::string::npos);
}

TEST(Markdown, IsRenderedSafely) {
    auto html = web::markdown_html(
        "**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>");
    EXPECT_NE(html.find("<strong>bold</strong>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
}

// Pages name formats and session types in words: the call's name first, then the
// standard one, then the code's own words; a bare code never reaches a reader.
TEST(Call, FormatsAndSessionTypesAreNamedNeverCoded) {
    Call call = standard_call();
    EXPECT_EQ(format_label(call, "open_discussion"), "Open discussion");
    call.formats.push_back({"fishbowl_talk", "Fishbowl", {60}});
    EXPECT_EQ(format_label(call, "fishbowl_talk"), "Fishbowl");
    EXPECT_EQ(format_label(Call{}, "birds_of_a_feather"), "Birds of a feather");
    EXPECT_EQ(format_label(Call{}, "break_out_groups"), "Break out groups");
    EXPECT_EQ(session_type_label("open_forum"), "Open forum");
    EXPECT_EQ(session_type_label("unheard_of_type"), "Unheard of type");
}
