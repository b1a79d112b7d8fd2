#include "store/demo/demo_past.hpp"

#include <array>
#include <chrono>
#include <map>

#include "core/common/clock.hpp"
#include "core/demo/demo_venue.hpp"
#include "core/programme/venue.hpp"
#include "core/reports/report.hpp"
#include "store/accounts/accounts.hpp"
#include "store/decisions/decisions.hpp"
#include "store/demo/demo_messages.hpp"
#include "store/editions/editions.hpp"
#include "store/feedback/feedback.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "store/programme/venue.hpp"
#include "store/proposals/submissions.hpp"
#include "store/reports/reports.hpp"

namespace convene::store {

namespace {

// Every session in a workshop room (the main hall when there is no other), spread over
// the days: each room at 09:00 on each day, then at 11:00, 14:00 and 16:00.
std::map<SessionId, programme::Slot> past_slots(db::Connection& c, EditionId edition,
                                                const EditionDraft& draft,
                                                const std::vector<RoomId>& rooms) {
    static const std::array<const char*, 4> times = {"09:00", "11:00", "14:00", "16:00"};
    std::map<SessionId, programme::Slot> slots;
    auto days = programme::edition_days(draft.start_date, draft.end_date);
    std::vector<RoomId> used(rooms.size() > 1 ? rooms.begin() + 1 : rooms.begin(), rooms.end());
    if (days.empty() || used.empty()) return slots;
    std::size_t j = 0;
    for (const auto& s : programme_sessions(c, edition)) {
        auto time = j / (used.size() * days.size());
        if (time >= times.size()) break;
        auto day = (j / used.size()) % days.size();
        slots[s.id] = {used[j % used.size()], days[day] + "T" + times[time]};
        ++j;
    }
    return slots;
}

std::string rapporteur_of(const DemoForum& forum, const DemoProposal& p) {
    for (const auto& r : p.people)
        if (r.role == "rapporteur")
            return forum.people[static_cast<std::size_t>(r.person)].details.name;
    return {};
}

// The session's reports as `past` says, each save at its hour after the session's end.
void file_reports(db::Connection& c, EditionId edition, const ReportedSession& session,
                  const reports::ReportSettings& settings, const DemoPastSession& past,
                  const std::string& author) {
    auto end = parse_utc(session.end_utc);
    if (!end) return;
    auto at = [&](int hours) { return format_utc(*end + std::chrono::hours(hours)); };
    auto due = reports::deadlines(session.end_utc, settings);
    if (past.outcome == "none") return;
    ReportSave brief;
    brief.part = ReportPart::short_report;
    brief.content = reports::to_json(reports::ShortReport{past.key_messages});
    brief.file = true;
    brief.author = author;
    brief.now = at(past.short_after_hours);
    brief.due = due.short_due;
    save_report(c, edition, session.id, brief);

    reports::FullReport full{past.fields, past.speakers, past.women_present, past.gender_discussed};
    ReportSave save;
    save.part = ReportPart::full_report;
    save.author = author;
    save.due = due.full_due;
    bool filed = past.outcome == "on_time" || past.outcome == "full_late";
    if (past.draft_first && past.full_after_hours - 48 > past.short_after_hours) {
        // A first draft without the way forward, two days before filing (or never filed).
        auto draft = full;
        draft.fields.erase("way_forward");
        save.content = reports::to_json(draft);
        save.now = at(past.full_after_hours - 48);
        save.expected_version = save_report(c, edition, session.id, save).version;
    }
    if (!filed) return;
    save.content = reports::to_json(full);
    save.file = true;
    save.now = at(past.full_after_hours);
    save_report(c, edition, session.id, save);
}

}  // namespace

DemoPastCount load_demo_past_edition(db::Connection& c, const DemoForum& forum,
                                     const std::vector<std::int64_t>& person_ids,
                                     AccountId secretariat, std::optional<AccountId> drafter,
                                     const std::string& now) {
    DemoPastCount out;
    if (forum.past_proposals.empty()) return out;
    const auto& draft = forum.past_edition;
    auto edition = create_edition(c, draft, now);
    out.edition = edition;
    std::vector<ThemeId> theme_ids;
    for (const auto& t : forum.themes) theme_ids.push_back(add_theme(c, edition, t));
    std::vector<RoomId> room_ids;
    for (const auto& r : demo_venue(forum.rooms, draft.start_date, draft.end_date))
        room_ids.push_back(add_venue_room(c, edition, r));
    auto call = standard_call();
    call.opens_at = "2025-10-01T12:00:00Z";
    call.closes_at = "2025-12-15T12:00:00Z";
    save_call(c, edition, call);

    auto ids = insert_demo_proposals(c, edition, forum.past_proposals, theme_ids, person_ids, now);
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        index[ids[i]] = i;
        Decision d;
        d.kind = "accepted";
        d.reason = "Selected by the MAG for the regional programme.";
        save_decision(c, edition, ProposalId{ids[i]}, d, 0, std::nullopt, now);
    }
    set_results_published(c, edition, "2026-02-20T12:00:00Z");
    sync_programme_sessions(c, edition, now);
    auto slots = past_slots(c, edition, draft, room_ids);
    replace_draft(c, edition, slots, now);
    for (const auto& [session, slot] : slots) set_published_slot(c, session, slot);
    record_version(c, edition, secretariat, "", "2026-03-25T12:00:00Z");

    const auto settings = report_settings(c, edition);
    for (const auto& s : reported_sessions(c, edition)) {
        if (!s.proposal) continue;
        auto found = index.find(s.proposal->value());
        if (found == index.end()) continue;
        const auto& past = forum.past_sessions[found->second];
        ++out.sessions;
        file_reports(c, edition, s, settings, past,
                     rapporteur_of(forum, forum.past_proposals[found->second]));
        if (past.outcome == "on_time") ++out.on_time;
        if (past.outcome == "full_late") ++out.late;
        if (past.outcome == "full_missing" || past.outcome == "none") ++out.missing;
        auto end = parse_utc(s.end_utc);
        if (!end) continue;
        int k = 0;
        for (const auto& r : past.ratings) {
            Rater who{std::nullopt,
                      "demo:" + std::to_string(s.id.value()) + ":" + std::to_string(k)};
            save_rating(c, s.id, who, {r.rating, r.comment, r.stakeholder_group},
                        format_utc(*end + std::chrono::minutes(10 + 7 * k++)));
        }
        out.ratings += k;
    }
    if (drafter) {
        grant_role(c, *drafter, Role::evaluator, edition);
        out.messages =
            add_demo_messages(c, edition, *drafter, secretariat, forum.past_messages_at).messages;
    }
    return out;
}

}  // namespace convene::store
