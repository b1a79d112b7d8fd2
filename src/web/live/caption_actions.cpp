#include "web/live/caption_actions.hpp"

#include <algorithm>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/live/captions.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/live/captions.hpp"
#include "web/live/room_actions.hpp"
#include "web/site/exchange.hpp"

namespace convene::web {

namespace {

std::optional<std::int64_t> sequence_of(const std::string& typed) {
    if (typed.empty() || typed.size() > 12 ||
        typed.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    auto n = std::stoll(typed);
    if (n < 1) return std::nullopt;
    return n;
}

// An ISO 8601 instant ("2027-06-15T09:30:00Z", with fractions of a second or an offset
// such as "+02:00") as stored UTC text; nullopt when it is none.
std::optional<std::string> utc_of(const std::string& typed) {
    if (typed.size() < 20 || typed.size() > 40) return std::nullopt;
    std::string base = typed.substr(0, 19);
    std::size_t i = 19;
    if (typed[i] == '.') {
        ++i;
        while (i < typed.size() && std::isdigit(static_cast<unsigned char>(typed[i]))) ++i;
    }
    auto zone = typed.substr(i);
    std::chrono::seconds offset{0};
    if (zone != "Z") {
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
            !std::isdigit(static_cast<unsigned char>(zone[1])) ||
            !std::isdigit(static_cast<unsigned char>(zone[2])) ||
            !std::isdigit(static_cast<unsigned char>(zone[4])) ||
            !std::isdigit(static_cast<unsigned char>(zone[5])))
            return std::nullopt;
        auto minutes = std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(4, 2));
        offset = std::chrono::minutes{zone[0] == '+' ? minutes : -minutes};
    }
    auto t = parse_utc(base + "Z");
    if (!t) return std::nullopt;
    return format_utc(*t - offset);
}

void check_language(const std::string& language, FieldErrors& errors) {
    if (!live::is_language_code(language))
        errors.push_back({"language", say("live.captions.language")});
}

}  // namespace

std::string captions_topic(LiveRoomId room, const std::string& language) {
    return "live-captions-" + to_string(room) + "-" + language;
}

CaptionPush caption_push_in_body(const nlohmann::json& body) {
    if (!body.is_object()) throw http::unprocessable({{"body", say("venue.body_not_object")}});
    FieldErrors errors;
    CaptionPush p;
    const auto& seq = body.contains("sequence") ? body["sequence"] : nlohmann::json();
    if (!seq.is_number_integer() || seq.get<std::int64_t>() < 1 ||
        seq.get<std::int64_t>() > 999'999'999'999)
        errors.push_back({"sequence", say("live.captions.sequence")});
    else
        p.sequence = seq.get<std::int64_t>();
    if (body.contains("language") && !body["language"].is_null()) {
        if (!body["language"].is_string())
            errors.push_back({"language", say("live.captions.language")});
        else
            p.language = body["language"].get<std::string>();
    }
    check_language(p.language, errors);
    if (!body.contains("text") || !body["text"].is_string())
        errors.push_back({"text", say("live.captions.text")});
    else
        p.text = body["text"].get<std::string>();
    if (body.contains("timestamp") && !body["timestamp"].is_null()) {
        auto t = body["timestamp"].is_string() ? utc_of(body["timestamp"].get<std::string>())
                                               : std::nullopt;
        if (!t) errors.push_back({"timestamp", say("live.captions.timestamp")});
        p.sent_at = t;
    }
    throw_if_invalid(errors);
    return p;
}

CaptionPush caption_push_in_query(const http::Request& request) {
    FieldErrors errors;
    CaptionPush p;
    if (auto n = sequence_of(request.query_param("seq")))
        p.sequence = *n;
    else
        errors.push_back({"sequence", say("live.captions.sequence")});
    if (auto lang = request.query_param("lang"); !lang.empty()) p.language = lang;
    check_language(p.language, errors);
    p.text = request.body;
    if (auto time = request.query_param("time"); !time.empty()) {
        p.sent_at = utc_of(time);
        if (!p.sent_at) errors.push_back({"timestamp", say("live.captions.timestamp")});
    }
    throw_if_invalid(errors);
    return p;
}

bool may_caption(Exchange& ex, const store::Edition& e, LiveRoomId room) {
    return policy::may_caption(ex.actor(), live_room_facts(ex, e, room));
}

bool may_manage_captions(Exchange& ex, const store::Edition& e, LiveRoomId room) {
    return policy::may_manage_captions(ex.actor(), live_room_facts(ex, e, room));
}

nlohmann::json push_caption(Exchange& ex, const store::LiveRoom& room, const CaptionPush& push) {
    if (room.status != "open") throw http::conflict(say("live.room.closed"));
    auto languages = store::caption_languages(ex.db(), room.id);
    if (std::find(languages.begin(), languages.end(), push.language) == languages.end())
        throw http::unprocessable({{"language", say("live.captions.not_a_room_language")}});
    auto stored = store::store_caption_chunk(ex.db(), room.id, push.language,
                                             {push.sequence, push.text}, ex.now(), push.sent_at);
    const auto& r = stored.result;
    if (!r.refusal.empty()) {
        auto field = r.refusal == "live.captions.sequence" || r.refusal == "live.captions.gap"
                         ? "sequence"
                         : "text";
        throw http::unprocessable({{field, say(r.refusal)}});
    }
    if (stored.taken)
        throw http::conflict(say("live.captions.sequence_taken"),
                             {{"sequence", say("live.captions.sequence_taken_next",
                                               {{"next", std::to_string(stored.next)}})}});
    for (const auto& [sequence, text] : stored.applied)
        ex.publish(captions_topic(room.id, push.language),
                   {{"sequence", sequence}, {"text", text}, {"language", push.language}});
    const char* outcome = r.outcome == live::ChunkOutcome::applied ? "applied"
                          : r.outcome == live::ChunkOutcome::held  ? "held"
                                                                   : "duplicate";
    return {{"acknowledged", push.sequence}, {"applied", r.applied}, {"outcome", outcome}};
}

nlohmann::json captions_after(Exchange& ex, const store::LiveRoom& room, std::string language,
                              const std::string& last) {
    auto languages = store::caption_languages(ex.db(), room.id);
    if (language.empty()) language = languages.front();
    if (std::find(languages.begin(), languages.end(), language) == languages.end())
        throw http::bad_request(say("live.captions.not_a_room_language"),
                                {{"language", say("live.captions.not_a_room_language")}});
    std::int64_t position = 0;
    if (!last.empty()) {
        auto n = last == "0" ? std::optional<std::int64_t>{0} : sequence_of(last);
        if (!n)
            throw http::bad_request(say("live.captions.last"),
                                    {{"last", say("live.captions.last")}});
        position = *n;
    }
    auto chunks =
        store::caption_chunks_after(ex.db(), room.id, language, position, max_pulled_chunks);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [sequence, text] : chunks)
        list.push_back({{"sequence", sequence}, {"text", text}});
    std::int64_t answer_last = position;
    if (!chunks.empty())
        answer_last = chunks.back().first;
    else
        answer_last = std::min(position, store::caption_stream(ex.db(), room.id, language).applied);
    return {
        {"language", language}, {"languages", languages}, {"last", answer_last}, {"chunks", list}};
}

NewToken create_captioner_token(Exchange& ex, const store::LiveRoom& room,
                                const std::string& typed_label, const std::string& typed_days) {
    const auto& account = ex.require_sign_in();
    FieldErrors errors;
    auto label = trim(typed_label);
    if (label.empty() || label.size() > 200 || !is_valid_utf8(label))
        errors.push_back({"label", say("live.captions.token_label")});
    auto days = sequence_of(trim(typed_days).empty() ? "7" : trim(typed_days));
    if (!days || *days > 30) errors.push_back({"days", say("live.captions.token_days")});
    throw_if_invalid(errors);
    if (room.status != "open") throw http::conflict(say("live.room.closed"));
    NewToken t;
    t.token = random_token();
    t.label = label;
    t.expires_at = format_utc(ex.clock() + std::chrono::days{*days});
    t.id = store::add_captioner_token(ex.db(), room.id, token_hash(t.token), label, account.id,
                                      ex.now(), t.expires_at);
    ex.audit("live.captions.token", "live room " + to_string(room.id),
             {{"token", t.id}, {"label", label}});
    return t;
}

void revoke_captioner_token(Exchange& ex, const store::LiveRoom& room, CaptionerTokenId token) {
    if (!store::revoke_captioner_token(ex.db(), room.id, token, ex.now()))
        throw http::not_found(say("live.captions.no_such_token"));
    ex.audit("live.captions.token_revoked", "live room " + to_string(room.id), {{"token", token}});
}

nlohmann::json captioner_tokens_json(Exchange& ex, const store::LiveRoom& room) {
    nlohmann::json out = nlohmann::json::array();
    auto now = ex.now();
    for (const auto& t : store::captioner_tokens(ex.db(), room.id))
        out.push_back(
            {{"id", t.id},
             {"label", t.label},
             {"created_by", t.created_by_name},
             {"created_at", t.created_at},
             {"expires_at", t.expires_at},
             {"revoked_at",
              t.revoked_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.revoked_at)},
             {"valid", t.revoked_at.empty() && t.expires_at > now && room.status == "open"}});
    return out;
}

void set_room_caption_languages(Exchange& ex, const store::LiveRoom& room,
                                const std::vector<std::string>& languages) {
    FieldErrors errors;
    if (languages.empty() || languages.size() > 10)
        errors.push_back({"languages", say("live.captions.languages")});
    for (const auto& l : languages)
        if (!live::is_language_code(l)) {
            errors.push_back({"languages", say("live.captions.languages")});
            break;
        }
    throw_if_invalid(errors);
    store::set_caption_languages(ex.db(), room.id, languages);
    ex.audit("live.captions.languages", "live room " + to_string(room.id),
             {{"languages", languages}});
}

}  // namespace convene::web
