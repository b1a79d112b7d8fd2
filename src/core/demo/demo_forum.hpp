#pragma once
// A realistic demo forum generated from a seed: the same seed gives the same forum
// on every machine (std::mt19937_64's sequence is fixed by the standard, and no
// std distribution, whose output varies between libraries, is used).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/editions/edition.hpp"
#include "core/people/people.hpp"

namespace convene {

struct DemoSize {
    int days = 3;
    int rooms = 11;
    int themes = 8;
    int mag_members = 50;
    int proposals = 300;
};

struct DemoOrganisation {
    std::string name;
    std::string country;
    std::string stakeholder_group;
};

struct DemoPerson {
    PersonDraft details;
    int organisation = -1;  // index into organisations
};

struct DemoRole {
    int person = -1;           // index into people
    std::string role;          // organiser, speaker, moderator, online_moderator, rapporteur
    std::string confirmation;  // proposed, invited, provisionally_confirmed, confirmed
    bool onsite = true;
};

struct DemoProposal {
    int number = 0;
    std::string session_type = "workshop";
    std::string title;
    int theme = 0;  // index into themes
    std::string format;
    int duration = 90;
    std::string description;
    std::vector<std::string> policy_questions;
    std::string expected_outcomes, online_participation;
    std::vector<DemoRole> people;
};

// A participant's rating of a past session ("How useful was this session?").
struct DemoRating {
    int rating = 3;  // 1-5
    std::string comment, stakeholder_group;
};

// How a past session's reports went, what they say, and how participants rated it.
struct DemoPastSession {
    // "on_time": both reports filed in time; "full_late": the full report came after its
    // deadline; "full_missing": the short report only; "none": nothing was filed.
    std::string outcome = "on_time";
    bool short_late = false;
    int short_after_hours = 3;   // filed this long after the session's end
    int full_after_hours = 216;  // the full report (late: after the 14 days)
    bool draft_first = false;    // a draft of the full report was saved two days earlier
    std::vector<std::string> key_messages;
    std::map<std::string, std::string> fields;  // the 2015 template's fields, Markdown
    std::string speakers;                       // one per line
    std::string women_present, gender_discussed;
    std::vector<DemoRating> ratings;
};

struct DemoForum {
    EditionDraft edition;
    std::vector<ThemeDraft> themes;
    std::vector<RoomDraft> rooms;
    std::vector<DemoOrganisation> organisations;
    std::vector<DemoPerson> people;
    std::vector<int> mag_members;  // indexes into people; each gets an evaluator account
    std::vector<DemoProposal> proposals;
    // A second edition's proposals, by the same people, whose evaluation round is over:
    // the synthesis, selection and decisions can be tried at once.
    EditionDraft evaluated_edition;
    std::vector<DemoProposal> evaluated_proposals;
    // A national IGF whose call has closed and whose MAG is evaluating now: the demo's
    // MAG member (the first of `mag_members`) has a list of proposals to evaluate.
    EditionDraft evaluating_edition;
    std::vector<DemoProposal> evaluating_proposals;
    int evaluating_members = 0;  // the first this many of `mag_members` sit on its MAG
    // A regional IGF whose proposals are decided and whose timetable is published: the
    // public programme, the feeds and changes that need the organisers' consent.
    EditionDraft programme_edition;
    std::vector<DemoProposal> programme_proposals;
    // Last year's edition of the regional IGF, held: its sessions took place, with their
    // reports (most on time, a few late or missing), ratings and the messages of the year,
    // published on `past_messages_at` (UTC). The organisers of the late and missing reports
    // propose nothing this year, but one: the first organiser of `declined_proposal` (an
    // index into `proposals`, -1 when none) has a missing full report, so screening
    // declines that proposal.
    EditionDraft past_edition;
    std::vector<DemoProposal> past_proposals;
    std::vector<DemoPastSession> past_sessions;  // one per past proposal
    std::string past_messages_at;
    int declined_proposal = -1;
    std::uint64_t seed = 0;
};

DemoForum generate_demo_forum(std::uint64_t seed, const DemoSize& size = {});

// A MAG member's evaluation in the demo's finished round: each proposal has a quality,
// each member a severity; a few proposals divide the MAG (scores of 1-2 and 5); scores of
// 3 or less carry one of `reasons`; some evaluators mark a proposal of the same theme as
// "should merge with" (by number).
struct DemoEvaluation {
    int score = 3;
    std::string reason, comment;
    std::optional<int> merge_with;
};
// One per (proposal index, member index) pair, in order; `themes` gives each proposal's
// theme index, `numbers` its number.
std::vector<DemoEvaluation> demo_evaluations(std::uint64_t seed,
                                             const std::vector<std::pair<int, int>>& pairs,
                                             const std::vector<int>& themes,
                                             const std::vector<int>& numbers, int members,
                                             const std::vector<std::string>& reasons);

}  // namespace convene
