#pragma once
// Published messages of the year for a past edition of the demo forum: per theme that has
// sessions, a converging message and a diverging one (with positions and the stakeholder
// groups that held them) citing the theme's sessions, a closed comment period with
// comments handled by the MAG and one hidden as abuse, and the publication. Written by
// the store's functions, inside the caller's transaction. Not yet called by
// load_demo_forum: the edition to give it is the demo's past edition.
#include <string>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

struct DemoMessagesCount {
    int messages = 0, comments = 0;
};
// `drafter` writes the messages (a MAG member of the edition), `secretariat` hides one
// comment and publishes; the period closed and the publication are days before `now`.
// `now` is UTC ("2027-06-01T10:00:00Z"). The edition's sessions not cancelled are cited;
// an edition without sessions gets none.
DemoMessagesCount add_demo_messages(db::Connection& c, EditionId edition, AccountId drafter,
                                    AccountId secretariat, const std::string& now);

}  // namespace convene::store
