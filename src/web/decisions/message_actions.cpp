// The decision messages: planned from the decisions as they are, previewed with a sample of
// each kind, queued once per recipient and decision version, and only for the number the
// officer confirmed, so two officers pressing "Send" together queue them once.
#include "web/decisions/message_actions.hpp"

#include <map>
#include <set>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/decisions/decision.hpp"
#include "http/error.hpp"
#include "store/decisions/decisions.hpp"
#include "store/evaluation/evaluations.hpp"
#include "store/synthesis/synthesis.hpp"
#include "web/site/exchange.hpp"
#include "web/site/mail.hpp"

namespace convene::web {

namespace {

// Keys are "decision:<proposal>:<version>:<recipient>": a proposal's and a version's
// prefixes end with ":", so proposal 12 never matches 123.
std::string proposal_prefix(ProposalId p) {
    return "decision:" + to_string(p) + ":";
}
std::string version_prefix(ProposalId p, std::int64_t version) {
    return proposal_prefix(p) + std::to_string(version) + ":";
}

std::string conditions_text(const Decision& dec, const std::map<long long, std::string>& title_of) {
    std::string conditions;
    for (const auto& code : dec.conditions) {
        std::string line;
        for (const auto& c : decision_conditions())
            if (c.code == code) line = c.label;
        if (code == "merge" && dec.merge_with) {
            auto t = title_of.find(*dec.merge_with);
            line += say("decisions.message.merge_with",
                        {{"number", *dec.merge_with},
                         {"title", t == title_of.end() ? std::string() : t->second}});
        }
        conditions += "- " + line + "\n";
    }
    if (!dec.condition_note.empty()) conditions += dec.condition_note + "\n";
    return conditions;
}

}  // namespace

MessagePlan plan_decision_messages(Exchange& ex, const store::Edition& e,
                                   std::optional<ProposalId> only) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    std::map<long long, std::string> title_of;
    for (const auto& p : store::sheet_proposals(ex.db(), e.id)) title_of[p.number] = p.title;
    auto comments_of = store::evaluation_comments(ex.db(), e.id);
    auto recipients_of = store::decision_recipients(ex.db(), e.id);
    auto existing = store::mail_keys(ex.db(), only ? proposal_prefix(*only) : "decision:");
    MessagePlan plan;
    for (const auto& d : store::list_decisions(ex.db(), e.id)) {
        if (only && d.proposal != *only) continue;
        const auto& dec = d.decision;
        auto kind = effective_kind(dec);
        std::string comments;
        for (const auto& c : comments_of[d.proposal]) comments += "- " + c + "\n";
        if (comments.empty()) comments = say("decisions.message.no_comments") + "\n";
        std::map<std::string, std::string> values = {
            {"title", d.title},
            {"number", std::to_string(d.number)},
            {"edition", e.name},
            {"reason", dec.reason},
            {"comments", comments},
            {"conditions", conditions_text(dec, title_of)},
            {"due_date", dec.due_date},
            {"theme", kind == "moved" ? dec.new_theme : d.theme},
            {"decision", decision_label(kind)}};
        auto text = s.texts.count(kind) ? s.texts[kind] : standard_decision_texts().at(kind);
        const auto& recipients = recipients_of[d.proposal];
        if (recipients.empty()) ++plan.without_address;
        auto current = version_prefix(d.proposal, d.version);
        bool new_ones = false;
        for (const auto& to : recipients) {
            auto key = current + ascii_lower(to);
            if (existing.count(key)) {
                ++plan.already_sent;
                continue;
            }
            // The subject from templates/mail/decision; the body is the Secretariat's text.
            auto mail = mail_from_template("decision", {{"edition", e.name},
                                                        {"decision", decision_label(kind)},
                                                        {"number", d.number},
                                                        {"text", fill_text(text, values)}});
            mail.dedupe_key = key;
            mail.recipient = to;
            plan.to_send.push_back({std::move(mail), kind, d.proposal, d.version});
            new_ones = true;
        }
        if (!new_ones) continue;
        auto prefix = proposal_prefix(d.proposal);
        for (auto it = existing.lower_bound(prefix);
             it != existing.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
            if (it->first.compare(0, current.size(), current) != 0 && it->second != "sent")
                ++plan.replacing;
    }
    return plan;
}

nlohmann::json preview_json(const MessagePlan& plan) {
    std::map<std::string, int> count;
    std::map<std::string, const PlannedMessage*> sample;
    for (const auto& m : plan.to_send) {
        ++count[m.kind];
        if (!sample.count(m.kind)) sample[m.kind] = &m;
    }
    nlohmann::json kinds = nlohmann::json::array();
    for (const auto& k : decision_kinds()) {
        if (!count.count(k.code)) continue;
        const auto& m = *sample[k.code];
        kinds.push_back({{"kind", k.code},
                         {"label", k.label},
                         {"messages", count[k.code]},
                         {"sample",
                          {{"recipient", m.mail.recipient},
                           {"subject", m.mail.subject},
                           {"body", m.mail.body}}}});
    }
    return {{"to_send", plan.to_send.size()},
            {"already_sent", plan.already_sent},
            {"replacing", plan.replacing},
            {"without_address", plan.without_address},
            {"kinds", kinds},
            // For the page's sections: a number, even 0, is a true section in mustache.
            {"has_to_send", !plan.to_send.empty()},
            {"has_already_sent", plan.already_sent > 0},
            {"has_replacing", plan.replacing > 0},
            {"has_without_address", plan.without_address > 0}};
}

namespace {

// Queues the plan, withdrawing each proposal's unsent messages of earlier versions first.
// Returns how many were withdrawn; false in `all_new` when a message was queued meanwhile.
int queue_plan(Exchange& ex, const MessagePlan& plan, bool& all_new) {
    std::set<ProposalId> withdrawn;
    int replaced = 0;
    all_new = true;
    for (const auto& m : plan.to_send) {
        if (withdrawn.insert(m.proposal).second)
            replaced +=
                store::withdraw_unsent_mail(ex.db(), proposal_prefix(m.proposal),
                                            version_prefix(m.proposal, m.version), ex.now());
        if (!store::enqueue_mail(ex.db(), m.mail, ex.now())) all_new = false;
    }
    return replaced;
}

}  // namespace

SentMessages send_decision_messages(Exchange& ex, const store::Edition& e, std::int64_t expected) {
    auto plan = plan_decision_messages(ex, e);
    auto now = static_cast<std::int64_t>(plan.to_send.size());
    // Somebody sent them, or decisions changed, since this officer looked: nothing is sent.
    auto changed = [&](std::int64_t left) {
        return http::conflict(
            left == 0
                ? say("decisions.messages.sent_meanwhile", {{"expected", expected}})
                : say("decisions.messages.count_changed", {{"expected", expected}, {"now", left}}));
    };
    if (now != expected) throw changed(now);
    bool all_new = true;
    int replaced = queue_plan(ex, plan, all_new);
    // Another officer's send committed between the plan and the queueing (PostgreSQL).
    if (!all_new) throw changed(0);
    ex.audit("decision.messages", "edition " + to_string(e.id),
             {{"queued", now}, {"already_sent", plan.already_sent}, {"replaced", replaced}});
    return {static_cast<int>(now), plan.already_sent, plan.without_address, replaced};
}

nlohmann::json to_json(const SentMessages& sent) {
    return {{"queued", sent.queued},
            {"already_sent", sent.already_sent},
            {"without_address", sent.without_address},
            {"replaced", sent.replaced}};
}

int replace_unsent_messages(Exchange& ex, const store::Edition& e, ProposalId proposal) {
    auto plan = plan_decision_messages(ex, e, proposal);
    // Only a message still waiting is replaced; a decision never sent waits for the send.
    if (plan.replacing == 0) return 0;
    bool all_new = true;
    int replaced = queue_plan(ex, plan, all_new);
    ex.audit("decision.message_replaced", "proposal " + to_string(proposal),
             {{"replaced", replaced}, {"queued", plan.to_send.size()}});
    return replaced;
}

}  // namespace convene::web
