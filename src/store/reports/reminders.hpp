#pragma once
// Reminders about session reports (migrations/027): who is reminded (the rapporteurs and
// organisers of each published session, by their address), which reminders were sent,
// and the claim that makes each one go once (a unique row, inserted in the transaction
// that queues the message). Also what the reports' statistics read: the gender report
// cards of the filed full reports.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/reports/reminders.hpp"
#include "database/database.hpp"

namespace convene::store {

struct ReportAddressee {
    std::string name, email;
};
// The rapporteurs and organisers with an address (theirs, else their account's) of the
// published sessions of an edition, on the session or its proposal (not those who
// declined), each address once per session.
std::map<SessionId, std::vector<ReportAddressee>> report_addressees(db::Connection& c,
                                                                    EditionId edition);

// The editions with a published, not cancelled session.
std::vector<EditionId> editions_with_published_sessions(db::Connection& c);

// The keys (reports::reminder_key) of the reminders sent for an edition's sessions.
std::set<std::string> sent_reminder_keys(db::Connection& c, EditionId edition);
// How many reminders were sent per session.
std::map<SessionId, int> reminders_per_session(db::Connection& c, EditionId edition);

// Records the reminder unless it was recorded (by this run or another node); true when it
// was recorded now and the caller, in the same transaction, queues its message.
bool claim_reminder(db::Connection& c, EditionId edition, SessionId session,
                    const reports::DueReminder& r, const std::string& email,
                    const std::string& now);

// The gender report card of each filed full report of an edition.
struct FiledCard {
    SessionId session;
    std::string women_present, gender_discussed;
};
std::vector<FiledCard> filed_report_cards(db::Connection& c, EditionId edition);

}  // namespace convene::store
