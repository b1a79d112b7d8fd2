// The archive under /api/v1: an edition's transcripts, one transcript whole, and adding
// one. The file travels as the body (text/plain, with ?session= and ?file_name=), as
// JSON ({"text", "session", "file_name"}) or as a form with a file; the same bytes sent
// twice are stored once (200 with "existed": true; 201 when stored).
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/transcripts/handlers.hpp"
#include "web/transcripts/transcript_actions.hpp"

namespace convene::web {

http::Response api_transcripts(Exchange& ex) {
    auto e = edition_in_path(ex);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : store::edition_transcripts(ex.db(), e.id))
        list.push_back(transcript_summary_json(e, s));
    return http::Response::json({{"edition", e.id}, {"transcripts", list}});
}

http::Response api_transcript(Exchange& ex) {
    auto e = edition_in_path(ex);
    return http::Response::json(transcript_json(e, transcript_in_path(ex, e)));
}

http::Response api_transcript_add(Exchange& ex) {
    auto e = managed_edition(ex);
    auto type = ex.request.header("content-type");
    AddedTranscript added;
    if (type.rfind("text/plain", 0) == 0) {
        added = add_transcript_bytes(ex, e, "body", ex.request.body,
                                     ex.request.query_param("file_name"),
                                     ex.request.query_param("session"));
    } else {
        const auto& form = ex.form();
        const http::UploadedFile* file = nullptr;
        for (const auto& f : form.files)
            if (f.field == "file") file = &f;
        if (file)
            added = add_transcript_bytes(ex, e, "file", file->content, file->filename,
                                         form.get("session"));
        else if (form.has("text"))
            added = add_transcript_bytes(ex, e, "text", form.get("text"), form.get("file_name"),
                                         form.get("session"));
        else
            throw http::unprocessable({{"text", say("transcripts.file_or_text")}});
    }
    auto found = store::find_transcript(ex.db(), added.known.edition, added.known.id);
    if (!found) throw http::not_found(say("transcripts.no_such_transcript"));
    auto edition =
        added.known.edition == e.id ? e : *store::find_edition(ex.db(), added.known.edition);
    auto body = transcript_summary_json(edition, found->summary);
    body["existed"] = added.known.existed;
    auto r = http::Response::json(body, added.known.existed ? 200 : 201);
    r.set_header("location", transcript_url(added.known.edition, added.known.id));
    return r;
}

}  // namespace convene::web
