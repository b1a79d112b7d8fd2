#pragma once
// A realistic demo forum generated from a seed: the same seed gives the same forum
// on every machine (std::mt19937_64's sequence is fixed by the standard, and no
// std distribution, whose output varies between libraries, is used).
#include <cstdint>
#include <string>
#include <vector>

#include "core/edition.hpp"
#include "core/people.hpp"

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

struct DemoForum {
    EditionDraft edition;
    std::vector<ThemeDraft> themes;
    std::vector<RoomDraft> rooms;
    std::vector<DemoOrganisation> organisations;
    std::vector<DemoPerson> people;
    std::vector<int> mag_members;  // indexes into people; each gets an evaluator account
    std::vector<DemoProposal> proposals;
};

DemoForum generate_demo_forum(std::uint64_t seed, const DemoSize& size = {});

}  // namespace convene
