#include "web/live/room_actions.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "store/live/captions.hpp"
#include "store/live/turns.hpp"
#include "store/programme/sessions.hpp"
#include "store/transcripts/captions.hpp"
#include "web/live/remote_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (auto& line : split_items(text, "\n")) {
        auto t = trim(line);
        if (!t.empty()) out.push_back(t);
    }
    return out;
}

std::vector<std::string> addresses_of(const std::string& text) {
    std::vector<std::string> out;
    for (auto& a : split_items(text, "\n,; ")) {
        auto t = trim(a);
        if (!t.empty()) out.push_back(t);
    }
    return out;
}

std::optional<std::int64_t> whole(const std::string& typed) {
    auto t = trim(typed);
    if (t.empty() || t.size() > 12 || t.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(t);
}

std::string text_member(const nlohmann::json& body, const char* name, FieldErrors& errors) {
    if (!body.contains(name) || body[name].is_null()) return "";
    if (!body[name].is_string()) {
        errors.push_back({name, say("venue.not_text")});
        return "";
    }
    return body[name].get<std::string>();
}

std::vector<std::string> texts_member(const nlohmann::json& body, const char* name,
                                      FieldErrors& errors) {
    std::vector<std::string> out;
    if (!body.contains(name) || body[name].is_null()) return out;
    if (!body[name].is_array()) {
        errors.push_back({name, say("venue.not_text_list")});
        return out;
    }
    for (const auto& item : body[name]) {
        if (!item.is_string())
            errors.push_back({name, say("venue.not_text_list")});
        else if (!trim(item.get<std::string>()).empty())
            out.push_back(trim(item.get<std::string>()));
    }
    return out;
}

void require_object(const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
}

void refuse_if(const std::optional<live::Refusal>& refusal, const char* field) {
    if (refusal) throw http::conflict(say(refusal->key), {{field, say(refusal->key)}});
}

// What the room's followers hear: who has the floor, how many wait, the list's state.
// Said again only when it changes, so a screen reader is not told every reorder.
std::string announcement(const store::LiveRoom& room, live::Seconds now) {
    const auto& q = room.queue;
    std::string out = q.speaking
                          ? say("live.announce.speaking", {{"name", q.speaking->speaker.name}})
                          : say("live.announce.nobody_speaking");
    out += " " + say(q.waiting.size() == 1 ? "live.announce.waiting_one" : "live.announce.waiting",
                     {{"count", std::to_string(q.waiting.size())}});
    if (q.closed || (q.closes_at != 0 && now >= q.closes_at))
        out += " " + say("live.announce.closed");
    else if (q.closes_at != 0)
        out += " " + say("live.announce.last_call",
                         {{"seconds", std::to_string(live::last_call_left(q, now))}});
    return out;
}

// Locks the room, lets `change` act on it, stores it and tells the followers.
template <class Change>
void change_room(Exchange& ex, const store::Edition& e, LiveRoomId id, Change change) {
    auto room = store::lock_live_room(ex.db(), e.id, id);
    if (!room) throw http::not_found(say("live.room.no_such_room"));
    if (room->status != "open") throw http::conflict(say("live.room.closed"));
    auto now = now_seconds(ex);
    auto before = announcement(*room, now);
    auto turns_before = room->queue.turns.size();
    auto item = room->current_item;
    change(*room, now);
    store::save_live_room_queue(ex.db(), room->id, room->queue, room->current_item);
    // The turns this change ended, as rows, in the same transaction.
    store::record_live_turns(ex.db(), *room, turns_before, item);
    if (room->status != "open") {
        store::close_live_room(ex.db(), room->id, ex.now());
        store::keep_caption_turns(ex.db(), room->id);
        store::keep_caption_transcripts(ex.db(), *room, ex.now());  // into the archive
    }
    auto after = announcement(*room, now);
    nlohmann::json message = {{"event", "live.queue"}, {"version", room->queue.version}};
    if (after != before) message["text"] = after;
    ex.publish("live-room-" + to_string(room->id), message);
}

}  // namespace

bool holds(const std::vector<std::string>& roles, std::initializer_list<const char*> wanted) {
    for (const auto& r : roles)
        for (const auto* w : wanted)
            if (r == w) return true;
    return false;
}

std::string group_label(const std::string& code) {
    if (code.empty()) return say("live.group.unknown");
    return std::string(choice_label(stakeholder_groups(), code));
}

std::string clock_text(live::Seconds s) {
    if (s < 0) s = 0;
    auto seconds = std::to_string(s % 60);
    return std::to_string(s / 60) + ":" + (seconds.size() == 1 ? "0" : "") + seconds;
}

std::string gender_label(const std::string& code) {
    if (code.empty() || !is_choice(genders(), code)) return say("live.gender.not_given");
    return std::string(choice_label(genders(), code));
}
std::string where_label(const std::string& code) {
    return say("live.where." + code);
}

namespace {

nlohmann::json speaker_json(const live::Speaker& s) {
    return {{"name", s.name},
            {"stakeholder_group", s.stakeholder_group},
            {"group_label", group_label(s.stakeholder_group)},
            {"gender", s.gender},
            {"where", live::where_code(s.where)},
            {"where_label", say("live.where." + live::where_code(s.where))},
            {"hub", s.hub},
            {"first_time", s.first_time}};
}

nlohmann::json tallies(const std::map<std::string, live::Tally>& by,
                       std::string (*label)(const std::string&)) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [code, t] : by)
        out.push_back({{"code", code},
                       {"label", label(code)},
                       {"turns", t.turns},
                       {"seconds", t.seconds},
                       {"time", clock_text(t.seconds)}});
    return out;
}

}  // namespace

std::string person_key(AccountId account) {
    return "account:" + to_string(account);
}

live::Seconds now_seconds(Exchange& ex) {
    return std::chrono::duration_cast<std::chrono::seconds>(ex.clock().time_since_epoch()).count();
}

RoomOpening opening_in_form(const http::Form& form) {
    RoomOpening o;
    o.kind = form.get("kind").empty() ? "meeting" : form.get("kind");
    o.title = trim(form.get("title"));
    if (auto id = whole(form.get("session")); id && *id > 0) o.session = SessionId{*id};
    o.agenda = lines_of(form.get("agenda"));
    o.chairs = addresses_of(form.get("chairs"));
    o.moderators = addresses_of(form.get("moderators"));
    o.captioners = addresses_of(form.get("captioners"));
    return o;
}

RoomOpening opening_in_body(const nlohmann::json& body) {
    require_object(body);
    FieldErrors errors;
    RoomOpening o;
    auto kind = text_member(body, "kind", errors);
    o.kind = kind.empty() ? "meeting" : kind;
    o.title = trim(text_member(body, "title", errors));
    if (body.contains("session") && !body["session"].is_null()) {
        if (!body["session"].is_number_integer())
            errors.push_back({"session", say("live.room.no_such_session")});
        else
            o.session = SessionId{body["session"].get<std::int64_t>()};
    }
    o.agenda = texts_member(body, "agenda", errors);
    o.chairs = texts_member(body, "chairs", errors);
    o.moderators = texts_member(body, "moderators", errors);
    o.captioners = texts_member(body, "captioners", errors);
    throw_if_invalid(errors);
    return o;
}

LiveRoomId open_room(Exchange& ex, const store::Edition& e, RoomOpening o) {
    FieldErrors errors;
    if (o.kind != "session" && o.kind != "meeting")
        errors.push_back({"kind", say("live.room.kind")});
    if (o.kind == "session") {
        auto session =
            o.session ? store::programme_session(ex.db(), e.id, *o.session) : std::nullopt;
        if (!session)
            errors.push_back({"session", say("live.room.no_such_session")});
        else if (o.title.empty())
            o.title = session->code + " " + session->title;
    }
    if (o.title.empty() || o.title.size() > 300)
        errors.push_back({"title", say("live.room.title")});
    if (o.agenda.size() > 100) errors.push_back({"agenda", say("live.room.agenda_too_long")});
    std::vector<std::pair<AccountId, std::string>> roles;
    auto named = [&](const std::vector<std::string>& emails, const char* field, const char* role) {
        for (const auto& email : emails) {
            auto found = store::find_account_for_sign_in(ex.db(), email);
            if (!found)
                errors.push_back({field, say("live.room.no_account", {{"email", email}})});
            else
                roles.emplace_back(found->first.id, role);
        }
    };
    named(o.chairs, "chairs", "chair");
    named(o.moderators, "moderators", "online_moderator");
    named(o.captioners, "captioners", "captioner");
    if (o.chairs.empty()) errors.push_back({"chairs", say("live.room.name_a_chair")});
    throw_if_invalid(errors);
    auto id = store::open_live_room(ex.db(), e.id, o.kind == "session" ? o.session : std::nullopt,
                                    o.kind, o.title, o.agenda, ex.now());
    for (std::size_t i = 0; i < roles.size(); ++i)
        // The first chair named chairs; the others co-chair.
        store::add_live_room_role(
            ex.db(), id, roles[i].first,
            i > 0 && roles[i].second == "chair" ? "co_chair" : roles[i].second);
    ex.audit("live.room.open", "edition " + to_string(e.id), {{"room", id}, {"title", o.title}});
    ex.publish("editions", {{"event", "live.room.opened"},
                            {"text", say("live.announce.opened", {{"title", o.title}})}});
    return id;
}

FloorAsk ask_in_form(const http::Form& form) {
    FloorAsk a;
    a.where = live::where_of(form.get("where")).value_or(live::Where::onsite);
    if (a.where == live::Where::hub) a.where = live::Where::onsite;  // hubs come later
    a.group = form.get("stakeholder_group");
    a.gender = form.get("gender");
    a.first_time = form.has("first_time");
    a.point_of_order = form.has("point_of_order");
    return a;
}

FloorAsk ask_in_body(const nlohmann::json& body) {
    require_object(body);
    FieldErrors errors;
    FloorAsk a;
    auto where = text_member(body, "where", errors);
    if (!where.empty()) {
        auto w = live::where_of(where);
        if (!w || *w == live::Where::hub)
            errors.push_back({"where", say("live.queue.where")});
        else
            a.where = *w;
    }
    a.group = text_member(body, "stakeholder_group", errors);
    a.gender = text_member(body, "gender", errors);
    if (body.contains("first_time"))
        a.first_time = body["first_time"].is_boolean() && body["first_time"].get<bool>();
    if (body.contains("point_of_order"))
        a.point_of_order =
            body["point_of_order"].is_boolean() && body["point_of_order"].get<bool>();
    throw_if_invalid(errors);
    return a;
}

ChairAction chair_action_in_form(const http::Form& form) {
    ChairAction a;
    a.action = form.get("action");
    FieldErrors errors;
    if (form.has("request")) a.request = whole(form.get("request")).value_or(-1);
    if (form.has("seconds")) {
        auto s = whole(form.get("seconds"));
        if (!s) errors.push_back({"seconds", say("live.queue.last_call_seconds")});
        a.seconds = s.value_or(0);
    }
    a.ordering = form.get("ordering");
    if (form.has("limit")) {
        auto l = whole(form.get("limit"));
        if (!l || *l > 3600) errors.push_back({"limit", say("live.queue.limit")});
        a.limit = static_cast<int>(l.value_or(0));
    }
    a.relayed.name = trim(form.get("name"));
    a.relayed.stakeholder_group = form.get("stakeholder_group");
    a.relayed.gender = form.get("gender");
    a.relayed.where = live::Where::online;
    if (form.has("hub")) a.hub = whole(form.get("hub")).value_or(0);
    throw_if_invalid(errors);
    return a;
}

ChairAction chair_action_in_body(const nlohmann::json& body) {
    require_object(body);
    FieldErrors errors;
    ChairAction a;
    a.action = text_member(body, "action", errors);
    auto number = [&](const char* name, std::int64_t fallback, std::int64_t most) {
        if (!body.contains(name) || body[name].is_null()) return fallback;
        if (!body[name].is_number_integer() || body[name].get<std::int64_t>() < 0 ||
            body[name].get<std::int64_t>() > most) {
            errors.push_back({name, say("live.queue.whole_number")});
            return fallback;
        }
        return body[name].get<std::int64_t>();
    };
    a.request = number("request", 0, 1'000'000'000'000);
    a.seconds = number("seconds", 60, 3600);
    a.limit = static_cast<int>(number("limit", 0, 3600));
    a.ordering = text_member(body, "ordering", errors);
    a.relayed.name = trim(text_member(body, "name", errors));
    a.relayed.stakeholder_group = text_member(body, "stakeholder_group", errors);
    a.relayed.gender = text_member(body, "gender", errors);
    a.relayed.where = live::Where::online;
    a.hub = number("hub", 0, 1'000'000'000'000);
    throw_if_invalid(errors);
    return a;
}

store::LiveRoom live_room_in_path(Exchange& ex, const store::Edition& e) {
    auto room = store::live_room(ex.db(), e.id, ex.params.id<LiveRoomId>("room"));
    if (!room) throw http::not_found(say("live.room.no_such_room"));
    return *room;
}

void ask_floor(Exchange& ex, const store::Edition& e, LiveRoomId id, const FloorAsk& ask) {
    const auto& account = ex.require_sign_in();
    FieldErrors errors;
    if (!ask.group.empty() && !is_choice(stakeholder_groups(), ask.group))
        errors.push_back({"stakeholder_group", say("person.stakeholder_group.unknown")});
    if (!ask.gender.empty() && !is_choice(genders(), ask.gender))
        errors.push_back({"gender", say("live.queue.gender")});
    throw_if_invalid(errors);
    live::Speaker s{person_key(account.id), account.name, ask.group, ask.gender, ask.where, "",
                    ask.first_time};
    change_room(ex, e, id, [&](store::LiveRoom& room, live::Seconds now) {
        refuse_if(live::request_floor(room.queue, s, now, ask.point_of_order), "queue");
    });
}

void withdraw_floor(Exchange& ex, const store::Edition& e, LiveRoomId id) {
    const auto& account = ex.require_sign_in();
    change_room(ex, e, id, [&](store::LiveRoom& room, live::Seconds) {
        refuse_if(live::withdraw(room.queue, person_key(account.id)), "queue");
    });
}

void act_in_room(Exchange& ex, const store::Edition& e, LiveRoomId id, const ChairAction& act) {
    const auto& account = ex.require_sign_in();
    auto roles = store::live_roles_of(ex.db(), id, account.id);
    bool chair = holds(roles, {"chair", "co_chair"});
    auto relayed = act.relayed;
    if (act.action == "relay_hub")  // the hub's queue role (policy::may_relay_for_hub)
        relayed = hub_speaker(ex, e, id, HubId{act.hub}, relayed);
    else if (act.action == "relay")
        ex.require(chair || holds(roles, {"online_moderator"}), say("live.room.moderators_only"));
    else
        ex.require(chair, say("live.room.chairs_only"));
    change_room(ex, e, id, [&](store::LiveRoom& room, live::Seconds now) {
        auto& q = room.queue;
        auto index = [&]() -> std::ptrdiff_t {
            for (std::size_t i = 0; i < q.waiting.size(); ++i)
                if (q.waiting[i].id == act.request) return static_cast<std::ptrdiff_t>(i);
            throw http::conflict(say("live.queue.no_such_request"),
                                 {{"request", say("live.queue.no_such_request")}});
        };
        const auto& a = act.action;
        if (a == "give")
            refuse_if(live::give_floor(q, act.request, now), "request");
        else if (a == "next")
            refuse_if(live::give_floor(q, 0, now), "queue");
        else if (a == "end")
            refuse_if(live::end_turn(q, now), "queue");
        else if (a == "remove")
            refuse_if(live::remove_request(q, act.request), "request");
        else if (a == "up" || a == "down") {
            auto at = index();
            auto to = a == "up" ? std::max<std::ptrdiff_t>(0, at - 1) : at + 1;
            refuse_if(live::move_request(q, act.request, static_cast<std::size_t>(to)), "request");
        } else if (a == "point_of_order") {
            q.waiting[static_cast<std::size_t>(index())].point_of_order = true;
            ++q.version;
        } else if (a == "last_call")
            refuse_if(live::last_call(q, now, act.seconds), "seconds");
        else if (a == "close")
            live::close_list(q);
        else if (a == "reopen")
            live::reopen(q);
        else if (a == "ordering") {
            auto o = live::ordering_of(act.ordering);
            if (!o) throw http::unprocessable({{"ordering", say("live.queue.ordering")}});
            q.ordering = *o;
            ++q.version;
        } else if (a == "limit") {
            q.limit = act.limit;
            ++q.version;
        } else if (a == "next_item") {
            if (room.current_item + 1 >= static_cast<int>(room.agenda.size()))
                throw http::conflict(say("live.room.last_item"),
                                     {{"action", say("live.room.last_item")}});
            live::end_turn(q, now);
            ++room.current_item;
            live::reopen(q);
        } else if (a == "relay" || a == "relay_hub") {
            if (relayed.name.empty() || relayed.name.size() > 200)
                throw http::unprocessable({{"name", say("live.queue.who")}});
            if (!relayed.stakeholder_group.empty() &&
                !is_choice(stakeholder_groups(), relayed.stakeholder_group))
                throw http::unprocessable(
                    {{"stakeholder_group", say("person.stakeholder_group.unknown")}});
            auto s = relayed;
            if (a == "relay") s.person = "remote:" + ascii_lower(s.name);
            refuse_if(live::request_floor(q, s, now), "name");
        } else if (a == "close_room") {
            live::end_turn(q, now);
            live::close_list(q);
            room.status = "closed";
        } else
            throw http::unprocessable({{"action", say("live.room.no_such_action")}});
    });
    ex.audit("live.queue." + act.action, "live room " + to_string(id), {{"request", act.request}});
}

nlohmann::json live_room_json(const store::LiveRoom& room, live::Seconds now,
                              const std::string& me) {
    const auto& q = room.queue;
    nlohmann::json waiting = nlohmann::json::array();
    int position = 0;
    std::optional<int> mine;
    for (const auto& r : live::in_order(q)) {
        auto item = speaker_json(r.speaker);
        item["id"] = r.id;
        item["position"] = ++position;
        item["point_of_order"] = r.point_of_order;
        item["mine"] = !me.empty() && r.speaker.person == me;
        if (item["mine"]) mine = position;
        waiting.push_back(item);
    }
    nlohmann::json speaking = nullptr;
    if (q.speaking) {
        speaking = speaker_json(q.speaking->speaker);
        auto elapsed = std::max<live::Seconds>(0, now - q.speaking->start);
        speaking["start"] = q.speaking->start;
        speaking["elapsed"] = elapsed;
        speaking["elapsed_text"] = clock_text(elapsed);
        speaking["over_limit"] = q.limit > 0 && elapsed > q.limit;
    }
    auto f = live::figures(q.turns);
    nlohmann::json agenda = nlohmann::json::array();
    for (std::size_t i = 0; i < room.agenda.size(); ++i)
        agenda.push_back({{"position", i + 1},
                          {"title", room.agenda[i]},
                          {"current", static_cast<int>(i) == room.current_item}});
    nlohmann::json out = {
        {"id", room.id},
        {"edition", room.edition},
        {"kind", room.kind},
        {"title", room.title},
        {"status", room.status},
        {"opened_at", room.opened_at},
        {"agenda", agenda},
        {"current_item", room.current_item + 1},
        {"speaking", speaking},
        {"waiting", waiting},
        {"my_position", mine ? nlohmann::json(*mine) : nlohmann::json(nullptr)},
        {"ordering", live::ordering_code(q.ordering)},
        {"ordering_label", say("live.ordering." + live::ordering_code(q.ordering))},
        {"limit", q.limit},
        {"limit_text", clock_text(q.limit)},
        {"list_closed", live::list_closed(q, now)},
        {"last_call_left", live::last_call_left(q, now)},
        {"closes_at", q.closes_at},
        {"version", q.version},
        {"figures",
         {{"turns", f.all.turns},
          {"seconds", f.all.seconds},
          {"time", clock_text(f.all.seconds)},
          {"by_group", tallies(f.by_group, group_label)},
          {"by_gender", tallies(f.by_gender, gender_label)},
          {"by_where", tallies(f.by_where, where_label)}}}};
    out["session"] = room.session ? nlohmann::json(*room.session) : nlohmann::json(nullptr);
    return out;
}

}  // namespace convene::web
