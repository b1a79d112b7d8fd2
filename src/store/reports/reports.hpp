#pragma once
// Session reports (migrations/023): the edition's template and deadlines, each session's
// current short and full report with their versions, every save kept (a stale one too),
// and what the compliance page, the screening rule and the forms read about sessions.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/proposals/proposal.hpp"
#include "core/reports/report.hpp"
#include "database/database.hpp"

namespace convene::store {

reports::ReportSettings report_settings(db::Connection& c, EditionId edition);
void set_report_settings(db::Connection& c, EditionId edition, const reports::ReportSettings& s);

struct SessionReport {
    std::int64_t short_version = 0, full_version = 0;
    reports::ShortReport short_report;
    reports::FullReport full_report;
    std::optional<std::string> short_filed_at, full_filed_at;
    bool short_late = false, full_late = false;
    std::string updated_at;
};
std::optional<SessionReport> session_report(db::Connection& c, SessionId session);

enum class ReportPart { short_report, full_report };
std::string part_name(ReportPart part);  // "short", "full"

struct ReportSave {
    ReportPart part = ReportPart::short_report;
    nlohmann::json content;
    bool file = false;                  // filing (else a draft)
    std::int64_t expected_version = 0;  // the version the form was opened on
    std::optional<AccountId> account;
    std::string author;
    std::string now;
    std::string due;  // the part's deadline, "" when unknown
    // Keep it as a version only, leaving the current text as it is (what was typed over
    // the limits of a report already filed and public).
    bool version_only = false;
};
struct SaveOutcome {
    bool saved = false;         // false: a newer version was there; kept as a conflict
    std::int64_t version = 0;   // the part's version now
    bool late = false;          // this filing came after the deadline
    bool first_filing = false;  // the part was filed now for the first time
};
// Under the row's lock: applies the save when expected_version is the current one, else
// keeps it as a 'conflict' version and changes nothing else.
SaveOutcome save_report(db::Connection& c, EditionId edition, SessionId session,
                        const ReportSave& save);

struct ReportVersion {
    std::int64_t id = 0;
    std::string part, action, author, saved_at;
    std::int64_t number = 0;
    bool late = false;
    nlohmann::json content;
};
std::vector<ReportVersion> report_versions(db::Connection& c, SessionId session);

// A published, not cancelled session of an edition, with when it ends (UTC) and its
// organisers, and where its reports stand.
struct ReportedSession {
    SessionId id;
    std::optional<ProposalId> proposal;
    std::string code, title, session_type;
    std::string end_utc;
    std::vector<ProposalPerson> organisers;
    std::optional<std::string> short_filed_at, full_filed_at;
    bool short_late = false, full_late = false;
};
std::vector<ReportedSession> reported_sessions(db::Connection& c, EditionId edition);

// The roles an account holds in a session: as a person of the session (linked to the
// account, or with the account's confirmed address) and "organiser" as an editor of its
// proposal.
std::vector<std::string> session_roles_of(db::Connection& c, SessionId session, AccountId account);

// What the session's live room heard: the speakers in the order they first spoke, and
// every turn's gender (as stated, else the linked person's). had_queue false: no room.
struct RoomSpeech {
    bool had_queue = false;
    std::vector<std::string> speakers;
    std::vector<reports::QueueTurn> turns;
};
RoomSpeech session_room_speech(db::Connection& c, SessionId session);

// An imported report of a past year, with its page's people.
struct ImportedReport {
    ProposalId proposal;
    int number = 0;
    std::string title, theme, description;
    std::string women_present, gender_discussed, reported_by, summary, conclusions, filed_at;
    std::vector<std::pair<std::string, ProposalPerson>> people;  // role, person
};
std::vector<ImportedReport> imported_reports(db::Connection& c, EditionId edition);
std::optional<ImportedReport> imported_report(db::Connection& c, EditionId edition, int number);

}  // namespace convene::store
