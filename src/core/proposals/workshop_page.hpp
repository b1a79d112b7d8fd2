#pragma once
// Reads the text of a workshop page as the forum published it (title line
// "(No.85) Title", then "Workshop Theme:", "Organiser(s) Name:", "Submitted Workshop
// Panelists:", the gender report card and the report). Pages vary by year, lack
// parts or arrive truncated: whatever cannot be read is listed in `unread`, and
// nothing is invented.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/proposals/proposal.hpp"

namespace convene {

struct PageSpeaker {
    ProposalPerson person;
    std::string role = "speaker";  // speaker or moderator
};

struct WorkshopReport {
    std::string women_present;  // none, a_few, about_a_third, about_half, more_than_half, or ""
    std::string women_present_text;
    std::string gender_discussed;  // not_raised, mentioned, main_topic, or ""
    std::string gender_discussed_text;
    std::string reported_by;
    std::string summary;
    std::string conclusions;
};

struct WorkshopPage {
    int number = 0;
    std::string title, theme, theme_question, description;
    std::vector<ProposalPerson> organisers;
    std::vector<PageSpeaker> speakers;
    std::vector<ProposalPerson> online_moderators;
    std::optional<WorkshopReport> report;
    std::vector<std::string> unread;
};

WorkshopPage parse_workshop_page(std::string_view text);
nlohmann::json to_json(const WorkshopPage& page);

// "[Confirmed, Government, WEOG]" details of a person, one token at a time; false when
// the token means nothing known.
bool apply_person_detail(ProposalPerson& person, std::string_view token);

}  // namespace convene
