#include "core/policy/policy.hpp"

#include <algorithm>

#include "core/live/captions.hpp"

namespace convene::policy {

bool Actor::holds(Role role, std::optional<EditionId> edition) const {
    if (blocked) return false;
    for (const auto& g : grants)
        if (g.role == role && (!g.edition || g.edition == edition)) return true;
    return false;
}

std::string_view gate_name(Gate gate) {
    switch (gate) {
        case Gate::anyone:
            return "anyone";
        case Gate::signed_in:
            return "signed_in";
        case Gate::secretariat:
            return "secretariat";
        case Gate::secretariat_of_edition:
            return "secretariat_of_edition";
        case Gate::member_of_edition:
            return "member_of_edition";
    }
    return "unknown";
}

bool needs_edition(Gate gate) {
    return gate == Gate::secretariat_of_edition || gate == Gate::member_of_edition;
}

Verdict pass(Gate gate, const Actor& a, std::optional<EditionId> edition) {
    if (gate == Gate::anyone) return Verdict::allowed;
    if (!a.account) return Verdict::sign_in_first;
    if (a.blocked) return Verdict::forbidden;
    bool ok = false;
    switch (gate) {
        case Gate::anyone:
        case Gate::signed_in:
            ok = true;
            break;
        case Gate::secretariat:
            ok = may_administer(a);
            break;
        case Gate::secretariat_of_edition:
            ok = edition && may_manage_edition(a, *edition);
            break;
        case Gate::member_of_edition:
            ok = edition && may_evaluate_in(a, *edition);
            break;
    }
    return ok ? Verdict::allowed : Verdict::forbidden;
}

bool may_create_edition(const Actor& a) {
    return a.holds(Role::admin);
}
bool may_manage_edition(const Actor& a, EditionId edition) {
    return a.holds(Role::admin, edition);
}
bool may_file_report(const Actor& a, const ReportFacts& f) {
    return a.signed_in() && (f.rapporteur || f.organiser || may_manage_edition(a, f.edition));
}
bool may_read_report_drafts(const Actor& a, const ReportFacts& f) {
    return may_file_report(a, f);
}
bool may_set_report_template(const Actor& a, EditionId edition) {
    return may_manage_edition(a, edition);
}
bool may_administer(const Actor& a) {
    return a.holds(Role::admin);
}

BlockVerdict may_block_account(const Actor& a, const BlockFacts& f) {
    if (!may_administer(a)) return BlockVerdict::forbidden;
    if (*a.account == f.account) return BlockVerdict::own_account;
    if (f.other_administrators < 1) return BlockVerdict::last_administrator;
    return BlockVerdict::allowed;
}
bool may_unblock_account(const Actor& a) {
    return may_administer(a);
}

bool may_see_proposal(const Actor& a, const ProposalFacts& p) {
    return a.signed_in() && (p.organised_by_actor || may_manage_edition(a, p.edition));
}
bool may_edit_proposal(const Actor& a, const ProposalFacts& p) {
    return a.signed_in() && p.organised_by_actor;
}
bool may_invite_co_organiser(const Actor& a, const ProposalFacts& p) {
    return may_edit_proposal(a, p);
}
bool may_withdraw_proposal(const Actor& a, const ProposalFacts& p) {
    return may_edit_proposal(a, p);
}
bool may_see_proposers(const Actor& a, const ProposalFacts& p) {
    return may_see_proposal(a, p);
}

bool may_read_evaluation(const Actor& a, const EvaluationFacts& e) {
    if (!a.signed_in()) return false;
    if (may_manage_edition(a, e.edition)) return true;
    return *a.account == e.author && e.on_author_list;
}
bool may_write_evaluation(const Actor& a, const EvaluationFacts& e) {
    return a.signed_in() && *a.account == e.author && e.on_author_list &&
           may_evaluate_in(a, e.edition);
}
bool may_evaluate_in(const Actor& a, EditionId edition) {
    return a.holds(Role::evaluator, edition);
}

bool may_read_turn_figures(const Actor& a, EditionId edition) {
    return may_manage_edition(a, edition) || may_evaluate_in(a, edition);
}

bool may_link_speaker_label(const Actor& a, const SpeakerLabelFacts& f) {
    if (may_create_edition(a)) return true;
    return std::any_of(f.spoken_in.begin(), f.spoken_in.end(),
                       [&](EditionId e) { return may_manage_edition(a, e); });
}
bool may_link_speaker_in_transcript(const Actor& a, EditionId edition) {
    return may_manage_edition(a, edition);
}
bool may_list_speakers_of_every_edition(const Actor& a) {
    return may_create_edition(a);
}

bool may_read_results(const Actor& a, EditionId edition, bool published) {
    return published || may_manage_edition(a, edition);
}

bool may_edit_hub(const Actor& a, const HubFacts& h) {
    return (a.signed_in() && *a.account == h.organiser) || may_manage_edition(a, h.edition);
}

bool may_relay_for_hub(const Actor& a, const HubFacts& h) {
    return a.signed_in() && *a.account == h.organiser && h.follows_room_session;
}

std::optional<std::string_view> floor_request_refusal(const Actor& a) {
    if (!a.account) return "live.queue.sign_in";
    if (a.blocked) return "live.queue.blocked";
    return std::nullopt;
}
bool may_chair(const Actor& a, const LiveRoomFacts& r) {
    return a.signed_in() && r.chair;
}
bool may_relay(const Actor& a, const LiveRoomFacts& r) {
    return a.signed_in() && (r.chair || r.online_moderator);
}
bool may_caption(const Actor& a, const LiveRoomFacts& r) {
    return (a.signed_in() && (r.captioner || r.chair)) || may_manage_edition(a, r.edition);
}
bool may_manage_captions(const Actor& a, const LiveRoomFacts& r) {
    return (a.signed_in() && r.chair) || may_manage_edition(a, r.edition);
}

RatingVerdict may_rate_session(const Actor& a, bool session_ended) {
    if (a.blocked) return RatingVerdict::blocked;
    if (!session_ended) return RatingVerdict::not_ended;
    return RatingVerdict::allowed;
}
bool may_read_session_feedback(const Actor& a, const SessionFeedbackFacts& f) {
    return (a.signed_in() && f.organised_by_actor) || may_manage_edition(a, f.edition);
}
bool may_read_edition_feedback(const Actor& a, EditionId edition) {
    return may_manage_edition(a, edition);
}

std::optional<LiveTopic> parse_live_topic(std::string_view topic) {
    if (topic == "editions") return LiveTopic{};
    constexpr std::string_view captions_prefix = "live-captions-";
    if (topic.substr(0, captions_prefix.size()) == captions_prefix) {
        auto rest = topic.substr(captions_prefix.size());
        auto dash = rest.find('-');
        if (dash == std::string_view::npos) return std::nullopt;
        auto room = parse_live_topic("live-room-" + std::string(rest.substr(0, dash)));
        auto language = std::string(rest.substr(dash + 1));
        if (!room || !live::is_language_code(language)) return std::nullopt;
        return LiveTopic{LiveTopic::Kind::live_captions, {}, room->live_room, language};
    }
    constexpr std::string_view prefix = "proposal-", room_prefix = "live-room-";
    bool room = topic.substr(0, room_prefix.size()) == room_prefix;
    if (!room && topic.substr(0, prefix.size()) != prefix) return std::nullopt;
    auto digits = topic.substr(room ? room_prefix.size() : prefix.size());
    if (digits.empty() || digits.size() > 12 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    std::int64_t id = 0;
    for (char c : digits) id = id * 10 + (c - '0');
    if (room) return LiveTopic{LiveTopic::Kind::live_room, {}, LiveRoomId{id}, ""};
    return LiveTopic{LiveTopic::Kind::proposal, ProposalId{id}, {}, ""};
}

bool may_follow(const Actor& a, const LiveTopic& topic,
                const std::optional<ProposalFacts>& proposal) {
    if (topic.kind != LiveTopic::Kind::proposal) return true;
    return proposal && may_see_proposal(a, *proposal);
}

bool may_draft_messages(const Actor& a, EditionId edition) {
    return a.signed_in() && (may_evaluate_in(a, edition) || may_manage_edition(a, edition));
}
bool may_edit_messages(const Actor& a, const MessagesFacts& f) {
    return !f.published && may_draft_messages(a, f.edition);
}
bool may_read_messages(const Actor& a, const MessagesFacts& f) {
    return f.published || f.comments_opened || may_draft_messages(a, f.edition);
}
bool may_run_message_round(const Actor& a, EditionId edition) {
    return may_manage_edition(a, edition);
}
std::optional<std::string_view> comment_refusal(const Actor& a, messages::PeriodState window,
                                                bool published) {
    if (a.blocked) return "messages.comment.refused.blocked";
    if (published) return "messages.comment.refused.published";
    switch (window) {
        case messages::PeriodState::not_set:
            return "messages.comment.refused.not_set";
        case messages::PeriodState::not_yet_open:
            return "messages.comment.refused.not_yet_open";
        case messages::PeriodState::closed:
            return "messages.comment.refused.closed";
        case messages::PeriodState::open:
            break;
    }
    return std::nullopt;
}

}  // namespace convene::policy
