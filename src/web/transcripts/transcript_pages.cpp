// The archive's pages: an edition's transcripts (with the Secretariat's form that adds
// one: a file, or text pasted; a refusal keeps what was pasted), and each transcript:
// its turns with anchors (#turn-12), a speaker's turns alone (?speaker=ID), stage
// directions set apart, what could not be read (for the Secretariat), and downloads.
#include <chrono>
#include <cstdio>

#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/transcripts/formats.hpp"
#include "http/error.hpp"
#include "store/programme/sessions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/transcripts/handlers.hpp"
#include "web/transcripts/transcript_actions.hpp"

namespace convene::web {

namespace {

http::Response archive_with(Exchange& ex, const store::Edition& e, const http::Form* typed,
                            const FieldErrors& errors, int status) {
    auto value = [&](const char* name) { return typed ? typed->get(name) : std::string(); };
    nlohmann::json transcripts = nlohmann::json::array();
    for (const auto& s : store::edition_transcripts(ex.db(), e.id)) {
        auto j = transcript_summary_json(e, s);
        j["heading"] =
            s.title.empty() ? say("transcripts.untitled", {{"id", to_string(s.id)}}) : s.title;
        j["source_label"] = say("transcripts.source." + s.source);
        if (s.session) j["session_url"] = edition_url(e, "/programme/" + s.session_code);
        transcripts.push_back(std::move(j));
    }
    bool manages = policy::may_manage_edition(ex.actor(), e.id);
    nlohmann::json view = {{"title", say("page.transcripts.archive.title", {{"edition", e.name}})},
                           {"edition", edition_view(e)},
                           {"transcripts", transcripts},
                           {"has_transcripts", !transcripts.empty()},
                           {"manages", manages},
                           {"errors", error_summary(errors)},
                           {"has_errors", !errors.empty()}};
    if (manages) {
        nlohmann::json sessions = nlohmann::json::array();
        sessions.push_back(
            {{"value", ""}, {"label", say("transcripts.field.no_session")}, {"selected", true}});
        for (const auto& s : store::programme_sessions(ex.db(), e.id)) {
            bool chosen = value("session") == to_string(s.id) || value("session") == s.code;
            if (chosen) sessions[0]["selected"] = false;
            sessions.push_back({{"value", to_string(s.id)},
                                {"label", s.code + " " + s.title},
                                {"selected", chosen}});
        }
        auto session = field_view("session", say("transcripts.field.session"), value("session"),
                                  errors, "select", false, say("transcripts.field.session_hint"));
        session["options"] = sessions;
        view["form"] = {
            {"session", session},
            {"file", field_view("file", say("transcripts.field.file"), "", errors, "file", false,
                                say("transcripts.field.file_hint"))},
            {"text", field_view("text", say("transcripts.field.text"), value("text"), errors,
                                "textarea", false, say("transcripts.field.text_hint"))}};
    }
    return ex.page("transcripts/archive", view, status);
}

// "01:02:03" from the first turn's start.
std::string offset_text(const std::string& start, const std::string& origin) {
    auto at = parse_utc(start), from = parse_utc(origin);
    if (!at || !from) return "";
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*at - *from).count();
    if (seconds < 0) seconds = 0;
    char out[32];
    std::snprintf(out, sizeof out, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    return out;
}

// A paragraph as pieces of speech and of directions ("(pause)") inside it.
nlohmann::json pieces(const std::string& paragraph, const std::vector<std::string>& directions) {
    nlohmann::json out = nlohmann::json::array();
    std::size_t at = 0;
    for (const auto& d : directions) {
        auto found = paragraph.find(d, at);
        if (found == std::string::npos) continue;
        if (found > at)
            out.push_back({{"text", paragraph.substr(at, found - at)}, {"direction", false}});
        out.push_back({{"text", d}, {"direction", true}});
        at = found + d.size();
    }
    if (at < paragraph.size())
        out.push_back({{"text", paragraph.substr(at)}, {"direction", false}});
    return out;
}

nlohmann::json turn_views(const store::StoredTranscript& t, std::optional<std::size_t> only,
                          const std::string& page_url) {
    const auto& turns = t.transcript.turns;
    const auto& directions = t.transcript.directions;
    std::string origin = turns.empty() ? "" : turns.front().started_at;
    nlohmann::json out = nlohmann::json::array();
    std::size_t next = 0;  // directions are in the order of the text
    for (std::size_t i = 0; i < turns.size(); ++i) {
        while (next < directions.size() && (!directions[next].turn || *directions[next].turn < i))
            ++next;
        auto first = next;
        while (next < directions.size() && directions[next].turn == i) ++next;
        if (only && t.turn_speakers[i] != only) continue;
        const auto& turn = turns[i];
        auto paragraphs = split_items(turn.text, "", false);
        nlohmann::json blocks = nlohmann::json::array();
        auto standalone = [&](std::size_t p, bool after) {
            for (auto d = first; d < next; ++d)
                if (!directions[d].within_text &&
                    (after ? directions[d].paragraph >= p : directions[d].paragraph == p))
                    blocks.push_back({{"direction", directions[d].text}});
        };
        for (std::size_t p = 0; p < paragraphs.size(); ++p) {
            standalone(p, false);
            std::vector<std::string> within;
            for (auto d = first; d < next; ++d)
                if (directions[d].within_text && directions[d].paragraph == p)
                    within.push_back(directions[d].text);
            blocks.push_back({{"paragraph", true}, {"pieces", pieces(paragraphs[p], within)}});
        }
        standalone(paragraphs.size(), true);
        auto speaker = t.turn_speakers[i];
        nlohmann::json view = {
            {"number", i + 1},
            {"speaker", turn.speaker ? nlohmann::json(*turn.speaker) : nullptr},
            {"blocks", blocks},
            {"at", offset_text(turn.started_at, origin)},
            {"in_context", only ? page_url + "#turn-" + std::to_string(i + 1) : std::string()}};
        if (speaker && !only)
            view["speaker_url"] =
                page_url + "?speaker=" + std::to_string(t.speakers[*speaker].id) + "#turns";
        out.push_back(std::move(view));
    }
    return out;
}

nlohmann::json speaker_views(const store::StoredTranscript& t, const std::string& page_url) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t s = 0; s < t.speakers.size(); ++s) {
        const auto& sp = t.speakers[s];
        std::size_t first = 0;
        while (first < t.turn_speakers.size() && t.turn_speakers[first] != s) ++first;
        out.push_back({{"label", sp.label},
                       {"role", sp.role.empty() ? "" : say("transcripts.role." + sp.role)},
                       {"turns", sp.turns},
                       {"words", sp.words},
                       {"minutes", sp.seconds ? decimal_text(sp.seconds / 60.0) : ""},
                       {"person", sp.person_name},
                       {"first_url", "#turn-" + std::to_string(first + 1)},
                       {"only_url", page_url + "?speaker=" + std::to_string(sp.id) + "#turns"}});
    }
    return out;
}

// How many more there are than listed, "" when none (a page shows no "0 more").
std::string more(std::size_t total, std::size_t listed) {
    return total > listed ? std::to_string(total - listed) : "";
}

http::Response download(std::string body, const std::string& type, const std::string& file) {
    auto r = http::Response::text(std::move(body));
    r.content_type = type;
    r.set_header("content-disposition", "attachment; filename=\"" + file + "\"");
    return r;
}

}  // namespace

http::Response transcripts_page(Exchange& ex) {
    return archive_with(ex, edition_in_path(ex), nullptr, {}, 200);
}

http::Response transcript_add(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    const http::UploadedFile* file = nullptr;
    for (const auto& f : form.files)
        if (f.field == "file") file = &f;
    auto text = form.get("text");
    try {
        if (file && !trim(text).empty())
            throw http::unprocessable({{"text", say("transcripts.file_and_text")}});
        if (!file && trim(text).empty())
            throw http::unprocessable({{"file", say("transcripts.file_or_text")}});
        auto added = file ? add_transcript_bytes(ex, e, "file", file->content, file->filename,
                                                 form.get("session"))
                          : add_transcript_bytes(ex, e, "text", text, "", form.get("session"));
        return http::Response::redirect(transcript_url(
            added.known.edition, added.known.id, added.known.existed ? "?existed=1" : "?added=1"));
    } catch (const http::Error& error) {
        if (error.status() != 422) throw;
        return archive_with(ex, e, &form, error.fields(), 422);
    }
}

http::Response transcript_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto t = transcript_in_path(ex, e);
    const auto& s = t.summary;
    auto page_url = transcript_url(e.id, s.id);
    std::optional<std::size_t> only;
    nlohmann::json only_speaker = nullptr;
    if (auto wanted = ex.request.query_param("speaker"); !wanted.empty()) {
        for (std::size_t i = 0; i < t.speakers.size(); ++i)
            if (std::to_string(t.speakers[i].id) == wanted) only = i;
        if (!only) throw http::not_found(say("transcripts.no_such_speaker"));
        only_speaker = {{"label", t.speakers[*only].label}, {"turns", t.speakers[*only].turns}};
    }
    nlohmann::json before = nlohmann::json::array();
    for (const auto& d : t.transcript.directions)
        if (!d.turn) before.push_back({{"direction", d.text}});
    bool manages = policy::may_manage_edition(ex.actor(), e.id);
    auto heading =
        s.title.empty() ? say("transcripts.untitled", {{"id", to_string(s.id)}}) : s.title;
    auto summary = transcript_summary_json(e, s);
    auto read = transcripts::to_json(t.transcript);
    nlohmann::json view = {
        {"title",
         say("page.transcripts.transcript.title", {{"title", heading}, {"edition", e.name}})},
        {"edition", edition_view(e)},
        {"heading", heading},
        {"summary", summary},
        {"page_url", page_url},
        {"session_url", s.session ? edition_url(e, "/programme/" + s.session_code) : ""},
        {"live_room_url",
         s.live_room ? edition_url(e, "/live-rooms/" + to_string(*s.live_room)) : ""},
        {"source_label", say("transcripts.source." + s.source)},
        {"disclaimer", s.disclaimer},
        {"added_time", time_view(s.added_at, e.time_zone)},
        {"speakers", speaker_views(t, page_url)},
        {"has_speakers", !t.speakers.empty()},
        {"only_speaker", only_speaker},
        {"before", before},
        {"turns", turn_views(t, only, page_url)},
        {"manages", manages},
        {"added", ex.request.query_param("added") == "1"},
        {"existed", ex.request.query_param("existed") == "1"},
        {"problems", manages && (!t.transcript.unread.empty() || !t.transcript.bad_bytes.empty())},
        {"unread", read["unread"]},
        {"has_unread", !t.transcript.unread.empty()},
        {"bad_bytes", read["bad_bytes"]},
        {"has_bad_bytes", !t.transcript.bad_bytes.empty()},
        {"unread_more", more(t.transcript.unread_total, t.transcript.unread.size())},
        {"bad_bytes_more", more(t.transcript.bad_bytes_total, t.transcript.bad_bytes.size())}};
    return ex.page("transcripts/transcript", view);
}

http::Response transcript_text(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto t = transcript_in_path(ex, e);
    return download(transcripts::seed_text(t.transcript), "text/plain; charset=utf-8",
                    "transcript-" + to_string(t.summary.id) + ".txt");
}

http::Response transcript_json_file(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto t = transcript_in_path(ex, e);
    return download(transcript_json(e, t).dump(2) + "\n", "application/json",
                    "transcript-" + to_string(t.summary.id) + ".json");
}

http::Response transcript_webvtt(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto t = transcript_in_path(ex, e);
    auto vtt = transcripts::webvtt(t.transcript);
    if (vtt.empty()) throw http::not_found(say("transcripts.no_times"));
    return download(std::move(vtt), "text/vtt; charset=utf-8",
                    "transcript-" + to_string(t.summary.id) + ".vtt");
}

}  // namespace convene::web
