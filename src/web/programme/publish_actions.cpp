#include "web/programme/publish_actions.hpp"

#include <chrono>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"
#include "core/programme/local_time.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/common/outbox.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "store/programme/venue.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

constexpr auto consent_days = 14;

// "23 June 2027, 09:00": a venue-local time in the catalog's words (read as if UTC, so
// no zone moves it).
std::string local_words(const std::string& local) {
    return stored_time(local + ":00Z", "UTC").venue;
}

// The venue-local time as the UTC instant it is, "2027-06-23T07:00:00Z"; "" when unreadable.
std::string utc_of_local(const std::string& zone, const std::string& local) {
    auto minute = programme::parse_local_time(local);
    if (!minute) return "";
    programme::ZoneClock clock(zone.empty() ? "UTC" : zone);
    return programme::format_local_time(clock.in_zone(*minute, "UTC")) + ":00Z";
}

std::string code_of(const TimetableNames& names, SessionId id) {
    auto s = names.sessions.find(id);
    return s == names.sessions.end() ? to_string(id) : s->second.code;
}

// The draft placement of the session becomes `slot` (whatever its version now).
void draft_to(Exchange& ex, EditionId edition, SessionId session, const programme::Slot& slot) {
    auto draft = store::draft_placements(ex.db(), edition);
    auto at = draft.find(session);
    if (at == draft.end())
        store::place_session(ex.db(), session, slot, 0, ex.now());
    else if (!(at->second.slot == slot))
        store::place_session(ex.db(), session, slot, at->second.version, ex.now());
}

// Unsent mails of a change's links are withdrawn with it.
void withdraw_mails(Exchange& ex, PlacementChangeId change) {
    auto prefix = "consent:" + to_string(change) + ":";
    store::withdraw_unsent_mail(ex.db(), prefix, prefix + "-", ex.now());
}

void refuse_when_locked(Exchange& ex, const store::Edition& e,
                        const programme::ProgrammeSettings& settings) {
    if (programme::programme_locked(settings, ex.now()))
        throw http::conflict(
            say("publish.locked", {{"at", stored_time(settings.locked_from, e.time_zone).text}}));
}

// Asks the session's organisers, one link each; the links expire after 14 days and
// never after the session's published start.
void ask_organisers(Exchange& ex, const store::Edition& e, const TimetableNames& names,
                    PlacementChangeId change, SessionId session, const programme::Slot& from,
                    const programme::Slot& to) {
    auto expires = format_utc(ex.clock() + std::chrono::hours(24 * consent_days));
    auto start = utc_of_local(e.time_zone, from.start);
    if (!start.empty() && start < expires) expires = start;
    const auto& s = names.sessions.at(session);
    for (const auto& who : store::session_organisers(ex.db(), session)) {
        auto token = random_token();
        store::add_consent_links(ex.db(), change, {{who.email, token_hash(token)}}, expires);
        auto mail = mail_from_template("placement_change",
                                       {{"name", who.name},
                                        {"edition", e.name},
                                        {"code", s.code},
                                        {"title", s.title},
                                        {"from", slot_view(names, session, from)["text"]},
                                        {"to", slot_view(names, session, to)["text"]},
                                        {"link", ex.app.config().base_url + "/consent/" + token},
                                        {"expires_at", stored_time(expires, e.time_zone).text}});
        mail.dedupe_key = "consent:" + to_string(change) + ":" + token_hash(token);
        mail.recipient = who.email;
        store::enqueue_mail(ex.db(), mail, ex.now());
    }
}

// A new pending change; 409 when another publication asked about the session meanwhile
// (one pending change per session, migrations/014).
PlacementChangeId add_change(Exchange& ex, const store::Edition& e,
                             const programme::SessionMove& m) {
    try {
        db::Savepoint attempt(ex.db());
        auto id = store::add_placement_change(ex.db(), e.id, m.session, m.from, m.to, ex.now());
        attempt.release();
        return id;
    } catch (const db::Error& err) {
        if (err.kind() != db::Error::Kind::unique_violation) throw;
        throw http::conflict(say("publish.concurrent"));
    }
}

// The published placement becomes the change's; its SEQUENCE bumped; a version recorded.
// The draft is the Secretariat's and stays as it is (a later move there is a new change).
void apply_change(Exchange& ex, const store::Edition& e, const store::PlacementChange& c,
                  const std::string& note) {
    store::set_published_slot(ex.db(), c.session, c.to);
    store::bump_sequence(ex.db(), c.session);
    std::optional<AccountId> by;
    if (ex.account()) by = ex.account()->id;
    store::record_version(ex.db(), e.id, by, note, ex.now());
    withdraw_mails(ex, c.id);
}

}  // namespace

TimetableNames timetable_names(Exchange& ex, const store::Edition& e) {
    TimetableNames names;
    names.time_zone = e.time_zone;
    for (const auto& r : store::venue_rooms(ex.db(), e.id)) names.rooms[r.id] = r.room.name;
    for (auto& s : store::programme_sessions(ex.db(), e.id)) names.sessions[s.id] = std::move(s);
    return names;
}

nlohmann::json slot_view(const TimetableNames& names, SessionId session,
                         const std::optional<programme::Slot>& slot) {
    if (!slot) return nullptr;
    auto room = names.rooms.count(slot->room) ? names.rooms.at(slot->room) : to_string(slot->room);
    std::string end;
    auto s = names.sessions.find(session);
    if (auto start = programme::parse_local_time(slot->start); start && s != names.sessions.end())
        end = programme::format_time_of_day(*start + s->second.duration);
    auto when = local_words(slot->start);
    return {{"room", slot->room},
            {"room_name", room},
            {"start", slot->start},
            {"end", end},
            {"text", say("publish.slot", {{"room", room}, {"when", when}, {"end", end}})}};
}

nlohmann::json session_view(const TimetableNames& names, SessionId session) {
    auto s = names.sessions.find(session);
    if (s == names.sessions.end())
        return {{"session", session}, {"code", to_string(session)}, {"title", ""}};
    return {{"session", session},
            {"code", s->second.code},
            {"title", s->second.title},
            {"sequence", s->second.sequence}};
}

programme::TimetableDiff publication_preview(Exchange& ex, const store::Edition& e) {
    return programme::diff_timetables(store::published_slots(ex.db(), e.id),
                                      store::draft_slots(ex.db(), e.id));
}

Publication publish_timetable(Exchange& ex, const store::Edition& e) {
    store::lock_published_timetable(ex.db(), e.id);
    auto settings = store::programme_settings(ex.db(), e.id);
    auto draft = store::draft_slots(ex.db(), e.id);
    auto published = store::published_slots(ex.db(), e.id);
    auto first = store::timetable_versions(ex.db(), e.id).empty();
    if (first && draft.empty()) throw http::unprocessable({{"timetable", say("publish.empty")}});
    auto diff = programme::diff_timetables(published, draft);
    std::map<SessionId, store::PlacementChange> pending;
    for (auto& c : store::placement_changes(ex.db(), e.id, "pending")) pending[c.session] = c;
    // From the lock date nothing published moves or goes: refused before anything is written.
    bool touches_published = !diff.cancelled.empty();
    for (const auto& m : diff.moved) {
        auto p = pending.find(m.session);
        if (p == pending.end() || !(p->second.to == std::optional(m.to))) touches_published = true;
    }
    if (touches_published) refuse_when_locked(ex, e, settings);

    auto names = timetable_names(ex, e);
    Publication out;
    // A pending change the draft no longer asks for (moved again, back, or taken off) is
    // withdrawn first (its links die with it), so that a new one may take its place.
    for (const auto& [session, c] : pending) {
        auto now_draft = draft.find(session);
        bool kept = now_draft != draft.end() && c.to == std::optional(now_draft->second);
        if (kept) continue;
        store::decide_placement_change(ex.db(), c.id, "withdrawn", "",
                                       say("publish.change.replaced"), ex.now());
        withdraw_mails(ex, c.id);
    }
    for (const auto& a : diff.added) {
        store::set_published_slot(ex.db(), a.session, a.slot);
        ++out.added;
    }
    for (const auto& gone : diff.cancelled) {
        store::set_published_slot(ex.db(), gone.session, std::nullopt);
        store::bump_sequence(ex.db(), gone.session);
        ++out.removed;
    }
    for (const auto& m : diff.moved) {
        auto p = pending.find(m.session);
        if (p != pending.end() && p->second.to == std::optional(m.to)) {
            continue;  // the same change, already asked
        }
        auto id = add_change(ex, e, m);
        ask_organisers(ex, e, names, id, m.session, m.from, m.to);
        out.changes.push_back(id);
    }
    std::optional<AccountId> by;
    if (ex.account()) by = ex.account()->id;
    if (first || out.added > 0 || out.removed > 0) {
        out.version = store::record_version(
            ex.db(), e.id, by,
            say("publish.note.published", {{"added", out.added},
                                           {"removed", out.removed},
                                           {"changes", static_cast<int>(out.changes.size())}}),
            ex.now());
        out.recorded = true;
    } else {
        auto versions = store::timetable_versions(ex.db(), e.id);
        out.version = versions.empty() ? 0 : versions.front().number;
    }
    ex.audit("timetable.publish", "edition " + to_string(e.id),
             {{"version", out.version},
              {"added", out.added},
              {"removed", out.removed},
              {"changes", out.changes.size()}});
    return out;
}

nlohmann::json change_view(Exchange& ex, const TimetableNames& names,
                           const store::PlacementChange& c, bool with_links) {
    auto view = session_view(names, c.session);
    view["id"] = c.id;
    view["from"] = slot_view(names, c.session, c.from);
    view["to"] = slot_view(names, c.session, c.to);
    view["status"] = c.status;
    view["status_text"] = say("publish.change.status." + c.status);
    view["pending"] = c.status == "pending";
    view["reason"] = c.reason;
    view["has_reason"] = !c.reason.empty();
    view["created_at"] = c.created_at;
    view["created"] = time_view(c.created_at, names.time_zone);
    view["decided_at"] = c.decided_at.empty() ? nlohmann::json() : nlohmann::json(c.decided_at);
    view["decided_by"] = c.decided_by;
    if (with_links) {
        nlohmann::json asked = nlohmann::json::array();
        for (const auto& l : store::consent_links(ex.db(), c.id))
            asked.push_back({{"email", l.email},
                             {"expires_at", l.expires_at},
                             {"expires", time_view(l.expires_at, names.time_zone)},
                             {"answered_at",
                              l.used_at.empty() ? nlohmann::json() : nlohmann::json(l.used_at)}});
        view["asked"] = asked;
        view["nobody_asked"] = asked.empty();
    }
    return view;
}

store::PlacementChange change_in_path(Exchange& ex, const store::Edition& e) {
    auto c = store::placement_change(ex.db(), e.id, ex.params.id<PlacementChangeId>("change"));
    if (!c) throw http::not_found(say("publish.change.unknown"));
    return *c;
}

void impose_change(Exchange& ex, const store::Edition& e, const store::PlacementChange& c,
                   const std::string& reason) {
    store::lock_published_timetable(ex.db(), e.id);
    auto why = trim(reason);
    if (why.empty()) throw http::unprocessable({{"reason", say("publish.impose.reason")}});
    if (why.size() > 2000) throw http::unprocessable({{"reason", say("publish.impose.too_long")}});
    // The reason is mailed and kept in the versions' notes: no control characters.
    if (auto bad = check_text({"reason", say("publish.impose.field"), true, 2000, true}, why))
        throw http::unprocessable({*bad});
    refuse_when_locked(ex, e, store::programme_settings(ex.db(), e.id));
    auto by = ex.account() ? ex.account()->name : std::string();
    if (!store::decide_placement_change(ex.db(), c.id, "imposed", why, by, ex.now()))
        throw http::conflict(say("publish.change.not_pending"));
    auto names = timetable_names(ex, e);
    auto code = code_of(names, c.session);
    apply_change(ex, e, c, say("publish.note.imposed", {{"session", code}, {"reason", why}}));
    const auto& s = names.sessions.at(c.session);
    for (const auto& who : store::session_organisers(ex.db(), c.session)) {
        auto mail = mail_from_template("placement_imposed",
                                       {{"name", who.name},
                                        {"edition", e.name},
                                        {"code", s.code},
                                        {"title", s.title},
                                        {"from", slot_view(names, c.session, c.from)["text"]},
                                        {"to", slot_view(names, c.session, c.to)["text"]},
                                        {"reason", why}});
        mail.dedupe_key = "imposed:" + to_string(c.id) + ":" + ascii_lower(who.email);
        mail.recipient = who.email;
        store::enqueue_mail(ex.db(), mail, ex.now());
    }
    ex.audit("publish.change.impose", "session " + to_string(c.session),
             {{"change", c.id}, {"reason", why}});
}

void withdraw_change(Exchange& ex, const store::Edition& e, const store::PlacementChange& c) {
    store::lock_published_timetable(ex.db(), e.id);
    auto by = ex.account() ? ex.account()->name : std::string();
    if (!store::decide_placement_change(ex.db(), c.id, "withdrawn", "", by, ex.now()))
        throw http::conflict(say("publish.change.not_pending"));
    if (c.from) draft_to(ex, e.id, c.session, *c.from);
    withdraw_mails(ex, c.id);
    ex.audit("publish.change.withdraw", "session " + to_string(c.session), {{"change", c.id}});
}

Consent valid_consent(Exchange& ex) {
    auto link = store::find_consent_link(ex.db(), token_hash(ex.params.text("token")));
    require_usable_link(ex, link.has_value(), link ? link->used_at : "",
                        link ? link->expires_at : "",
                        {"consent.link.unknown", "consent.link.used", "consent.link.expired"});
    // Sent to an address whose account the Secretariat has blocked: it decides nothing.
    if (auto holder = store::find_account_for_sign_in(ex.db(), link->email);
        holder && holder->first.blocked)
        throw http::Error(410, say("link.no_longer_works"),
                          say("accounts.this_link_can_no_longer_be"));
    auto change_found = store::placement_change(ex.db(), link->change);
    auto edition_found =
        change_found ? store::find_edition(ex.db(), change_found->edition) : std::nullopt;
    if (!edition_found) throw http::not_found(say("consent.link.unknown"));
    const auto& change = *change_found;
    const auto& edition = *edition_found;
    if (change.status != "pending")
        throw http::Error(410, say("link.used"),
                          say("consent.link.closed." + change.status,
                              {{"at", stored_time(change.decided_at, edition.time_zone).text}}));
    auto settings = store::programme_settings(ex.db(), edition.id);
    if (programme::programme_locked(settings, ex.now()) &&
        change.created_at >= settings.locked_from)
        throw http::conflict(say(
            "publish.locked", {{"at", stored_time(settings.locked_from, edition.time_zone).text}}));
    std::string name = link->email;
    for (const auto& who : store::session_organisers(ex.db(), change.session))
        if (ascii_lower(who.email) == ascii_lower(link->email)) name = who.name;
    return {*link, change, edition, name};
}

void answer_consent(Exchange& ex, const Consent& consent, const std::string& answer) {
    if (answer != "accept" && answer != "decline")
        throw http::unprocessable({{"answer", say("consent.answer")}});
    store::lock_published_timetable(ex.db(), consent.edition.id);
    const auto& c = consent.change;
    if (!store::use_consent_link(ex.db(), consent.link.id, ex.now()) ||
        !store::decide_placement_change(ex.db(), c.id, answer == "accept" ? "accepted" : "declined",
                                        "", consent.name, ex.now()))
        throw http::Error(410, say("link.used"), say("consent.link.taken"));
    auto names = timetable_names(ex, consent.edition);
    auto code = code_of(names, c.session);
    if (answer == "accept") {
        apply_change(ex, consent.edition, c,
                     say("publish.note.accepted", {{"session", code}, {"name", consent.name}}));
    } else {
        if (c.from) draft_to(ex, consent.edition.id, c.session, *c.from);
        withdraw_mails(ex, c.id);
    }
    ex.audit("publish.change." + answer, "session " + to_string(c.session),
             {{"change", c.id}, {"email", consent.link.email}});
}

nlohmann::json versions_diff_view(Exchange& ex, const store::Edition& e, std::int64_t a,
                                  std::int64_t b) {
    auto older = store::timetable_version(ex.db(), e.id, a);
    auto newer = store::timetable_version(ex.db(), e.id, b);
    if (!older || !newer)
        throw http::not_found(say("publish.version.unknown", {{"number", older ? b : a}}));
    auto names = timetable_names(ex, e);
    auto d = programme::diff_timetables(older->slots, newer->slots);
    nlohmann::json moved = nlohmann::json::array(), added = nlohmann::json::array(),
                   cancelled = nlohmann::json::array();
    for (const auto& m : d.moved) {
        auto v = session_view(names, m.session);
        v["from"] = slot_view(names, m.session, m.from);
        v["to"] = slot_view(names, m.session, m.to);
        moved.push_back(v);
    }
    for (const auto& x : d.added) {
        auto v = session_view(names, x.session);
        v["at"] = slot_view(names, x.session, x.slot);
        added.push_back(v);
    }
    for (const auto& x : d.cancelled) {
        auto v = session_view(names, x.session);
        v["at"] = slot_view(names, x.session, x.slot);
        cancelled.push_back(v);
    }
    return {
        {"from", a},        {"to", b}, {"moved", moved}, {"added", added}, {"cancelled", cancelled},
        {"same", d.empty()}};
}

}  // namespace convene::web
