// The pages of the decisions: the list with the speaker rule, one decision's form
// (versioned), and the standard message texts.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/decisions/actions.hpp"
#include "web/decisions/handlers.hpp"
#include "web/decisions/message_actions.hpp"
#include "web/evaluation/review_context.hpp"
#include "web/proposals/list_actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/synthesis/actions.hpp"

namespace convene::web {

namespace {

std::string decisions_url(const store::Edition& e) {
    return "/editions/" + to_string(e.id) + "/decisions";
}

std::int64_t whole(const std::string& typed) {
    try {
        return std::stoll(trim(typed));
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

http::Response decisions_page(Exchange& ex) {
    auto e = managed_edition(ex);
    auto view = decisions_view(ex, e);
    view["title"] = say("page.decisions.title", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["url"] = decisions_url(e);
    view["edition_url"] = "/editions/" + to_string(e.id);
    view["has_due"] = !view["conditional_due"].empty();
    view["has_overloads"] = !view["speaker_rule"].empty();
    view["published"] = !view["results_published_at"].get<std::string>().empty();
    view["published_time"] =
        time_view(view["results_published_at"].get<std::string>(), e.time_zone);
    bool any = false;
    for (const auto& k : view["summary"]) any = any || k["count"].get<int>() > 0;
    view["has_decisions"] = any;
    view["publish_refused"] = say("results.publish.no_decisions");
    for (const char* key : {"recorded", "queued", "already_sent", "replaced"}) {
        auto v = ex.request.query_param(key);
        // "0 replaced" says nothing worth reading.
        if (!v.empty() && !(v == "0" && std::string(key) == "replaced"))
            view[std::string("notice_") + key] = v;
    }
    view["has_notice"] = !ex.request.query_param("queued").empty();
    auto selection = select_proposals(ex, e);
    const auto all = view["proposals"];
    auto listed = list_page(selection, filtered_rows(all, selection), all.size(), decisions_url(e));
    view["proposals"] = listed.rows;
    view["has_proposals"] = !listed.rows.empty();
    view["filter"] = listed.view;
    return ex.page("decisions/decisions", view);
}

http::Response decisions_from_selection_post(Exchange& ex) {
    auto e = managed_edition(ex);
    auto n = decide_from_selection(ex, e);
    return http::Response::redirect(decisions_url(e) + "?recorded=" + std::to_string(n));
}

namespace {

// The confirm step of a send: the number of mails and a sample of each kind; 409 or 422
// with the reason nothing was sent.
http::Response messages_page_with(Exchange& ex, const store::Edition& e, int status,
                                  const std::string& conflict = "") {
    nlohmann::json view = {{"title", say("page.decisions.messages.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"url", decisions_url(e)},
                           {"preview", preview_json(plan_decision_messages(ex, e))},
                           {"conflict", conflict},
                           {"has_conflict", !conflict.empty()}};
    return ex.page("decisions/messages", view, status);
}

}  // namespace

http::Response decision_messages_page(Exchange& ex) {
    auto e = managed_edition(ex);
    return messages_page_with(ex, e, 200);
}

http::Response decision_messages_post(Exchange& ex) {
    auto e = managed_edition(ex);
    auto typed = trim(ex.form().get("expected"));
    if (typed.empty() || typed.find_first_not_of("0123456789") != std::string::npos ||
        typed.size() > 9)
        return messages_page_with(ex, e, 422, say("decisions.messages.expected_missing"));
    SentMessages sent;
    try {
        sent = send_decision_messages(ex, e, std::stoll(typed));
    } catch (const http::Error& err) {
        if (err.status() != 409) throw;
        return messages_page_with(ex, e, 409, err.detail());
    }
    return http::Response::redirect(decisions_url(e) + "?queued=" + std::to_string(sent.queued) +
                                    "&already_sent=" + std::to_string(sent.already_sent) +
                                    "&replaced=" + std::to_string(sent.replaced));
}

namespace {

http::Response decision_page_with(Exchange& ex, const DecisionTarget& t, const Decision& d,
                                  std::int64_t version, const FieldErrors& errors, int status,
                                  const std::string& conflict = "") {
    const auto& e = t.edition;
    store::SheetProposal about;
    for (auto& p : store::sheet_proposals(ex.db(), e.id))
        if (p.proposal == t.proposal) about = p;
    std::vector<std::pair<std::string, std::string>> themes;
    for (const auto& th : store::list_themes(ex.db(), e.id)) themes.emplace_back(th.name, th.name);
    nlohmann::json kinds = nlohmann::json::array();
    for (const auto& k : decision_kinds())
        kinds.push_back({{"code", k.code}, {"label", k.label}, {"checked", d.kind == k.code}});
    nlohmann::json conditions = nlohmann::json::array();
    for (const auto& c : decision_conditions())
        conditions.push_back({{"code", c.code},
                              {"label", c.label},
                              {"checked", std::find(d.conditions.begin(), d.conditions.end(),
                                                    c.code) != d.conditions.end()}});
    auto theme_field =
        field_view("new_theme", say("decisions.new_theme"), d.new_theme, errors, "select");
    themes.insert(themes.begin(), {"", say("decisions.no_move")});
    theme_field["options"] = options_view(themes, d.new_theme);
    nlohmann::json view = {
        {"title", say("page.decisions.decision.title", {{"number", about.number}})},
        {"edition", edition_view(e)},
        {"url", decisions_url(e)},
        {"action", decisions_url(e) + "/" + to_string(t.proposal)},
        {"proposal", {{"number", about.number}, {"title", about.title}, {"theme", about.theme}}},
        {"version", version},
        {"context", review_context(ex, e, t.proposal)},
        {"kinds", kinds},
        {"conditions", conditions},
        {"reason",
         field_view("reason", say("decisions.reason"), d.reason, errors, "textarea", true)},
        {"merge_with", field_view("merge_with", say("decisions.merge_with"),
                                  d.merge_with ? std::to_string(*d.merge_with) : "", errors)},
        {"condition_note", field_view("condition_note", say("decisions.condition_note"),
                                      d.condition_note, errors, "textarea")},
        {"due_date", field_view("due_date", say("decisions.due_date"), d.due_date, errors, "date",
                                false, say("decisions.due_date_hint"))},
        {"new_theme", theme_field},
        {"is_conditional", t.stored.version && t.stored.decision.kind == "conditional" &&
                               t.stored.decision.outcome.empty()},
        {"stored_due", t.stored.decision.due_date},
        {"stored_version", t.stored.version},
        {"conflict", conflict},
        {"has_conflict", !conflict.empty()},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    for (const auto& err : errors) {
        if (err.field == "kind") view["kind_error"] = err.message;
        if (err.field == "conditions") view["conditions_error"] = err.message;
    }
    return ex.page("decisions/decision", view, status);
}

Decision decision_of_form(const http::Form& f, FieldErrors& errors) {
    nlohmann::json j = {{"kind", f.get("kind")},
                        {"reason", f.get("reason")},
                        {"conditions", f.all("conditions")},
                        {"merge_with", f.get("merge_with")},
                        {"condition_note", f.get("condition_note")},
                        {"due_date", f.get("due_date")},
                        {"new_theme", f.get("new_theme")}};
    return decision_from_json(j, errors);
}

}  // namespace

http::Response decision_form(Exchange& ex) {
    auto t = decision_target(ex, ex.params.id<ProposalId>("proposal"));
    return decision_page_with(ex, t, t.stored.decision, t.stored.version, {}, 200);
}

http::Response decision_save(Exchange& ex) {
    auto t = decision_target(ex, ex.params.id<ProposalId>("proposal"));
    const auto& f = ex.form();
    FieldErrors errors;
    auto d = decision_of_form(f, errors);
    auto version = whole(f.get("version"));
    if (d.kind != "moved") d.new_theme.clear();
    try {
        throw_if_invalid(errors);
        record_decision(ex, t, d, version);
    } catch (const http::Error& err) {
        if (err.status() == 409)
            return decision_page_with(ex, t, d, version, {}, 409, err.detail());
        if (err.status() != 422) throw;
        return decision_page_with(ex, t, d, version, err.fields(), 422);
    }
    return http::Response::redirect(decisions_url(t.edition) + "#proposal-" +
                                    to_string(t.proposal));
}

http::Response decision_confirm_post(Exchange& ex) {
    auto t = decision_target(ex, ex.params.id<ProposalId>("proposal"));
    const auto& f = ex.form();
    confirm_decision(ex, t, f.get("outcome"), whole(f.get("version")));
    return http::Response::redirect(decisions_url(t.edition));
}

namespace {

http::Response texts_page_with(Exchange& ex, const store::Edition& e,
                               const std::map<std::string, std::string>& texts,
                               const FieldErrors& errors, int status) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& k : decision_kinds()) {
        auto name = "texts." + k.code;
        auto it = texts.find(k.code);
        auto field = field_view(name, k.label, it == texts.end() ? "" : it->second, errors,
                                "textarea", true);
        fields.push_back(field);
    }
    std::string placeholders;
    for (const auto& p : decision_placeholders())
        placeholders += (placeholders.empty() ? "{{" : ", {{") + p + "}}";
    nlohmann::json view = {{"title", say("page.decisions.texts.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"url", decisions_url(e)},
                           {"fields", fields},
                           {"placeholders", placeholders},
                           {"saved", ex.request.query_param("saved") == "1"},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()}};
    return ex.page("decisions/decision_texts", view, status);
}

}  // namespace

http::Response decision_texts_form(Exchange& ex) {
    auto e = managed_edition(ex);
    return texts_page_with(ex, e, store::synthesis_settings(ex.db(), e.id).texts, {}, 200);
}

http::Response decision_texts_update(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& f = ex.form();
    nlohmann::json texts = nlohmann::json::object();
    std::map<std::string, std::string> entered;
    for (const auto& k : decision_kinds()) {
        auto text = f.get("texts." + k.code);
        // Browsers send CRLF line ends; mails are written with LF.
        std::string lf;
        for (char ch : text)
            if (ch != '\r') lf += ch;
        texts[k.code] = lf;
        entered[k.code] = lf;
    }
    try {
        auto s = synthesis_settings_in_body(ex, e, {{"texts", texts}});
        store::set_synthesis_settings(ex.db(), e.id, s);
        ex.audit("decision.texts", "edition " + to_string(e.id), texts);
    } catch (const http::Error& err) {
        if (err.status() != 422) throw;
        return texts_page_with(ex, e, entered, err.fields(), 422);
    }
    return http::Response::redirect(decisions_url(e) + "/texts?saved=1");
}

}  // namespace convene::web
