#include "web/live/remote_actions.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"
#include "http/error.hpp"
#include "store/accounts/accounts.hpp"
#include "store/programme/sessions.hpp"
#include "store/programme/timetable.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

std::string text_in(const nlohmann::json& body, const char* name, FieldErrors& errors) {
    if (!body.contains(name) || body[name].is_null()) return "";
    if (!body[name].is_string()) {
        errors.push_back({name, say("venue.not_text")});
        return "";
    }
    return body[name].get<std::string>();
}

void require_object(const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
}

store::OnlineLink checked_link(Exchange& ex, const OnlineLinkInput& input) {
    FieldErrors errors;
    store::OnlineLink link;
    link.url = trim(input.online_link);
    if (!link.url.empty() && !live::valid_meeting_link(link.url))
        errors.push_back({"online_link", say("remote.online_link.invalid")});
    auto moderator = trim(input.moderator);
    if (moderator.size() > 200 || has_control_characters(moderator))
        errors.push_back({"moderator", say("remote.moderator.too_long")});
    else if (moderator.find('@') != std::string::npos) {
        auto found = store::find_account_for_sign_in(ex.db(), moderator);
        if (!found)
            errors.push_back({"moderator", say("live.room.no_account", {{"email", moderator}})});
        else {
            link.moderator = found->first.id;
            link.moderator_name = found->first.name;
        }
    } else
        link.moderator_name = moderator;
    throw_if_invalid(errors);
    return link;
}

void check_hub(const live::Hub& hub, FieldErrors errors) {
    for (auto& problem : live::hub_problems(hub))
        if (std::none_of(errors.begin(), errors.end(),
                         [&](const FieldError& f) { return f.field == problem.field; }))
            errors.push_back(problem);
    throw_if_invalid(errors);
}

live::Hub tidy(live::Hub hub) {
    hub.city = trim(hub.city);
    hub.host = trim(hub.host);
    hub.contact_email = trim(hub.contact_email);
    if (auto c = find_country(trim(hub.country))) hub.country = c->code;
    return hub;
}

std::int64_t typed_expected(const std::string& typed, FieldErrors& errors) {
    auto t = trim(typed);
    if (t.empty() || t.size() > 6 || t.find_first_not_of("0123456789") != std::string::npos) {
        errors.push_back({"expected", say("hub.expected.range")});
        return 0;
    }
    return std::stoll(t);
}

}  // namespace

OnlineLinkInput online_link_in_form(const http::Form& form) {
    return {form.get("online_link"), form.get("moderator")};
}

OnlineLinkInput online_link_in_body(const nlohmann::json& body) {
    require_object(body);
    FieldErrors errors;
    OnlineLinkInput in{text_in(body, "online_link", errors), text_in(body, "moderator", errors)};
    throw_if_invalid(errors);
    return in;
}

void save_session_link(Exchange& ex, const store::Edition& e, SessionId session,
                       const OnlineLinkInput& input) {
    auto link = checked_link(ex, input);
    store::save_session_online_link(ex.db(), e.id, session, link);
    ex.audit("remote.online_link", "session " + to_string(session),
             {{"online_link", link.url}, {"moderator", link.moderator_name}});
}

void save_room_link(Exchange& ex, const store::Edition& e, LiveRoomId room,
                    const OnlineLinkInput& input) {
    auto link = checked_link(ex, input);
    store::save_room_online_link(ex.db(), e.id, room, link);
    ex.audit("remote.online_link", "live room " + to_string(room),
             {{"online_link", link.url}, {"moderator", link.moderator_name}});
}

nlohmann::json online_link_json(const std::optional<store::OnlineLink>& link) {
    if (!link) return {{"online_link", ""}, {"moderator", ""}, {"moderator_name", ""}};
    return {{"online_link", link->url},
            {"moderator", link->moderator ? link->moderator_email : link->moderator_name},
            {"moderator_name", link->moderator_name}};
}

nlohmann::json public_online_view(Exchange& ex, const store::Edition& e,
                                  const std::optional<store::OnlineLink>& link) {
    auto from = store::online_links_from(ex.db(), e.id);
    bool has_url = link && !link->url.empty();
    bool has_moderator = link && !link->moderator_name.empty();
    if (!has_url && !has_moderator && from.empty()) return nullptr;
    bool published = live::online_links_published(from, ex.now());
    nlohmann::json out = {{"published", published && has_url},
                          {"url", published && has_url ? link->url : ""},
                          {"waiting", !published && !from.empty()},
                          {"later", from.empty() && has_url},
                          {"from_utc", from},
                          {"moderator", has_moderator ? link->moderator_name : ""},
                          {"has_moderator", has_moderator}};
    if (!from.empty()) out["from"] = time_view(from, e.time_zone);
    return out;
}

void save_links_from(Exchange& ex, const store::Edition& e, const std::string& typed) {
    std::string from;
    if (!trim(typed).empty()) {
        auto at = live::typed_utc(typed);
        if (!at)
            throw http::unprocessable({{"online_links_from", say("remote.links_from.invalid")}});
        from = *at;
    }
    store::set_online_links_from(ex.db(), e.id, from);
    ex.audit("remote.links_from", "edition " + to_string(e.id), {{"online_links_from", from}});
}

live::Hub hub_in_form(const http::Form& form, FieldErrors& errors) {
    return tidy({form.get("city"), form.get("country"), form.get("host"),
                 typed_expected(form.get("expected"), errors), form.get("contact_email")});
}

live::Hub hub_in_body(const nlohmann::json& body, FieldErrors& errors) {
    require_object(body);
    live::Hub hub{text_in(body, "city", errors), text_in(body, "country", errors),
                  text_in(body, "host", errors), 0, text_in(body, "contact_email", errors)};
    if (!body.contains("expected") || !body["expected"].is_number_integer())
        errors.push_back({"expected", say("hub.expected.range")});
    else
        hub.expected = body["expected"].get<std::int64_t>();
    return tidy(hub);
}

HubId register_hub(Exchange& ex, const store::Edition& e, const live::Hub& hub,
                   const FieldErrors& typing) {
    const auto& account = ex.require_sign_in();
    check_hub(hub, typing);
    auto id = store::add_hub(ex.db(), e.id, account.id, hub, ex.now());
    ex.audit("hub.register", "edition " + to_string(e.id),
             {{"hub", id}, {"name", live::hub_name(hub)}});
    return id;
}

void edit_hub(Exchange& ex, const store::HubRow& row, const live::Hub& hub,
              const FieldErrors& typing) {
    check_hub(hub, typing);
    store::save_hub(ex.db(), row.id, hub);
    ex.audit("hub.edit", "hub " + to_string(row.id), {{"name", live::hub_name(hub)}});
}

store::HubRow hub_in_path(Exchange& ex, const store::Edition& e) {
    auto row = store::hub(ex.db(), e.id, ex.params.id<HubId>("hub"));
    if (!row) throw http::not_found(say("hub.no_such_hub"));
    ex.require(policy::may_edit_hub(ex.actor(), {e.id, row->organiser, false}),
               say("hub.not_yours"));
    return *row;
}

void follow_sessions(Exchange& ex, const store::Edition& e, const store::HubRow& row,
                     const std::vector<std::string>& codes) {
    // The published sessions by their code in lower case, read once.
    auto published = store::published_slots(ex.db(), e.id);
    std::map<std::string, SessionId> by_code;
    for (const auto& [id, code_of] : session_codes(ex, e))
        if (published.count(id)) by_code[ascii_lower(code_of)] = id;
    std::vector<SessionId> chosen;
    for (const auto& code : codes) {
        std::optional<SessionId> found;
        if (auto at = by_code.find(ascii_lower(trim(code))); at != by_code.end())
            found = at->second;
        if (!found)
            throw http::unprocessable(
                {{"sessions", say("hub.sessions.unknown", {{"code", shortened(code, 40)}})}});
        if (std::find(chosen.begin(), chosen.end(), *found) == chosen.end())
            chosen.push_back(*found);
    }
    store::set_hub_sessions(ex.db(), row.id, chosen);
    ex.audit("hub.sessions", "hub " + to_string(row.id), {{"sessions", codes}});
}

std::map<SessionId, std::string> session_codes(Exchange& ex, const store::Edition& e) {
    std::map<SessionId, std::string> out;
    for (const auto& s : store::programme_sessions(ex.db(), e.id)) out[s.id] = s.code;
    return out;
}

nlohmann::json hub_json(const store::HubRow& row, const std::map<SessionId, std::string>& codes) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& s : row.sessions)
        if (auto at = codes.find(s); at != codes.end()) sessions.push_back(at->second);
    auto country = find_country(row.hub.country);
    auto region = live::hub_region(row.hub);
    return {{"id", row.id},
            {"edition", row.edition},
            {"name", live::hub_name(row.hub)},
            {"city", row.hub.city},
            {"country", row.hub.country},
            {"country_name", country ? country->name : row.hub.country},
            {"region", region},
            {"region_label", std::string(regional_group_label(region))},
            {"host", row.hub.host},
            {"expected", row.hub.expected},
            {"contact_email", row.hub.contact_email},
            {"organiser", row.organiser},
            {"organiser_name", row.organiser_name},
            {"sessions", sessions}};
}

nlohmann::json hub_counts_json(const std::vector<store::HubRow>& rows) {
    std::vector<live::Hub> hubs;
    for (const auto& r : rows) hubs.push_back(r.hub);
    auto counts = live::hubs_by_region(hubs);
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& r : counts.regions)
        regions.push_back({{"region", r.region},
                           {"label", r.label},
                           {"hubs", r.hubs},
                           {"participants", r.participants}});
    return {{"regions", regions}, {"hubs", counts.hubs}, {"participants", counts.participants}};
}

std::vector<store::HubRow> relaying_hubs(Exchange& ex, const store::Edition& e,
                                         const store::LiveRoom& room) {
    std::vector<store::HubRow> out;
    const auto& account = ex.account();
    if (!account || !room.session) return out;
    for (auto& h : store::hubs(ex.db(), e.id, account->id))
        if (std::find(h.sessions.begin(), h.sessions.end(), *room.session) != h.sessions.end())
            out.push_back(std::move(h));
    return out;
}

live::Speaker hub_speaker(Exchange& ex, const store::Edition& e, LiveRoomId id, HubId hub,
                          live::Speaker relayed) {
    ex.require_sign_in();
    auto room = store::live_room(ex.db(), e.id, id);
    if (!room) throw http::not_found(say("live.room.no_such_room"));
    auto row = store::hub(ex.db(), e.id, hub);
    bool follows = row && room->session &&
                   std::find(row->sessions.begin(), row->sessions.end(), *room->session) !=
                       row->sessions.end();
    ex.require(row && policy::may_relay_for_hub(ex.actor(), {e.id, row->organiser, follows}),
               say("hub.relay.not_followed"));
    if (!relayed.gender.empty() && !is_choice(genders(), relayed.gender))
        throw http::unprocessable({{"gender", say("live.queue.gender")}});
    relayed.where = live::Where::hub;
    relayed.hub = live::hub_name(row->hub);
    relayed.person = "hub:" + to_string(hub) + ":" + ascii_lower(trim(relayed.name));
    return relayed;
}

}  // namespace convene::web
