#pragma once
// A participant's own sessions, for the personal agenda: those they speak, moderate or
// organise in, found through the people records linked to their account (a proposal's
// people or a created session's) and the proposals they edit as organisers.
#include <map>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "database/database.hpp"

namespace convene::store {

// Each session of the edition the account has a part in, with its roles ("speaker",
// "organiser", ...), each role once, in the order first found.
std::map<SessionId, std::vector<std::string>> own_sessions(db::Connection& c, AccountId account,
                                                           EditionId edition);

}  // namespace convene::store
