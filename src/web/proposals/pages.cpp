// Pages of proposers: their proposals, the proposal form (start, save, submit), the
// proposal with its speakers' answers, its revisions and their comparison.
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/times.hpp"
#include "core/policy/policy.hpp"
#include "core/proposals/proposal_form.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/proposals/proposals.hpp"
#include "web/proposals/actions.hpp"
#include "web/proposals/form.hpp"
#include "web/proposals/handlers.hpp"
#include "web/site/exchange.hpp"
#include "web/site/kept.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

struct FormPage {
    std::string heading, action;
    std::int64_t version = 0;
    std::string creation_key;
    std::string notice;
    nlohmann::json conflict;  // null or {version, changes: [...]}
    bool warnings = false;    // the errors are a saved draft's warnings, not a refusal
};

// "2027-06-15T14:03:09Z" -> "16:03 (Oslo time) · 14:03 UTC": a save's time of today.
std::string clock_time(const std::string& utc, const std::string& zone) {
    return stored_time(utc, zone).short_text;
}

std::string counted(const char* key, std::size_t count, MessageParams values = {}) {
    values.emplace_back("count", count);
    return say(count == 1 ? std::string(key) + "_one" : std::string(key), values);
}

std::vector<std::string> theme_names(Exchange& ex, EditionId edition) {
    std::vector<std::string> out;
    for (const auto& t : store::list_themes(ex.db(), edition)) out.push_back(t.name);
    return out;
}

http::Response form_page(Exchange& ex, const store::Edition& edition, const Call& call,
                         const Proposal& draft, const FieldErrors& errors,
                         const std::map<std::string, int>& rows, const FormPage& page, int status) {
    auto form_errors = as_form_errors(errors);
    auto view = proposal_form_view(draft, {call, theme_names(ex, edition.id)}, form_errors, rows);
    view["title"] = say("page.title", {{"heading", page.heading}});
    view["heading"] = page.heading;
    view["edition"] = edition.name;
    view["edition_id"] = edition.id;
    view["action"] = page.action;
    view["version"] = page.version;
    view["creation_key"] = page.creation_key;
    view["call_sentence"] =
        call_state_sentence(call, call_state(call, ex.now()), edition.time_zone);
    view["closes_at"] = call.closes_at;
    view["venue_zone"] = edition.time_zone;
    view["notice"] = page.notice;
    view["errors"] = error_summary(form_errors);
    view["has_errors"] = !form_errors.empty() && !page.warnings;
    view["has_warnings"] = !form_errors.empty() && page.warnings;
    view["warning_count"] =
        page.warnings ? counted("proposals.saved.warnings", form_errors.size()) : "";
    view["conflict"] = page.conflict;
    return ex.page("proposals/proposal_form", view, status);
}

std::string proposal_path(ProposalId id) {
    return "/proposals/" + to_string(id);
}

std::string not_submitted(const SaveOutcome& outcome, const std::string& zone) {
    return counted("proposals.not_submitted", outcome.submission_errors.size(),
                   {{"version", outcome.version}, {"time", clock_time(outcome.saved_at, zone)}});
}

// After a save, the page to show (a GET, so reloading it saves nothing twice): a draft
// with format problems opens in the form again, its warnings beside their fields.
http::Response after_save(const SaveOutcome& outcome, Intent intent) {
    if (intent == Intent::save && !outcome.submitted && !outcome.warnings.empty())
        return http::Response::redirect(proposal_path(outcome.proposal) + "/edit?saved=1");
    return http::Response::redirect(
        proposal_path(outcome.proposal) +
        (intent == Intent::submit && outcome.submitted ? "?submitted=1" : "?saved=1"));
}

// The version the form was opened at; -1 when it is not a number.
std::int64_t version_in(const http::Form& form) {
    const auto& posted = form.get("version");
    return posted.empty() || posted.size() > 12 ||
                   posted.find_first_not_of("0123456789") != std::string::npos
               ? -1
               : std::stoll(posted);
}

Intent intent_of(const http::Form& form) {
    return form.get("action") == "submit" ? Intent::submit : Intent::save;
}

// Buttons that show the form again, changed, without saving: another row of people,
// or the form of another session type.
bool adds_row(const http::Form& form) {
    return form.get("action").rfind("add-", 0) == 0 || form.get("action") == "change-type";
}

}  // namespace

http::Response my_proposals(Exchange& ex) {
    const auto& account = ex.require_sign_in();
    nlohmann::json view = {{"title", say("page.proposals.my_proposals.title")},
                           {"proposals", nlohmann::json::array()},
                           {"calls", nlohmann::json::array()}};
    for (const auto& p : store::proposals_of(ex.db(), account.id))
        view["proposals"].push_back(
            {{"id", p.id},
             {"number", p.number},
             {"edition", p.edition_name},
             {"title", p.title.empty() ? say("proposals.no_title_yet") : p.title},
             {"status", code_label("proposal_status.", p.status)},
             {"updated_at", time_view(p.updated_at)},
             {"role",
              p.role == "proposer" ? say("proposals.proposer") : say("proposals.co_organiser")}});
    for (const auto& e : store::list_editions(ex.db())) {
        auto call = store::load_call(ex.db(), e.id);
        if (call_state(call, ex.now()) == CallState::open)
            view["calls"].push_back({{"edition_id", e.id},
                                     {"name", e.name},
                                     {"closes_at", time_view(call.closes_at, e.time_zone)}});
    }
    view["has_proposals"] = !view["proposals"].empty();
    view["has_calls"] = !view["calls"].empty();
    view["just_verified"] = ex.request.query_param("verified") == "1";
    return ex.page("proposals/proposals", view);
}

http::Response proposal_new_form(Exchange& ex) {
    auto edition = edition_in_path(ex);
    ex.require_sign_in();
    auto call = store::load_call(ex.db(), edition.id);
    require_open_call(ex, call, edition.time_zone);
    Proposal blank;
    auto type = ex.request.query_param("type");
    if (offers_session_type(call, type)) blank.session_type = type;
    FormPage page{say("proposals.new_session_proposal"),
                  "/editions/" + to_string(edition.id) + "/proposals",
                  0,
                  random_token(),
                  "",
                  nullptr};
    // Sent after the sign-in expired: the form as it was sent, its key with it.
    if (auto kept = kept_form(ex, page.action)) {
        auto draft = proposal_from_form(*kept);
        if (kept->get("creation_key").size() == 64) page.creation_key = kept->get("creation_key");
        page.notice = say("site.kept.restored");
        return form_page(ex, edition, call, draft, {}, form_rows(&*kept, draft), page, 200);
    }
    return form_page(ex, edition, call, blank, {}, form_rows(nullptr, blank), page, 200);
}

http::Response proposal_create(Exchange& ex) {
    auto edition = edition_in_path(ex);
    ex.require_sign_in();
    const auto& form = ex.form();
    auto draft = proposal_from_form(form);
    auto call = store::load_call(ex.db(), edition.id);
    FormPage page{say("proposals.new_session_proposal"),
                  "/editions/" + to_string(edition.id) + "/proposals",
                  0,
                  form.get("creation_key"),
                  "",
                  nullptr};
    if (page.creation_key.size() != 64) page.creation_key = random_token();
    if (adds_row(form))
        return form_page(ex, edition, call, draft, {}, form_rows(&form, draft), page, 200);
    try {
        auto outcome = start_proposal(ex, edition, draft, page.creation_key, intent_of(form));
        if (!outcome.submission_errors.empty()) {
            ex.keep_writes_on_error();
            page.action = proposal_path(outcome.proposal);
            page.version = outcome.version;
            page.heading = say("proposals.edit_proposal");
            page.notice = not_submitted(outcome, edition.time_zone);
            return form_page(ex, edition, call, draft, outcome.submission_errors,
                             form_rows(&form, draft), page, 422);
        }
        return after_save(outcome, intent_of(form));
    } catch (const http::Error& e) {
        if (e.status() != 422 && e.status() != 409) throw;
        page.notice = e.status() == 409
                          ? say("proposals.conflict.not_saved", {{"detail", e.detail()}})
                          : say("proposals.not_saved", {{"count", e.fields().size()}});
        return form_page(ex, edition, call, draft, e.fields(), form_rows(&form, draft), page,
                         e.status());
    }
}

http::Response proposal_edit_form(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    auto state = call_state(target.call, ex.now());
    if (!target.editor || state != CallState::open)
        return http::Response::redirect(proposal_path(target.record.id));
    if (target.record.status == "withdrawn")
        return http::Response::redirect(proposal_path(target.record.id));
    auto p = proposal_as_saved(ex, target.record);
    FormPage page{say("proposals.heading.edit", {{"number", target.record.number}}),
                  proposal_path(target.record.id),
                  target.record.version,
                  "",
                  "",
                  nullptr,
                  true};
    // A draft's format problems stay beside their fields until they are fixed.
    FieldErrors warnings;
    if (target.record.status == "draft")
        warnings = check_proposal_draft(p, checks_for(ex, target.edition, target.call));
    if (auto kept = kept_form(ex, page.action)) {
        auto typed = proposal_from_form(*kept);
        page.version = version_in(*kept);
        page.notice = say("site.kept.restored");
        return form_page(ex, target.edition, target.call, typed, {}, form_rows(&*kept, typed), page,
                         200);
    }
    if (ex.request.query_param("saved") == "1")
        page.notice = say("proposals.saved.draft_at",
                          {{"time", clock_time(target.record.updated_at, target.edition.time_zone)},
                           {"version", target.record.version}});
    return form_page(ex, target.edition, target.call, p, warnings, form_rows(nullptr, p), page,
                     200);
}

http::Response proposal_update(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    const auto& form = ex.form();
    auto draft = proposal_from_form(form);
    auto version = version_in(form);
    FormPage page{say("proposals.heading.edit", {{"number", target.record.number}}),
                  proposal_path(target.record.id),
                  version,
                  "",
                  "",
                  nullptr};
    auto rows = form_rows(&form, draft);
    if (adds_row(form))
        return form_page(ex, target.edition, target.call, draft, {}, rows, page, 200);
    try {
        auto outcome = save_proposal(ex, target, draft, version, intent_of(form));
        if (!outcome.submission_errors.empty()) {
            ex.keep_writes_on_error();
            page.version = outcome.version;
            page.notice = not_submitted(outcome, target.edition.time_zone);
            return form_page(ex, target.edition, target.call, draft, outcome.submission_errors,
                             rows, page, 422);
        }
        return after_save(outcome, intent_of(form));
    } catch (const EditConflict& conflict) {
        // Nothing is overwritten: the form keeps the user's values, now over the latest
        // version, and the page shows what the other person saved.
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& c : compare_proposals(conflict.current, draft))
            changes.push_back({{"label", c.label}, {"theirs", c.before}, {"yours", c.after}});
        page.version = conflict.current_version;
        page.conflict = {{"version", conflict.current_version}, {"changes", changes}};
        page.notice = say("proposals.someone_else_saved_this_proposal_while");
        return form_page(ex, target.edition, target.call, draft, {}, rows, page, 409);
    } catch (const http::Error& e) {
        if (e.status() != 422 && e.status() != 409) throw;
        page.notice = e.status() == 409
                          ? say("proposals.conflict.kept_in_form", {{"detail", e.detail()}})
                      : target.record.status == "submitted"
                          ? say("proposals.not_saved_submitted", {{"count", e.fields().size()}})
                          : say("proposals.not_saved", {{"count", e.fields().size()}});
        return form_page(ex, target.edition, target.call, draft, e.fields(), rows, page,
                         e.status());
    }
}

http::Response proposal_show(Exchange& ex) {
    return proposal_page(ex, "", {}, 200);
}

http::Response proposal_page(Exchange& ex, const std::string& invite_email,
                             const FieldErrors& invite_errors, int status) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    auto p = proposal_as_saved(ex, target.record);
    auto view = proposal_read_view(p);
    auto state = call_state(target.call, ex.now());
    view["heading"] = p.title.empty()
                          ? say("proposals.heading.numbered", {{"number", target.record.number}})
                          : p.title;
    view["title"] = say("page.title", {{"heading", view["heading"].get<std::string>()}});
    view["id"] = target.record.id;
    view["number"] = target.record.number;
    view["edition"] = target.edition.name;
    view["status"] = code_label("proposal_status.", target.record.status);
    view["is_draft"] = target.record.status == "draft";
    view["is_withdrawn"] = target.record.status == "withdrawn";
    view["saved_at"] =
        say(target.record.status == "draft" ? "proposals.saved.draft_at" : "proposals.saved.at",
            {{"time", clock_time(target.record.updated_at, target.edition.time_zone)},
             {"version", target.record.version}});
    view["version"] = target.record.version;
    view["updated_at"] = time_view(target.record.updated_at, target.edition.time_zone);
    view["can_edit"] =
        target.editor && state == CallState::open && target.record.status != "withdrawn";
    bool organiser =
        target.record.status != "withdrawn" &&
        policy::may_withdraw_proposal(ex.actor(), {target.record.edition_id, target.editor});
    bool decided = organiser && decision_recorded(ex, target.record.id);
    view["can_withdraw"] = organiser && !decided;
    view["withdraw_after_decision"] = decided;
    for (const auto& e : invite_errors)
        if (e.field == "confirm") view["confirm_error"] = e.message;
    view["just_withdrawn"] = ex.request.query_param("withdrawn") == "1";
    view["call_sentence"] = call_state_sentence(target.call, state, target.edition.time_zone);
    view["closes_at"] = target.call.closes_at;
    view["venue_zone"] = target.edition.time_zone;
    view["read_only"] = state == CallState::closed;
    view["just_submitted"] = ex.request.query_param("submitted") == "1";
    view["just_saved"] = ex.request.query_param("saved") == "1";
    view["editors"] = nlohmann::json::array();
    for (const auto& e : store::list_editors(ex.db(), target.record.id))
        view["editors"].push_back(
            {{"name", e.name}, {"role", e.role == "proposer" ? "proposer" : "co-organiser"}});
    view["can_invite"] = target.editor && target.record.status != "withdrawn";
    // A refused invitation comes back here, the address as typed beside its error.
    view["invite_field"] = field_view("email", say("proposals.invite.label"), invite_email,
                                      invite_errors, "email", false, say("proposals.invite.hint"));
    view["errors"] = error_summary(invite_errors);
    view["has_errors"] = !invite_errors.empty();
    view["live_topic"] = "proposal-" + to_string(target.record.id);
    return ex.page("proposals/proposal", view, status);
}

http::Response proposal_withdraw(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    // A refusal comes back to the same page, its reason beside the checkbox.
    if (ex.form().get("confirm") != "yes")
        return proposal_page(ex, "", {{"confirm", say("proposals.withdrawn.confirm_required")}},
                             422);
    try {
        withdraw(ex, target);
    } catch (const http::Error& e) {
        if (e.fields().empty()) throw;
        return proposal_page(ex, "", e.fields(), e.status());
    }
    return http::Response::redirect(proposal_path(target.record.id) + "?withdrawn=1");
}

http::Response proposal_revisions(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    nlohmann::json view = {{"title", say("page.proposals.revisions.title")},
                           {"id", target.record.id},
                           {"number", target.record.number},
                           {"revisions", nlohmann::json::array()}};
    auto revisions = store::list_revisions(ex.db(), target.record.id);
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        const auto& r = revisions[i];
        view["revisions"].push_back({{"version", r.version},
                                     {"saved_at", time_view(r.saved_at, target.edition.time_zone)},
                                     {"saved_by", r.saved_by},
                                     {"action", code_label("revision_action.", r.action)},
                                     {"is_from", i == 1},
                                     {"is_to", i == 0}});
    }
    view["can_compare"] = revisions.size() > 1;
    return ex.page("proposals/revisions", view);
}

http::Response proposal_compare(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    auto number = [&](const char* name) -> std::int64_t {
        auto v = ex.request.query_param(name);
        if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
            throw http::bad_request(say("proposals.choose_two_versions_to_compare"),
                                    {{name, say("proposals.choose_a_version")}});
        return std::stoll(v);
    };
    auto from = number("from"), to = number("to");
    auto before = store::revision_content(ex.db(), target.record.id, from);
    auto after = store::revision_content(ex.db(), target.record.id, to);
    if (!before || !after)
        throw http::not_found(say("proposals.this_proposal_has_no_such_version"));
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : compare_proposals(*before, *after))
        changes.push_back({{"label", c.label}, {"before", c.before}, {"after", c.after}});
    nlohmann::json view = {{"title", say("page.proposals.compare_versions.title")},
                           {"id", target.record.id},
                           {"number", target.record.number},
                           {"from", from},
                           {"to", to},
                           {"changes", changes},
                           {"has_changes", !changes.empty()}};
    if (http::wants_json(ex.request)) return http::Response::json(view);
    return ex.page("proposals/compare", view);
}

}  // namespace convene::web
