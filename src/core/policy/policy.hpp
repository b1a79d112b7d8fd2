#pragma once
// Who may see or do what: every decision of the kind "may this account ... now" is one
// pure function here, fed with the facts the caller gathered (roles, whether the account
// organises the proposal, whether the proposal is on the member's list). Pages, the API,
// live topics and exports all ask these functions; tests/unit/policy holds them as a
// table of role x state x action -> allowed.
//
// Two levels: every route declares a Gate that the application checks before its
// handler runs (web/<stage>/routes.cpp); handlers then ask the object-level functions
// below about the proposal, evaluation or result at hand.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/accounts/roles.hpp"
#include "core/common/ids.hpp"
#include "core/messages/messages.hpp"

namespace convene::policy {

// A role held for one edition, or for every edition (edition empty).
struct Grant {
    Role role;
    std::optional<EditionId> edition;
};

// Who asks: nobody (account empty) or an account with its roles.
struct Actor {
    std::optional<AccountId> account;
    std::vector<Grant> grants;
    // The Secretariat blocked the account: it passes no gate but `anyone`, holds no role
    // and may do nothing an account does. (A blocked account's sessions and tokens find no
    // account, so a request is rarely blocked here; an action that waited for a lock asks
    // the store again and says so.)
    bool blocked = false;

    bool signed_in() const { return account.has_value() && !blocked; }
    // Holds `role` for `edition`; with no edition named, holds it for every edition.
    bool holds(Role role, std::optional<EditionId> edition = std::nullopt) const;
};

// What a route asks of whoever calls it, before the handler looks at any object.
enum class Gate {
    anyone,                  // public pages, signing in, links that carry their own token
    signed_in,               // any account; the handler decides on the object at hand
    secretariat,             // the Secretariat of every edition (accounts, audit, outbox)
    secretariat_of_edition,  // the Secretariat of the edition in the path (or the proposal's)
    member_of_edition,       // a MAG member (evaluator) of the edition in the path
};
inline constexpr Gate all_gates[] = {Gate::anyone, Gate::signed_in, Gate::secretariat,
                                     Gate::secretariat_of_edition, Gate::member_of_edition};

std::string_view gate_name(Gate gate);  // "secretariat_of_edition"
// Whether the gate needs to know the edition (from {edition}, or the {proposal}'s).
bool needs_edition(Gate gate);

enum class Verdict { allowed, sign_in_first, forbidden };
// `edition` is the edition the request is about, when the gate needs one.
Verdict pass(Gate gate, const Actor& actor, std::optional<EditionId> edition);

// Editions
bool may_create_edition(const Actor& a);                     // Secretariat of every edition
bool may_manage_edition(const Actor& a, EditionId edition);  // settings, stages, members
bool may_administer(const Actor& a);  // accounts, audit log, outbox, the test clock

// Blocking an account: the facts about the account to block.
struct BlockFacts {
    AccountId account;
    // Administrators of every edition, not blocked, besides the account to block.
    std::int64_t other_administrators = 0;
};
enum class BlockVerdict { allowed, forbidden, own_account, last_administrator };
// The Secretariat of every edition; never its own account (nobody locks themself out by
// a slip), never the last administrator not blocked (somebody must be able to unblock).
BlockVerdict may_block_account(const Actor& a, const BlockFacts& f);
bool may_unblock_account(const Actor& a);  // the Secretariat of every edition

// Proposals: the facts about one proposal and the one asking.
struct ProposalFacts {
    EditionId edition;
    bool organised_by_actor = false;  // the actor is one of its organisers (editors)
};
bool may_see_proposal(const Actor& a, const ProposalFacts& p);   // organisers, Secretariat
bool may_edit_proposal(const Actor& a, const ProposalFacts& p);  // organisers only
bool may_invite_co_organiser(const Actor& a, const ProposalFacts& p);
// Organisers only, at any stage: a session they can no longer hold is kept, marked withdrawn.
bool may_withdraw_proposal(const Actor& a, const ProposalFacts& p);

// Evaluations: one member's evaluation of one proposal.
struct EvaluationFacts {
    EditionId edition;
    AccountId author;             // the MAG member who writes it
    bool on_author_list = false;  // the proposal is on the author's published list
};
// The Secretariat always; the author while the proposal is on their list.
bool may_read_evaluation(const Actor& a, const EvaluationFacts& e);
// Only the author, only while the proposal is on their list.
bool may_write_evaluation(const Actor& a, const EvaluationFacts& e);
bool may_evaluate_in(const Actor& a, EditionId edition);  // holds the member role there
// Evaluators never see who proposed: nobody but organisers and the Secretariat does.
bool may_see_proposers(const Actor& a, const ProposalFacts& p);

// Results: public once published; before that a preview for the Secretariat only.
bool may_read_results(const Actor& a, EditionId edition, bool published);

// The figures of live rooms' turns for a whole edition: its Secretariat and its MAG.
bool may_read_turn_figures(const Actor& a, EditionId edition);
// Transcripts' speakers. A label is linked to a person for every transcript (its key is
// the same name in every edition): by the Secretariat of an edition whose transcripts have
// it, or of every edition. A speaker is linked in one transcript (a role alone, such as
// the moderator, whose person differs by session) by the Secretariat of its edition.
// Who speaks (the statistics) is public, as the transcripts are.
struct SpeakerLabelFacts {
    std::vector<EditionId> spoken_in;  // the editions whose transcripts have the label
};
bool may_link_speaker_label(const Actor& a, const SpeakerLabelFacts& f);
bool may_link_speaker_in_transcript(const Actor& a, EditionId edition);
// Every edition's speaker labels on one page: the Secretariat of every edition.
bool may_list_speakers_of_every_edition(const Actor& a);
// Remote hubs: the facts about one hub and, for relaying, the live room at hand.
struct HubFacts {
    EditionId edition;
    AccountId organiser;                // who registered the hub
    bool follows_room_session = false;  // the room is a session the hub follows
};
// Its organiser, and the Secretariat of the edition.
bool may_edit_hub(const Actor& a, const HubFacts& h);
// The hub's queue role: its organiser adds requests for people at the hub, only in the
// live rooms of the sessions the hub follows.
bool may_relay_for_hub(const Actor& a, const HubFacts& h);

// Live rooms: the roles the actor holds in the room at hand (chair covers co-chairs).
struct LiveRoomFacts {
    EditionId edition;
    bool chair = false, online_moderator = false, captioner = false;
};
// Asking for the floor: any account the Secretariat has not blocked. Nullopt when allowed,
// else the catalog key saying why not.
std::optional<std::string_view> floor_request_refusal(const Actor& a);
// Giving the floor and the rest of the chair's work: the room's chairs and co-chairs.
bool may_chair(const Actor& a, const LiveRoomFacts& r);
// Adding a request for someone speaking through the meeting tool: chairs and online
// moderators.
bool may_relay(const Actor& a, const LiveRoomFacts& r);
// Captioning: the room's captioners and chairs, and the Secretariat of the edition.
bool may_caption(const Actor& a, const LiveRoomFacts& r);
// The room's captioner tokens and caption languages: chairs and the Secretariat.
bool may_manage_captions(const Actor& a, const LiveRoomFacts& r);

// Participants' feedback on a published session: anyone, signed in or not, from the
// session's end in the timetable on (one rating per account, or per browser for nobody
// signed in, within the flood limits); never an account the Secretariat blocked.
enum class RatingVerdict { allowed, not_ended, blocked };
RatingVerdict may_rate_session(const Actor& a, bool session_ended);
// One session's results (count, mean, distribution, comments): its organisers and the
// Secretariat of its edition.
struct SessionFeedbackFacts {
    EditionId edition;
    bool organised_by_actor = false;  // the actor organises the session
};
bool may_read_session_feedback(const Actor& a, const SessionFeedbackFacts& f);
// Every session's results of an edition, by theme and by session type: its Secretariat.
bool may_read_edition_feedback(const Actor& a, EditionId edition);
// Session reports: the facts about one session of the published programme and the one
// asking (its rapporteur or one of its organisers: named so on the session, or an editor
// of its proposal).
struct ReportFacts {
    EditionId edition;
    bool rapporteur = false;
    bool organiser = false;
};
// Filing and editing the short and full report, drafts included: the session's
// rapporteurs and organisers, and the Secretariat of the edition.
bool may_file_report(const Actor& a, const ReportFacts& f);
// Reading drafts, versions and conflicts: the same people (filed reports are public).
bool may_read_report_drafts(const Actor& a, const ReportFacts& f);
// The template and deadlines, and the compliance page: the Secretariat of the edition.
bool may_set_report_template(const Actor& a, EditionId edition);

// Live topics: "editions" (anyone) and "proposal-<id>" (its organisers and Secretariat).
struct LiveTopic {
    enum class Kind { editions, proposal, live_room, live_captions } kind = Kind::editions;
    ProposalId proposal;
    LiveRoomId live_room = {};  // "live-room-<id>": a live room's queue, public as its page
    // "live-captions-<id>-<language>": one caption stream of the room, public as the room.
    std::string language = {};
};
// Nullopt when the text names no topic ("proposal-x", "proposal-" followed by 13 digits).
std::optional<LiveTopic> parse_live_topic(std::string_view topic);
// `proposal` holds the facts of the topic's proposal (nullopt: no such proposal).
bool may_follow(const Actor& a, const LiveTopic& topic,
                const std::optional<ProposalFacts>& proposal);

// The messages of the year. Drafting (writing, editing, marking how comments were handled):
// the edition's MAG members and its Secretariat, until the messages are published.
bool may_draft_messages(const Actor& a, EditionId edition);
struct MessagesFacts {
    EditionId edition;
    bool comments_opened = false;  // the comment period has opened (it may have closed)
    bool published = false;
};
bool may_edit_messages(const Actor& a, const MessagesFacts& f);
// The drafts: the drafters always; anyone once the comment period opened or they are
// published.
bool may_read_messages(const Actor& a, const MessagesFacts& f);
// The comment period, hiding an abusive comment and publishing: the edition's Secretariat.
bool may_run_message_round(const Actor& a, EditionId edition);
// Commenting is open to anyone, signed in or not (the Secretariat has not blocked), while
// the period is open and the messages are not yet published. Nullopt when allowed, else
// the catalog key saying why not.
std::optional<std::string_view> comment_refusal(const Actor& a, messages::PeriodState window,
                                                bool published);

}  // namespace convene::policy
