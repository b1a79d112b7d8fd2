// The proposal API: the same actions as the form, on the proposal's JSON shape.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/proposals/proposals.hpp"
#include "web/proposals/actions.hpp"
#include "web/proposals/handlers.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

Proposal proposal_in_body(const nlohmann::json& body) {
    if (!body.is_object())
        throw http::unprocessable({{"proposal", say("proposals.send_the_proposal_as_a_json")}});
    auto copy = body;
    copy["id"] = "new";
    for (const char* extra : {"version", "submit", "creation_key", "status", "number"})
        copy.erase(extra);
    try {
        auto p = proposal_from_json(copy);
        // The speakers' own answers come from their links, never from the proposers.
        for (auto* list :
             {&p.organisers, &p.speakers, &p.moderators, &p.online_moderators, &p.rapporteurs})
            for (auto& person : *list) person.answer.clear();
        p.proposer.answer.clear();
        return p;
    } catch (const InputError& e) {
        throw http::unprocessable({{e.field(), e.message()}});
    }
}

Intent intent_in_body(const nlohmann::json& body) {
    if (!body.contains("submit")) return Intent::save;
    if (!body["submit"].is_boolean())
        throw http::unprocessable({{"submit", say("proposals.submit_must_be_true_or_false")}});
    return body["submit"].get<bool>() ? Intent::submit : Intent::save;
}

nlohmann::json proposal_document(Exchange& ex, ProposalId id) {
    auto record = *store::find_proposal_record(ex.db(), id);
    auto j = to_json(proposal_as_saved(ex, record));
    j["id"] = id;
    j["number"] = record.number;
    j["version"] = record.version;
    j["status"] = record.status;
    j["submitted_at"] = record.submitted_at;
    j["updated_at"] = record.updated_at;
    return j;
}

// A problem document (RFC 9457) with members of its own.
http::Response problem(int status, const std::string& title, const std::string& detail,
                       nlohmann::json members) {
    members["type"] = "about:blank";
    members["title"] = title;
    members["status"] = status;
    members["detail"] = detail;
    auto r = http::Response::json(members, status);
    r.content_type = "application/problem+json";
    return r;
}

http::Response outcome_response(Exchange& ex, const SaveOutcome& outcome, int status) {
    if (!outcome.submission_errors.empty()) {
        ex.keep_writes_on_error();
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& e : outcome.submission_errors)
            errors.push_back({{"field", e.field}, {"message", e.message}});
        return problem(
            422, say("proposals.saved_not_submitted"),
            say("proposals.the_draft_is_saved_but_these"),
            {{"proposal", outcome.proposal}, {"version", outcome.version}, {"errors", errors}});
    }
    auto document = proposal_document(ex, outcome.proposal);
    // A draft is saved whatever its format; what would keep it from submission is said.
    document["warnings"] = nlohmann::json::array();
    for (const auto& e : outcome.warnings)
        document["warnings"].push_back({{"field", e.field}, {"message", e.message}});
    auto r = http::Response::json(document, status);
    r.set_header("location", "/api/v1/proposals/" + to_string(outcome.proposal));
    return r;
}

}  // namespace

http::Response api_proposal_show(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    return http::Response::json(proposal_document(ex, target.record.id));
}

http::Response api_proposal_create(Exchange& ex) {
    auto edition = edition_in_path(ex);
    ex.require_sign_in();
    auto body = http::parse_json_body(ex.request);
    auto draft = proposal_in_body(body);
    std::string key;
    if (body.contains("creation_key")) {
        if (!body["creation_key"].is_string() ||
            body["creation_key"].get<std::string>().size() > 100)
            throw http::unprocessable(
                {{"creation_key", say("proposals.creation_key_must_be_a_text")}});
        key = body["creation_key"].get<std::string>();
    }
    auto outcome = start_proposal(ex, edition, draft, key, intent_in_body(body));
    return outcome_response(ex, outcome, outcome.existed ? 200 : 201);
}

http::Response api_proposal_update(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    auto body = http::parse_json_body(ex.request);
    auto draft = proposal_in_body(body);
    if (!body.contains("version") || !body["version"].is_number_integer())
        throw http::unprocessable({{"version", say("proposals.send_the_version_you_edited_the")}});
    try {
        auto outcome = save_proposal(ex, target, draft, body["version"].get<std::int64_t>(),
                                     intent_in_body(body));
        return outcome_response(ex, outcome, 200);
    } catch (const EditConflict& conflict) {
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& c : compare_proposals(conflict.current, draft))
            changes.push_back({{"field", c.field}, {"theirs", c.before}, {"yours", c.after}});
        return problem(409, say("proposals.edit_conflict"),
                       say("proposals.someone_saved_this_proposal_since_the"),
                       {{"current_version", conflict.current_version},
                        {"current", to_json(conflict.current)},
                        {"yours", to_json(draft)},
                        {"changes", changes}});
    }
}

http::Response api_proposal_withdraw(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    withdraw(ex, target);
    return http::Response::json(proposal_document(ex, target.record.id));
}

http::Response api_proposal_revisions(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : store::list_revisions(ex.db(), target.record.id))
        out.push_back({{"version", r.version},
                       {"saved_at", r.saved_at},
                       {"saved_by", r.saved_by},
                       {"action", r.action}});
    return http::Response::json({{"revisions", out}});
}

http::Response api_proposal_revision(Exchange& ex) {
    auto target = proposal_for(ex, ex.params.id<ProposalId>("proposal"));
    auto content = store::revision_content(ex.db(), target.record.id, ex.params.integer("version"));
    if (!content) throw http::not_found(say("proposals.this_proposal_has_no_such_version"));
    return http::Response::json(to_json(*content));
}

http::Response api_my_proposals(Exchange& ex) {
    const auto& account = ex.require_sign_in();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : store::proposals_of(ex.db(), account.id))
        out.push_back({{"id", p.id},
                       {"edition", p.edition_id},
                       {"number", p.number},
                       {"title", p.title},
                       {"status", p.status},
                       {"version", p.version},
                       {"role", p.role}});
    return http::Response::json({{"proposals", out}});
}

}  // namespace convene::web
