#pragma once
// The proposal form in HTML: reading a posted form into a proposal, and the view that
// shows a proposal in the form again (every value kept, each error next to its field).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/call/call.hpp"
#include "core/common/field_error.hpp"
#include "core/proposals/proposal.hpp"
#include "http/form.hpp"

namespace convene::web {

// People sections of the form, in order: organisers, speakers, moderators, ...
struct PeopleSection {
    const char* field;  // "speakers"
    int rows;           // rows shown on a blank form
    // Words from the catalog: "proposals.role.<field>" ("Speaker") and
    // "proposals.role.<field>.legend" ("Speakers").
    std::string label() const;
    std::string legend() const;
};
const std::vector<PeopleSection>& people_sections();

Proposal proposal_from_form(const http::Form& form);
// How many rows each people section shows: the posted count, one more where the
// proposer asked for another row (action "add-speakers"), never fewer than filled.
std::map<std::string, int> form_rows(const http::Form* form, const Proposal& p);

// "speakers[2].email" (the JSON member) -> "speakers-2-email" (the form field).
std::string form_field(const std::string& member);
FieldErrors as_form_errors(const FieldErrors& errors);

struct FormContext {
    const Call& call;
    std::vector<std::string> themes;
};
nlohmann::json proposal_form_view(const Proposal& p, const FormContext& context,
                                  const FieldErrors& form_errors,
                                  const std::map<std::string, int>& rows);

// The proposal to read: long fields as safe HTML from Markdown, people with labels.
nlohmann::json proposal_read_view(const Proposal& p);

}  // namespace convene::web
