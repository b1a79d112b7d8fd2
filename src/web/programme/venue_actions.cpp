#include "web/programme/venue_actions.hpp"

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::vector<std::string> language_codes(const std::string& typed) {
    std::vector<std::string> out;
    for (auto& code : split_items(ascii_lower(typed), ", ;/")) out.push_back(trim(code));
    return out;
}

// Problems of the room beyond its shape; the save names the rest (a name taken, a
// version gone).
void check(const store::Edition& e, programme::VenueRoom& room) {
    throw_if_invalid(programme::check_room(room, e.start_date, e.end_date));
}

}  // namespace

std::string features_words(const programme::VenueRoom& room) {
    std::string out;
    for (const auto& f : room.features)
        out += (out.empty() ? "" : ", ") + say("venue.feature." + f);
    if (!room.languages.empty()) {
        std::string languages;
        for (const auto& l : room.languages) languages += (languages.empty() ? "" : ", ") + l;
        out += (out.empty() ? "" : "; ") + say("venue.languages", {{"languages", languages}});
    }
    return out;
}

programme::VenueRoom room_in_form(const http::Form& form, FieldErrors& errors) {
    programme::VenueRoom room;
    room.name = form.get("name");
    room.capacity = typed_whole_number(form.get("capacity"), "capacity", 0, errors);
    room.turnover = typed_whole_number(form.get("turnover"), "turnover", 15, errors);
    for (const auto& f : programme::room_features())
        if (form.has("feature_" + f)) room.features.push_back(f);
    room.languages = language_codes(form.get("languages"));
    room.windows = programme::windows_from_text(form.get("windows"), errors);
    return room;
}

programme::VenueRoom room_in_body(const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    programme::VenueRoom room;
    FieldErrors errors;
    auto text = [&](const char* name) {
        if (!body.contains(name) || body[name].is_null()) return std::string();
        if (!body[name].is_string()) errors.push_back({name, say("venue.not_text")});
        return body[name].is_string() ? body[name].get<std::string>() : std::string();
    };
    auto number = [&](const char* name, int fallback) {
        if (!body.contains(name) || body[name].is_null()) return fallback;
        if (!body[name].is_number_integer() || body[name].get<long long>() < -1000000 ||
            body[name].get<long long>() > 1000000) {
            errors.push_back({name, say("venue.room.whole_number")});
            return fallback;
        }
        return body[name].get<int>();
    };
    auto texts = [&](const char* name) {
        std::vector<std::string> out;
        if (!body.contains(name) || body[name].is_null()) return out;
        if (!body[name].is_array())
            errors.push_back({name, say("venue.not_text_list")});
        else
            for (std::size_t i = 0; i < body[name].size(); ++i) {
                if (body[name][i].is_string())
                    out.push_back(body[name][i].get<std::string>());
                else
                    errors.push_back(
                        {std::string(name) + "[" + std::to_string(i) + "]", say("venue.not_text")});
            }
        return out;
    };
    room.name = text("name");
    room.capacity = number("capacity", 0);
    room.turnover = number("turnover", 15);
    room.features = texts("features");
    room.languages = texts("languages");
    if (body.contains("windows") && !body["windows"].is_null()) {
        const auto& ws = body["windows"];
        if (!ws.is_array())
            errors.push_back({"windows", say("venue.windows_not_list")});
        else
            for (std::size_t i = 0; i < ws.size(); ++i) {
                const auto& w = ws[i];
                if (!w.is_object() || !w.contains("start") || !w.contains("end") ||
                    !w["start"].is_string() || !w["end"].is_string())
                    errors.push_back(
                        {"windows[" + std::to_string(i) + "]", say("venue.window.start_and_end")});
                else
                    room.windows.push_back({w["start"], w["end"]});
            }
    }
    throw_if_invalid(errors);
    return room;
}

RoomId add_room(Exchange& ex, const store::Edition& e, programme::VenueRoom room) {
    check(e, room);
    try {
        db::Savepoint attempt(ex.db());
        auto id = store::add_venue_room(ex.db(), e.id, room);
        attempt.release();
        ex.audit("venue.room.add", "edition " + to_string(e.id),
                 {{"room", id}, {"name", room.name}});
        return id;
    } catch (const db::Error& err) {
        if (err.kind() != db::Error::Kind::unique_violation) throw;
        throw http::conflict(say("venue.room.name_taken", {{"name", room.name}}),
                             {{"name", say("venue.room.name_taken", {{"name", room.name}})}});
    }
}

void save_room(Exchange& ex, const store::Edition& e, RoomId id, programme::VenueRoom room,
               std::int64_t expected_version) {
    check(e, room);
    bool saved = false;
    try {
        db::Savepoint attempt(ex.db());
        saved = store::save_venue_room(ex.db(), id, room, expected_version);
        attempt.release();
    } catch (const db::Error& err) {
        if (err.kind() != db::Error::Kind::unique_violation) throw;
        throw http::conflict(say("venue.room.name_taken", {{"name", room.name}}),
                             {{"name", say("venue.room.name_taken", {{"name", room.name}})}});
    }
    if (!saved) throw http::conflict(say("venue.room.changed_since"));
    ex.audit("venue.room.save", "room " + to_string(id),
             {{"name", room.name}, {"version", expected_version + 1}});
}

store::StoredRoom room_in_path(Exchange& ex, const store::Edition& e) {
    auto room = store::venue_room(ex.db(), e.id, ex.params.id<RoomId>("room"));
    if (!room) throw http::not_found(say("venue.no_such_room"));
    return *room;
}

nlohmann::json room_json(const store::StoredRoom& r) {
    nlohmann::json windows = nlohmann::json::array();
    for (const auto& w : r.room.windows) windows.push_back({{"start", w.start}, {"end", w.end}});
    return {{"id", r.id},
            {"name", r.room.name},
            {"capacity", r.room.capacity},
            {"features", r.room.features},
            {"languages", r.room.languages},
            {"turnover", r.room.turnover},
            {"windows", windows},
            {"version", r.version}};
}

}  // namespace convene::web
