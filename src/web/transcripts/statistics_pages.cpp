// Who speaks at the forum, for anyone: an edition's transcripts together, and each
// transcript alone, as charts with their tables (no script needed), and the same figures
// under /api/v1. Counted when asked, so a label linked a moment ago counts at once.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "store/transcripts/statistics.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/transcripts/speaker_handlers.hpp"
#include "web/transcripts/statistics_view.hpp"
#include "web/transcripts/transcript_actions.hpp"

namespace convene::web {

namespace {

transcripts::Statistics statistics_of(Exchange& ex, EditionId edition,
                                      std::optional<TranscriptId> transcript) {
    auto figures = store::speaker_figures(ex.db(), edition, transcript);
    return transcripts::speaker_statistics(figures.transcripts, figures.speakers);
}

std::string heading_of(const store::TranscriptSummary& s) {
    return s.title.empty() ? say("transcripts.untitled", {{"id", to_string(s.id)}}) : s.title;
}

}  // namespace

http::Response edition_statistics_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto view = statistics_view(statistics_of(ex, e.id, std::nullopt), "edition");
    view["title"] = say("page.transcripts.statistics.edition", {{"edition", e.name}});
    view["edition"] = edition_view(e);
    view["heading"] = say("transcripts.statistics.edition_heading", {{"edition", e.name}});
    view["of_edition"] = true;
    view["archive_url"] = edition_url(e, "/transcripts");
    if (policy::may_manage_edition(ex.actor(), e.id))
        view["speakers_url"] = edition_url(e, "/transcripts/speakers");
    return ex.page("transcripts/statistics", view);
}

http::Response transcript_statistics_page(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto t = transcript_in_path(ex, e);
    auto view = statistics_view(statistics_of(ex, e.id, t.summary.id), "transcript");
    auto heading = heading_of(t.summary);
    view["title"] =
        say("page.transcripts.statistics.transcript", {{"title", heading}, {"edition", e.name}});
    view["edition"] = edition_view(e);
    view["heading"] = say("transcripts.statistics.transcript_heading", {{"title", heading}});
    view["of_edition"] = false;
    view["archive_url"] = edition_url(e, "/transcripts");
    view["transcript_url"] = transcript_url(e.id, t.summary.id);
    view["transcript_title"] = heading;
    view["edition_statistics_url"] = edition_url(e, "/transcripts/statistics");
    if (policy::may_manage_edition(ex.actor(), e.id))
        view["speakers_url"] = edition_url(e, "/transcripts/speakers");
    return ex.page("transcripts/statistics", view);
}

http::Response api_edition_statistics(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto out = statistics_json(statistics_of(ex, e.id, std::nullopt));
    out["edition"] = e.id.value();
    out["transcript"] = nullptr;
    return http::Response::json(out);
}

http::Response api_transcript_statistics(Exchange& ex) {
    auto e = edition_in_path(ex);
    auto t = transcript_in_path(ex, e);
    auto out = statistics_json(statistics_of(ex, e.id, t.summary.id));
    out["edition"] = e.id.value();
    out["transcript"] = t.summary.id.value();
    return http::Response::json(out);
}

}  // namespace convene::web
