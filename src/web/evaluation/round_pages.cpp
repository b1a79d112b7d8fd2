// The Secretariat's pages for the evaluation round: settings and members' groups, the
// assignment with its review, progress with reminders and closing, and the sheet.
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "store/evaluation/assignment.hpp"
#include "store/proposals/submissions.hpp"
#include "web/evaluation/actions.hpp"
#include "web/evaluation/handlers.hpp"
#include "web/proposals/list_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::string round_url(const store::Edition& e) {
    return "/editions/" + to_string(e.id) + "/evaluation";
}

std::string slug(const std::string& label) {
    std::string out;
    for (char ch : ascii_lower(label)) {
        bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (word)
            out += ch;
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.substr(0, 40);
}

// "Label | weight | formats it does not apply to", one criterion per line.
std::string criteria_text(const std::vector<Criterion>& criteria) {
    std::string out;
    for (const auto& c : criteria) {
        auto weight = nlohmann::json(c.weight).dump();
        std::string formats;
        for (const auto& f : c.not_for_formats) formats += (formats.empty() ? "" : ", ") + f;
        out += c.label + " | " + weight + (formats.empty() ? "" : " | " + formats) + "\n";
    }
    return out;
}

std::string lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += i + "\n";
    return out;
}

// The settings form as the JSON the API takes; criteria keep their codes by label.
nlohmann::json settings_json_of_form(const http::Form& f, const EvaluationSettings& stored) {
    nlohmann::json j = nlohmann::json::object();
    auto number = [&](const char* name) {
        auto text = trim(f.get(name));
        if (text.empty()) return;
        try {
            std::size_t used = 0;
            auto n = std::stoll(text, &used);
            j[name] = used == text.size() ? nlohmann::json(n) : nlohmann::json(text);
        } catch (const std::exception&) {
            j[name] = text;
        }
    };
    number("per_proposal");
    number("max_load");
    number("grace_minutes");
    if (f.has("scheme")) j["scheme"] = f.get("scheme");
    j["deadline"] = f.get("deadline");
    j["reasons"] = split_items(f.get("reasons"), "\n");
    nlohmann::json criteria = nlohmann::json::array();
    for (const auto& line : split_items(f.get("criteria"), "\n")) {
        auto parts = split_items(line, "|", true);
        nlohmann::json c = {{"label", trim(parts[0])}};
        std::string code = slug(parts[0]);
        for (const auto& old : stored.criteria)
            if (ascii_lower(old.label) == ascii_lower(trim(parts[0]))) code = old.code;
        c["code"] = code;
        if (parts.size() > 1 && !trim(parts[1]).empty()) {
            try {
                c["weight"] = std::stod(trim(parts[1]));
            } catch (const std::exception&) {
                c["weight"] = trim(parts[1]);
            }
        }
        if (parts.size() > 2) c["not_for_formats"] = split_items(parts[2], ",");
        criteria.push_back(c);
    }
    if (!criteria.empty()) j["criteria"] = criteria;
    return j;
}

http::Response round_page(Exchange& ex, const store::Edition& e, const http::Form* entered,
                          const FieldErrors& errors, int status) {
    auto s = store::evaluation_settings(ex.db(), e.id);
    auto value = [&](const char* name, const std::string& stored) {
        return entered ? entered->get(name) : stored;
    };
    auto scheme = entered && entered->has("scheme") ? entered->get("scheme") : s.scheme;
    nlohmann::json fields = {
        field_view("per_proposal", say("evaluation.evaluations_per_proposal_k"),
                   value("per_proposal", std::to_string(s.per_proposal)), errors, "number", true,
                   say("evaluation.at_least_3_where_possible_5")),
        field_view("max_load", say("evaluation.most_proposals_per_member"),
                   value("max_load", std::to_string(s.max_load)), errors, "number", false,
                   say("evaluation.0_enough_for_every_place_with")),
        field_view("deadline", say("evaluation.deadline_utc"), value("deadline", s.deadline),
                   errors, "text", false, say("evaluation.for_example_2027_05_20_23")),
        field_view("grace_minutes", say("evaluation.grace_period_after_the_deadline_in"),
                   value("grace_minutes", std::to_string(s.grace_minutes)), errors, "number")};
    auto criteria = field_view("criteria", say("evaluation.criteria_one_per_line"),
                               value("criteria", criteria_text(s.criteria)), errors, "textarea",
                               false, say("evaluation.label_weight_formats_it_does_not"));
    auto reasons = field_view("reasons", say("evaluation.standard_reasons_for_scores_of_3"),
                              value("reasons", lines(s.reasons)), errors, "textarea");
    nlohmann::json members = nlohmann::json::array();
    std::map<std::string, std::vector<std::string>> groups_of;
    auto instance = store::assignment_instance(ex.db(), e.id, s);
    for (const auto& m : instance.evaluators) groups_of[m.id] = m.groups;
    for (const auto& m : store::list_members(ex.db(), e.id)) {
        std::string groups;
        for (const auto& g : groups_of[to_string(m.account_id)])
            groups += (groups.empty() ? "" : ", ") + g;
        members.push_back({{"account", m.account_id},
                           {"name", m.name},
                           {"organisation", m.organisation},
                           {"stakeholder_group",
                            std::string(choice_label(stakeholder_groups(), m.stakeholder_group))},
                           {"groups", groups}});
    }
    auto assignment = stored_assignment(ex, e, instance);
    std::map<std::string, std::int64_t> number_of;
    for (const auto& p : store::sheet_proposals(ex.db(), e.id))
        number_of[to_string(p.proposal)] = p.number;
    for (auto& u : assignment["unfilled"])
        u["number"] = number_of[u["proposal"].get<std::string>()];
    auto load = assignment["review"]["members"];
    for (auto& m : load)  // the page names the group; the API keeps its code
        m["stakeholder_group_label"] = std::string(
            choice_label(stakeholder_groups(), m.value("stakeholder_group", std::string())));
    nlohmann::json histogram = nlohmann::json::array();
    for (const auto& [n, count] : assignment["review"]["evaluators_per_proposal"].items())
        histogram.push_back({{"evaluators", n}, {"proposals", count}});
    nlohmann::json view = {
        {"title", say("page.evaluation.round.title", {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"url", round_url(e)},
        {"fields", fields},
        {"criteria", criteria},
        {"reasons", reasons},
        {"holistic", scheme != "criteria"},
        {"members", members},
        {"has_members", !members.empty()},
        {"proposal_count", instance.proposals.size()},
        {"assigned", !assignment["assignments"].empty()},
        {"published", assignment["published"]},
        {"objective", assignment["objective"]},
        {"unfilled", assignment["unfilled"]},
        {"has_unfilled", !assignment["unfilled"].empty()},
        {"load", load},
        {"histogram", histogram},
        {"most_of_one_group", assignment["review"]["most_of_one_stakeholder_group_on_a_proposal"]},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    for (const auto& err : errors)
        if (err.field == "scheme") view["scheme_error"] = err.message;
    return ex.page("evaluation/evaluation_round", view, status);
}

}  // namespace

http::Response evaluation_round_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return round_page(ex, e, nullptr, {}, 200);
}

http::Response evaluation_settings_update(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& f = ex.form();
    auto stored = store::evaluation_settings(ex.db(), e.id);
    try {
        auto s = settings_in_body(settings_json_of_form(f, stored), stored);
        store::set_evaluation_settings(ex.db(), e.id, s);
        ex.audit("evaluation.settings", "edition " + to_string(e.id), to_json(s));
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        FieldErrors errors;
        for (auto fe : err.fields()) {  // criteria[2].weight -> the criteria box
            if (fe.field.rfind("criteria", 0) == 0) fe.field = "criteria";
            errors.push_back(fe);
        }
        return round_page(ex, e, &f, errors, 422);
    }
    return http::Response::redirect(round_url(e) + "?saved=settings#settings");
}

http::Response evaluation_groups_update(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& f = ex.form();
    int changed = 0;
    for (const auto& m : store::list_members(ex.db(), e.id)) {
        auto name = "groups-" + to_string(m.account_id);
        if (!f.has(name)) continue;
        auto groups = split_items(f.get(name), ",;");
        for (const auto& g : groups)
            if (g.size() > 120)
                return round_page(ex, e, nullptr,
                                  {{name, say("evaluation.group.too_long", {{"member", m.name}})}},
                                  422);
        store::set_member_groups(ex.db(), e.id, m.account_id, groups);
        ++changed;
    }
    ex.audit("evaluation.member_groups", "edition " + to_string(e.id), {{"members", changed}});
    return http::Response::redirect(round_url(e) + "#groups");
}

http::Response assignment_run(Exchange& ex) {
    auto e = managed_edition(ex);
    run_assignment(ex, e);
    return http::Response::redirect(round_url(e) + "#assignment");
}

http::Response assignment_publish(Exchange& ex) {
    auto e = managed_edition(ex);
    publish_assignment(ex, e);
    return http::Response::redirect(round_url(e) + "#assignment");
}

namespace {

http::Response progress_page_with(Exchange& ex, const store::Edition& e,
                                  const nlohmann::json& confirm_close, int status,
                                  const std::string& refused = "") {
    auto view = progress_view(ex, e);
    view["title"] = say("page.evaluation.progress.title", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["url"] = round_url(e);
    view["closed"] = view["round"]["state"] == "closed" &&
                     !view["round"]["closed_at"].get<std::string>().empty();
    view["has_short"] = !view["proposals_with_fewer_than_3"].empty();
    auto selection = select_proposals(ex, e);
    const auto short_of = view["proposals_with_fewer_than_3"];
    auto listed = list_page(selection, filtered_rows(short_of, selection), short_of.size(),
                            round_url(e) + "/progress");
    view["proposals_with_fewer_than_3"] = listed.rows;
    view["has_short_rows"] = !listed.rows.empty();
    view["filter"] = listed.view;
    view["has_conflicts"] = !view["conflicts"].empty();
    view["confirm_close"] = confirm_close;
    view["refused"] = refused;
    auto reminded = ex.request.query_param("reminded");
    if (!reminded.empty()) view["reminded"] = reminded;
    return ex.page("evaluation/evaluation_progress", view, status);
}

}  // namespace

http::Response evaluation_progress_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return progress_page_with(ex, e, false, 200);
}

http::Response evaluation_reminders(Exchange& ex) {
    auto e = managed_edition(ex);
    auto queued = send_reminders(ex, e);
    return http::Response::redirect(round_url(e) + "/progress?reminded=" + std::to_string(queued));
}

http::Response evaluation_close(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& f = ex.form();
    bool close = f.get("action") != "reopen", confirmed = f.get("confirm") == "yes";
    if (close && !confirmed) {
        // The numbers first, and a second button to close anyway.
        auto c = close_check(ex, e);
        if (c.needs_confirmation())
            return progress_page_with(ex, e,
                                      {{"before_deadline", c.before_deadline},
                                       {"deadline", time_view(c.deadline, e.time_zone)},
                                       {"submitted", c.submitted},
                                       {"assigned", c.assigned},
                                       {"missing", c.assigned - c.submitted},
                                       {"has_missing", c.submitted < c.assigned},
                                       {"short", c.short_of_three}},
                                      200);
    }
    try {
        close_round(ex, e, close, confirmed);
    } catch (const http::Error& err) {
        if (err.status() != 409) throw;
        return progress_page_with(ex, e, false, 409, err.detail());
    }
    return http::Response::redirect(round_url(e) + "/progress");
}

namespace {

// The page forgives a rank it does not know (ranked by mean, the notice names it); the
// API and the downloads answer 400.
RankBy rank_or_mean(Exchange& ex, ProposalSelection& s) {
    try {
        return rank_in_query(ex);
    } catch (const http::Error&) {
        s.filter.ignored.push_back("rank");
        return RankBy::mean;
    }
}

// The sheet with only the proposals the query's filter lets through.
nlohmann::json filtered_sheet(Exchange& ex, const store::Edition& e) {
    auto sheet = sheet_view(ex, e, rank_in_query(ex));
    sheet["proposals"] = filtered_rows(sheet["proposals"], select_proposals(ex, e));
    return sheet;
}

}  // namespace

http::Response evaluation_sheet(Exchange& ex) {
    auto e = managed_edition(ex);
    auto selection = select_proposals(ex, e);
    auto by = rank_or_mean(ex, selection);
    auto sheet = sheet_view(ex, e, by);
    std::string ranked_by = sheet["ranked_by"];
    const auto& all = sheet["proposals"];
    auto listed = list_page(selection, filtered_rows(all, selection), all.size(),
                            round_url(e) + "/sheet", {{"rank", ranked_by}});
    nlohmann::json ranks = nlohmann::json::array();
    for (const std::string code : {"mean", "median", "normalised", "standard_deviation"}) {
        auto label = say("evaluation.rank_by." + code);
        ranks.push_back({{"code", code}, {"label", label}, {"current", ranked_by == code}});
    }
    sheet["proposals"] = listed.rows;
    sheet["has_proposals"] = !listed.rows.empty();
    sheet["filter"] = listed.view;
    sheet["title"] = say("page.evaluation.sheet.title", {{"edition", e.name}});
    sheet["edition"] = edition_view(e);
    sheet["url"] = round_url(e);
    sheet["ranks"] = ranks;
    return ex.page("evaluation/evaluation_sheet", sheet);
}

http::Response evaluation_sheet_csv(Exchange& ex) {
    auto e = managed_edition(ex);
    return csv_download(sheet_table(filtered_sheet(ex, e), store::load_call(ex.db(), e.id)),
                        "evaluation-" + to_string(e.id));
}

http::Response evaluation_sheet_xlsx(Exchange& ex) {
    auto e = managed_edition(ex);
    return xlsx_download(sheet_table(filtered_sheet(ex, e), store::load_call(ex.db(), e.id)),
                         "evaluation-" + to_string(e.id), say("evaluation.evaluation"));
}

}  // namespace convene::web
