#pragma once
// What every report handler needs about the session at hand: the published session, its
// end and deadlines, the edition's template, who asks (policy::ReportFacts) and the
// report as stored; and the views the session page, the filing page and the API share.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/policy/policy.hpp"
#include "core/reports/report.hpp"
#include "store/editions/editions.hpp"
#include "store/reports/reports.hpp"
#include "web/programme/programme_actions.hpp"

namespace convene::web {

class Exchange;

struct ReportTarget {
    store::Edition edition;
    programme::ListedSession session;
    std::string end_utc;
    reports::ReportSettings settings;
    reports::Deadlines due;
    policy::ReportFacts facts;
    store::SessionReport report;  // empty when nothing was saved yet
    bool saved = false;           // a row exists
};

// The published session of {edition} named by {code}; 404 when there is none.
ReportTarget report_target(Exchange& ex);
// The same for a session of an already read programme.
ReportTarget report_target(Exchange& ex, const PublicProgramme& p,
                           const programme::ListedSession& s);
// The report's address: "/editions/7/programme/WS1/report".
std::string report_url(const ReportTarget& t, const std::string& rest = "");

// "filed", "late", "missing" or "due", for each part.
std::string short_status(const ReportTarget& t, const std::string& now);
std::string full_status(const ReportTarget& t, const std::string& now);

// The speaking queue's figures for the card, null when the session had no live room.
nlohmann::json queue_figures_view(const store::RoomSpeech& speech);

// The filed parts as the public reads them (the session page and the API): key messages,
// the template's fields (Markdown made safe HTML), the speakers, the gender report card
// with the queue's figures beside it, who reported and when, late marks. Null when
// nothing is filed.
nlohmann::json published_report_view(Exchange& ex, const ReportTarget& t);

// The API's document of the report: deadlines, each part's status and version, the
// content of filed parts (and of drafts for those who may read them), the versions.
nlohmann::json report_json(Exchange& ex, const ReportTarget& t);

}  // namespace convene::web
