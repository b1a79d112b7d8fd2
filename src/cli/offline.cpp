#include "cli/offline.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "core/common/clock.hpp"
#include "core/common/field_error.hpp"
#include "core/common/json_input.hpp"
#include "core/common/messages.hpp"
#include "core/evaluation/assignment.hpp"
#include "core/programme/generator.hpp"
#include "core/programme/instance_json.hpp"
#include "core/programme/solver.hpp"
#include "core/proposals/workshop_page.hpp"
#include "core/screening/screening.hpp"
#include "core/selection/selection.hpp"
#include "database/migrations.hpp"
#include "store/proposals/imports.hpp"

namespace convene::cli {

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(say("cli.file.unreadable", {{"path", path}}));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Instances of 10,000 proposals are a few MiB; a file above this is not one of ours.
constexpr std::size_t max_json_file_bytes = std::size_t{1} << 30;

nlohmann::json read_json(const std::string& path) {
    auto text = read_file(path);
    if (text.size() > max_json_file_bytes)
        throw std::runtime_error(say("cli.file.too_large", {{"path", path}}));
    try {
        return parse_json_input(text);
    } catch (const JsonInputError& e) {
        throw std::runtime_error(
            e.field().empty() ? say("cli.file.error", {{"path", path}, {"error", e.what()}})
                              : say("cli.file.error_at",
                                    {{"path", path}, {"error", e.what()}, {"field", e.field()}}));
    }
}

void write_json(const nlohmann::json& j, const std::string& out_file) {
    auto text = j.dump(2) + "\n";
    if (out_file.empty() || out_file == "-") {
        std::cout << text;
        return;
    }
    std::ofstream out(out_file, std::ios::binary);
    if (!(out << text)) throw std::runtime_error(say("cli.file.unwritable", {{"path", out_file}}));
}

// Reads an instance with `parse`, naming the file in its errors.
template <typename Parse>
auto read_instance(const std::string& in_file, Parse parse) {
    try {
        return parse(read_json(in_file));
    } catch (const InputError& e) {
        throw std::runtime_error(in_file + ": " + (e.field().empty() ? "" : e.field() + ": ") +
                                 e.message());
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(in_file + ": " + e.what());
    }
}

}  // namespace

int assign(const std::string& in_file, const std::string& out_file, bool whole) {
    auto instance = read_instance(in_file, assignment_instance_from_json);
    write_json(to_json(convene::assign(instance, restricted_solve_from,
                                       whole ? Parts::whole : Parts::apart)),
               out_file);
    return 0;
}

int select(const std::string& in_file, const std::string& out_file) {
    auto instance = read_instance(in_file, selection_instance_from_json);
    auto result = select_proposals(instance);
    write_json(to_json(result), out_file);
    if (!result.feasible) {
        std::cerr << (out_file.empty() || out_file == "-"
                          ? say("cli.select.infeasible")
                          : say("cli.select.infeasible_in", {{"path", out_file}}))
                  << "\n";
        return 2;
    }
    return 0;
}

int schedule(const ScheduleArgs& args) {
    using namespace programme;
    if (!args.generate.empty()) {
        if (args.generate != "igf") throw std::runtime_error(say("cli.schedule.unknown_forum"));
        ForumSize size;
        if (args.sessions != size.sessions) {
            // Smaller or larger forums keep the IGF's proportions.
            size.rooms = std::max(2, (args.sessions * size.rooms + 150) / 300);
            size.people = std::max(10, args.sessions * size.people / 300);
            size.chains = args.sessions * size.chains / 300;
            size.sessions = args.sessions;
        }
        write_json(to_json(generate_forum(args.seed, size)), args.out_file);
        return 0;
    }
    auto instance = read_instance(args.in_file, instance_from_json);
    auto problems = instance_problems(instance);
    for (const auto& p : problems)
        std::cerr << args.in_file << ": " << p.field << ": " << p.message << "\n";
    if (!problems.empty()) return 1;
    ScheduleOptions options;
    options.time_limit = args.time_limit;
    options.seed = args.seed;
    options.plain_cbc = args.plain_cbc;
    auto result = programme::schedule(instance, options);
    if (!result.violations.empty()) {
        for (const auto& v : result.violations) std::cerr << v.text << "\n";
        std::cerr << say("cli.schedule.violations", {{"count", result.violations.size()}}) << "\n";
        return 3;
    }
    write_json(to_json(instance, result), args.out_file);
    char seconds[32], gap[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", result.seconds);
    auto total = result.objective.total;
    std::snprintf(gap, sizeof gap, "%.1f",
                  total > 0 ? 100.0 * static_cast<double>(total - result.lower_bound) /
                                  static_cast<double>(total)
                            : 0.0);
    MessageParams params{{"placed", result.placed},         {"sessions", instance.sessions.size()},
                         {"seconds", std::string(seconds)}, {"total", total},
                         {"bound", result.lower_bound},     {"gap", std::string(gap)}};
    std::cerr << say(result.optimal ? "cli.schedule.optimal" : "cli.schedule.summary", params)
              << "\n";
    return 0;
}

int screen(const std::string& edition_file, const std::string& proposals_file) {
    ScreeningContext context;
    try {
        context = screening_context_from_json(read_json(edition_file));
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(edition_file + ": " + e.what());
    }
    auto list = read_json(proposals_file);
    if (list.is_object() && list.contains("proposals")) list = list["proposals"];
    if (!list.is_array())
        throw std::runtime_error(say("cli.screen.not_a_list", {{"path", proposals_file}}));
    std::vector<Proposal> proposals;
    for (std::size_t i = 0; i < list.size(); ++i) {
        try {
            proposals.push_back(proposal_from_json(list[i]));
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(
                say("cli.file.error_in_proposal",
                    {{"path", proposals_file}, {"n", i + 1}, {"error", e.what()}}));
        }
    }
    try {
        for (const auto& result : screen_proposals(proposals, context))
            std::cout << to_json(result).dump() << "\n";
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(proposals_file + ": " + e.what());
    }
    return 0;
}

int import_workshop_page(const std::string& file, const std::string& database_url,
                         EditionId into_edition) {
    auto page = parse_workshop_page(read_file(file));
    auto json = to_json(page);
    if (into_edition.value() > 0) {
        auto database = db::Database::open(database_url, 1);
        db::migrate(*database);
        auto c = database->acquire();
        db::Transaction tx(*c);
        json["stored_as"] =
            store::import_workshop_page(*c, into_edition, page, format_utc(Clock::now()));
        tx.commit();
    }
    std::cout << json.dump(2) << "\n";
    for (const auto& note : page.unread) std::cerr << file << ": " << note << "\n";
    return 0;
}

}  // namespace convene::cli
