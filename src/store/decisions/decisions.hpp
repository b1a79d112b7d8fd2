#pragma once
// The MAG's decisions in the database, each saved over the version its form was opened
// at (two members editing the same decision do not overwrite each other unseen); who
// receives the decision's message; the evaluators' comments it quotes (never their
// names); and whether the edition's results are public.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/decisions/decision.hpp"
#include "database/database.hpp"

namespace convene::store {

struct StoredDecision {
    ProposalId proposal;
    std::int64_t number = 0;
    std::string title, theme;
    Decision decision;
    std::int64_t version = 0;  // 0: no decision yet
    std::string decided_at;
};
// Every decision of the edition, by proposal number.
std::vector<StoredDecision> list_decisions(db::Connection& c, EditionId edition);
StoredDecision load_decision(db::Connection& c, ProposalId proposal);

// Saves over `expected_version` (0 when there was none); the new version, or nullopt
// when somebody saved since.
std::optional<std::int64_t> save_decision(db::Connection& c, EditionId edition, ProposalId proposal,
                                          const Decision& d, std::int64_t expected_version,
                                          std::optional<AccountId> account, const std::string& now);

// For each proposal of the edition: its editors' account e-mails and its organisers'
// e-mails, each once (two queries for the whole edition).
std::map<ProposalId, std::vector<std::string>> decision_recipients(db::Connection& c,
                                                                   EditionId edition);
// For each proposal of the edition: the comments of its submitted evaluations, without
// who wrote them.
std::map<ProposalId, std::vector<std::string>> evaluation_comments(db::Connection& c,
                                                                   EditionId edition);

// When the results were published ("" when not).
std::string results_published_at(db::Connection& c, EditionId edition);
void set_results_published(db::Connection& c, EditionId edition, const std::string& at);

}  // namespace convene::store
