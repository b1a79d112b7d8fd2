// The Secretariat sets the edition's screening rules on a page: each rule with its
// words, a number or a box; the required fields per session type are kept as they are.
#include <string>
#include <vector>

#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"
#include "core/screening/screening.hpp"
#include "store/proposals/proposals.hpp"
#include "web/screening/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

const std::vector<std::string> count_rules = {"min_confirmed_speakers", "max_proposals_per_person",
                                              "max_proposals_per_institution",
                                              "report_lookback_editions", "min_onsite_speakers"};
const std::vector<std::string> yes_no_rules = {
    "mag_members_excluded",     "previous_report_required", "require_gender_diversity",
    "require_onsite_moderator", "require_online_moderator", "check_completeness"};

// `typed` holds what the form sent when it is shown again with errors.
http::Response rules_page(Exchange& ex, const store::Edition& e, const ScreeningRules& rules,
                          const http::Form* typed, const FieldErrors& errors, int status) {
    auto shown = to_json(rules);
    nlohmann::json counts = nlohmann::json::array(), boxes = nlohmann::json::array();
    for (const auto& name : count_rules) {
        auto value = typed ? typed->get(name) : std::to_string(shown[name].get<int>());
        counts.push_back(field_view(name, say("screening.rule." + name), value, errors, "text",
                                    false, say("screening.rule." + name + ".hint")));
    }
    for (const auto& name : yes_no_rules)
        boxes.push_back({{"name", name},
                         {"label", say("screening.rule." + name)},
                         {"checked", typed ? typed->has(name) : shown[name].get<bool>()}});
    auto confirmation = typed ? typed->get("speaker_confirmation") : rules.speaker_confirmation;
    nlohmann::json view = {{"title", say("page.screening.rules.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"counts", counts},
                           {"boxes", boxes},
                           {"declared", confirmation != "own_answer"},
                           {"own_answer", confirmation == "own_answer"},
                           {"saved", ex.request.query_param("saved") == "1"},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()}};
    return ex.page("screening/rules", view, status);
}

}  // namespace

http::Response screening_rules_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return rules_page(ex, e, store::screening_rules(ex.db(), e.id), nullptr, {}, 200);
}

http::Response screening_rules_save(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    auto stored = store::screening_rules(ex.db(), e.id);
    auto wanted = to_json(stored);
    FieldErrors errors;
    for (const auto& name : count_rules) {
        const auto& typed = form.get(name);
        bool whole = !typed.empty() && typed.size() <= 4 &&
                     typed.find_first_not_of("0123456789") == std::string::npos;
        if (!whole)
            errors.push_back({name, say("screening.rule.whole_number",
                                        {{"label", say("screening.rule." + name)}})});
        else
            wanted[name] = std::stoi(typed);
    }
    for (const auto& name : yes_no_rules) wanted[name] = form.has(name);
    wanted["speaker_confirmation"] =
        form.get("speaker_confirmation") == "own_answer" ? "own_answer" : "declared";
    if (!errors.empty()) return rules_page(ex, e, stored, &form, errors, 422);
    auto rules = screening_rules_from_json(wanted);
    store::set_screening_rules(ex.db(), e.id, rules);
    ex.audit("screening.rules", "edition " + to_string(e.id), to_json(rules));
    return http::Response::redirect(edition_url(e, "/screening/rules?saved=1"));
}

}  // namespace convene::web
