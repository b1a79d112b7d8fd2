// The speakers under /api/v1, for the Secretariat: every label of the edition's
// transcripts (?scope=all: of every edition's) with the suggestions; links, as JSON:
// {"labels": [...], "person": ID} or {"labels": [...], "new_person": {"name",
// "stakeholder_group", "gender", "country"}} for every transcript, {"transcript": ID,
// "speaker": ID, "person" or "new_person"} for one speaker of one transcript (a role); and
// unlinks, {"labels": [...]} or {"transcript", "speaker"}. A member of the wrong type is
// a 422 naming it.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"
#include "http/form.hpp"
#include "web/site/exchange.hpp"
#include "web/transcripts/speaker_actions.hpp"
#include "web/transcripts/speaker_handlers.hpp"

namespace convene::web {

namespace {

constexpr std::size_t suggestions_listed = 100;

nlohmann::json body_object(Exchange& ex) {
    auto body = http::parse_json_body(ex.request);
    if (!body.is_object()) throw http::bad_request(say("transcripts.speakers.body_not_object"));
    return body;
}

// A number, or a whole number written as text, as the text the forms send.
std::string id_text(const nlohmann::json& body, const std::string& field) {
    if (!body.contains(field) || body[field].is_null()) return "";
    const auto& v = body[field];
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
        return std::to_string(v.get<std::int64_t>());
    if (v.is_string())
        return v.get<std::string>().empty() ? std::string("-") : v.get<std::string>();
    throw http::unprocessable({{field, say("transcripts.speakers.not_a_number")}});
}

std::vector<std::string> labels_of(const nlohmann::json& body) {
    std::vector<std::string> out;
    if (body.contains("label") && !body["label"].is_null()) {
        if (!body["label"].is_string())
            throw http::unprocessable({{"label", say("transcripts.speakers.labels_not_texts")}});
        out.push_back(body["label"].get<std::string>());
    }
    if (body.contains("labels") && !body["labels"].is_null()) {
        if (!body["labels"].is_array())
            throw http::unprocessable({{"labels", say("transcripts.speakers.labels_not_texts")}});
        for (const auto& l : body["labels"]) {
            if (!l.is_string())
                throw http::unprocessable(
                    {{"labels", say("transcripts.speakers.labels_not_texts")}});
            out.push_back(l.get<std::string>());
        }
        if (body["labels"].empty())
            throw http::unprocessable({{"labels", say("transcripts.speakers.no_label")}});
    }
    return out;
}

std::optional<PersonDraft> new_person_of(const nlohmann::json& body) {
    if (!body.contains("new_person") || body["new_person"].is_null()) return std::nullopt;
    const auto& j = body["new_person"];
    if (!j.is_object())
        throw http::unprocessable({{"new_person", say("transcripts.speakers.new_person_object")}});
    PersonDraft p;
    for (auto [field, target] : {std::pair{"name", &p.name},
                                 {"stakeholder_group", &p.stakeholder_group},
                                 {"gender", &p.gender},
                                 {"country", &p.country}}) {
        if (!j.contains(field) || j[field].is_null()) continue;
        if (!j[field].is_string())
            throw http::unprocessable(
                {{std::string("new_person.") + field, say("transcripts.speakers.not_a_text")}});
        *target = trim(j[field].get<std::string>());
    }
    return p;
}

}  // namespace

http::Response api_speakers(Exchange& ex) {
    auto e = managed_edition(ex);
    auto edition = speakers_scope(ex, e, ex.request.query_param("scope"));
    auto labels = store::speaker_labels(ex.db(), edition);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& l : labels) list.push_back(speaker_label_json(l));
    return http::Response::json(
        {{"edition", e.id.value()},
         {"scope", edition ? "edition" : "all"},
         {"labels", list},
         {"suggestions",
          suggestions_json(labels, store::people_names(ex.db()), suggestions_listed)}});
}

http::Response api_speakers_link(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = body_object(ex);
    LinkAsked asked;
    asked.labels = labels_of(body);
    asked.transcript = id_text(body, "transcript");
    asked.speaker = id_text(body, "speaker");
    asked.person = id_text(body, "person");
    asked.new_person = new_person_of(body);
    auto linked = link_speakers(ex, e, asked, "new_person.");
    nlohmann::json out = {{"person",
                           {{"id", linked.person.value()},
                            {"name", linked.person_name},
                            {"created", linked.created}}},
                          {"labels", linked.keys}};
    if (!asked.transcript.empty())
        out.update(
            {{"transcript", std::stoll(asked.transcript)}, {"speaker", std::stoll(asked.speaker)}});
    return http::Response::json(out, linked.created ? 201 : 200);
}

http::Response api_speakers_unlink(Exchange& ex) {
    auto e = managed_edition(ex);
    auto body = body_object(ex);
    UnlinkAsked asked;
    asked.labels = labels_of(body);
    asked.transcript = id_text(body, "transcript");
    asked.speaker = id_text(body, "speaker");
    auto undone = unlink_speakers(ex, e, asked);
    return http::Response::json({{"unlinked", undone}});
}

}  // namespace convene::web
